/** The ranking section of the report (红黑榜) on a team too large to list in full. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_THRESHOLDS } from '../../../src/core/kpi/formulas.js';
import { meetingSchema } from '../../../src/core/meeting/schema.js';
import { type Block, type ReportInput, reportView } from '../../../src/core/report/view.js';
import { dimension, type G, result, revenue } from '../../helpers/report-input.js';

// 40 reps without targets, ranked by revenue: rep i sold 1,000 − 10 × i (R1 990 … R40 600), prior year 500 each.
const REPS: G[] = Array.from({ length: 40 }, (_, i) => [`R${i + 1}`, 1000 - 10 * (i + 1), null, 500]);

const MEETING = meetingSchema.parse(
  parse(readFileSync(new URL('../../../examples/2026-h1-review/meeting.yaml', import.meta.url), 'utf8')),
);

function input(lang: ReportInput['lang'], reps: G[]): ReportInput {
  return {
    lang,
    style: 'data',
    meeting: MEETING,
    kpi: result([], [revenue({ actual: 31_800, priorYear: 20_000 })]),
    dimensions: [dimension('region', [['华东', 31_800, null, 20_000]]), dimension('rep', reps)],
    months: [],
    thresholds: DEFAULT_THRESHOLDS,
    narrative: {},
    minutes: undefined,
    actions: [],
    today: '2026-07-10',
    sources: [],
  };
}

const rankingBlocks = (i: ReportInput): Block[] =>
  reportView(i)
    .parts.flatMap((p) => p.sections)
    .find((s) => s.id === 'ranking')!.blocks;

describe('the ranking of a large team', () => {
  it('shows the top ten and the bottom ten of 40 reps, and says where the other 20 are', () => {
    const blocks = rankingBlocks(input('zh-CN', REPS));
    const tables = blocks.filter((b) => b.kind === 'table');
    const reps = tables.at(-1)!;
    if (reps.kind !== 'table') throw new Error('no table');
    expect(reps.table.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `${i + 1} R${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `${i + 31} R${i + 31}`),
    ]);
    const last = blocks.at(-1)!;
    if (last.kind !== 'text') throw new Error('no line under the table');
    expect(last.sentences[0]!.text).toBe('表中为前 10 名与后 10 名；其余 20 名见 `salesmeet kpi --by rep`。');
    const en = rankingBlocks(input('en', REPS)).at(-1)!;
    if (en.kind !== 'text') throw new Error('no line under the table');
    expect(en.sentences[0]!.text).toBe(
      'The table shows the top 10 and the bottom 10; the other 20 are in `salesmeet kpi --by rep`.',
    );
  });

  it('lists 30 reps in full', () => {
    const blocks = rankingBlocks(input('zh-CN', REPS.slice(0, 30)));
    const reps = blocks.filter((b) => b.kind === 'table').at(-1)!;
    if (reps.kind !== 'table') throw new Error('no table');
    expect(reps.table.rows).toHaveLength(30);
    expect(blocks.at(-1)!.kind).toBe('table');
  });
});
