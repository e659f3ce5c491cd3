/**
 * Opportunity stages: which names mean won, lost or still open (the vendors' defaults), and the note that
 * says how the stages of a sheet were counted.
 */

import { InputError } from '../../errors.js';
import type { Lang } from '../../i18n/lang.js';
import { km } from '../messages.js';
import { normName } from '../metrics.js';
import type { StageVerdict } from '../result.js';

export type { StageVerdict };

/** A stage name as compared: `06 - Closed Won (100%)` → `closedwon`. */
export function stageKey(stage: string): string {
  return normName(stage.replace(/[(（][^)）]*[)）]/g, '').replace(/^\s*\d+\s*[.\-、:：)]?\s*/, ''));
}

/** The vendors' default stage names: Salesforce, HubSpot (closedwon), Dynamics, 纷享销客, 销售易, 钉钉/飞书. */
export const WON_STAGES = new Set(
  [
    'Closed Won',
    'closedwon',
    'Won',
    'Deal won',
    '赢单',
    '已赢单',
    '成交',
    '已成交',
    '签约',
    '已签约',
    '贏單',
    '已贏單',
    '簽約',
    '已簽約',
  ].map(stageKey),
);
export const LOST_STAGES = new Set(
  [
    'Closed Lost',
    'closedlost',
    'Lost',
    'Deal lost',
    '输单',
    '已输单',
    '丢单',
    '已丢单',
    '失败',
    '輸單',
    '已輸單',
    '丟單',
    '失敗',
  ].map(stageKey),
);

/** One line on which stages were counted as won, lost and open; a refusal when none is won or lost. */
export function stageNote(
  stageCount: ReadonlyMap<string, number>,
  stageVerdict: ReadonlyMap<string, StageVerdict>,
  stageHeader: string,
  opts: { file: string; sheet: string },
): (lang: Lang) => string {
  const by: Record<StageVerdict, [string, number][]> = { won: [], lost: [], open: [] };
  for (const [stage, n] of stageCount) by[stageVerdict.get(stage)!].push([stage, n]);
  const list = (xs: [string, number][], max: number) =>
    xs
      .sort((a, b) => b[1] - a[1])
      .slice(0, max)
      .map(([s, n]) => `${s} (${n})`)
      .join(', ') + (xs.length > max ? ' …' : '');
  const total = (xs: [string, number][]) => xs.reduce((a, [, n]) => a + n, 0);
  if (stageCount.size > 0 && by.won.length === 0)
    throw new InputError(
      'kpi.noWonStage',
      km.noWonStage({ column: stageHeader, found: list([...by.open, ...by.lost], 8) }),
      {
        location: { file: opts.file, sheet: opts.sheet },
        hint: km.noWonStageHint({
          example: by.open
            .slice(0, 2)
            .map(([s]) => s)
            .join(','),
        }),
      },
    );
  return km.stages({
    won: by.won.length > 0 ? list(by.won, 4) : '—',
    lost: by.lost.length > 0 ? list(by.lost, 4) : '—',
    open: by.open.length > 0 ? list(by.open, 3) : '—',
    openDeals: total(by.open),
    openStages: by.open.length,
  });
}
