/**
 * SMART checks on a decomposition, as advice (never errors): a month or member with no prior-year actual, a
 * growth far beyond the member's own history (or its peers', or the period's), a target below the prior year.
 */
import type { Text } from '../i18n/messages.js';
import type { TargetsResult } from './decompose.js';
import type { OrgPath } from './history.js';
import { tm } from './messages.js';

export interface Advice {
  code: 'targets.noHistory' | 'targets.belowPriorYear' | 'targets.growthBeyondHistory';
  /** The month (`2026-07`) or the member (`华东 / 一组 / 张三`). */
  subject: string;
  message: Text;
}

/** How far (in percentage points) a growth may exceed its reference before it is flagged. */
export const GROWTH_MARGIN = 0.15;

const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function smartAdvice(r: TargetsResult, priorYear2Of: (path: OrgPath) => number | null): Advice[] {
  const out: Advice[] = [];
  const num = (x: number) => `${x.toFixed(r.precision)}${r.unit ? ` ${r.unit}` : ''}`;
  const check = (
    subject: string,
    target: number,
    py: number | null,
    reference: { growth: number; kind: 'beyondOwn' | 'beyondPeers' | 'beyondPeriod' } | null,
  ) => {
    if (py === null || py <= 0) {
      out.push({ code: 'targets.noHistory', subject, message: tm.noHistory({ target: num(target) }) });
      return;
    }
    const growth = target / py - 1;
    if (target < py) {
      out.push({
        code: 'targets.belowPriorYear',
        subject,
        message: tm.below({ target: num(target), priorYear: num(py), growth: pct(growth) }),
      });
    } else if (reference && growth > reference.growth + GROWTH_MARGIN) {
      out.push({
        code: 'targets.growthBeyondHistory',
        subject,
        message: tm[reference.kind]({
          target: num(target),
          priorYear: num(py),
          growth: pct(growth),
          reference: pct(reference.growth),
        }),
      });
    }
  };

  const pySum = r.time.months.reduce((a, m) => a + (m.priorYear ?? 0), 0);
  const periodGrowth = pySum > 0 ? r.assignedTotal / pySum - 1 : null;
  for (const m of r.time.months)
    check(
      m.period,
      m.target,
      m.priorYear,
      periodGrowth === null ? null : { growth: periodGrowth, kind: 'beyondPeriod' },
    );

  const parentKey = (path: OrgPath, level: string) =>
    JSON.stringify(Object.entries(path).filter(([k]) => k !== level));
  for (const row of r.org) {
    const py2 = priorYear2Of(row.path);
    let reference: { growth: number; kind: 'beyondOwn' | 'beyondPeers' } | null = null;
    if (row.priorYear !== null && row.priorYear > 0 && py2 !== null && py2 > 0) {
      reference = { growth: row.priorYear / py2 - 1, kind: 'beyondOwn' };
    } else {
      const key = parentKey(row.path, row.level);
      const peers = r.org
        .filter((o) => o !== row && o.level === row.level && parentKey(o.path, o.level) === key)
        .map((o) => o.growth)
        .filter((g): g is number => g !== null);
      if (peers.length >= 2) reference = { growth: median(peers), kind: 'beyondPeers' };
    }
    check(Object.values(row.path).join(' / '), row.target, row.priorYear, reference);
  }
  return out;
}
