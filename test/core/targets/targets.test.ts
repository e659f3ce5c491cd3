import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../../src/core/history.js';
import { allocate, splitTable } from '../../../src/core/targets/allocate.js';
import { decompose, type TargetsResult } from '../../../src/core/targets/decompose.js';
import { parsePeriod } from '../../../src/core/targets/period.js';
import {
  expandMemberNames,
  planRules,
  type TargetPlan,
  type TargetPlanInput,
  targetPlanSchema,
} from '../../../src/core/targets/plan.js';

function plan(raw: Record<string, unknown>): TargetPlan {
  const parsed = targetPlanSchema.parse(expandMemberNames(raw)) as TargetPlanInput;
  const r = planRules(parsed);
  if (!('plan' in r))
    throw new Error(r.issues.map((i) => `${i.path.join('.')}: ${i.message('en')}`).join('\n'));
  return r.plan;
}

function issues(raw: Record<string, unknown>): string[] {
  const r = planRules(targetPlanSchema.parse(expandMemberNames(raw)) as TargetPlanInput);
  return 'plan' in r ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message('en')}`);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Every level adds up exactly to its parent, in integer units of the precision. */
function expectConsistent(r: TargetsResult): void {
  const u = (x: number) => Math.round(x * 10 ** r.precision);
  expect(sum(r.time.months.map((m) => u(m.target)))).toBe(u(r.assignedTotal));
  expect(sum(r.time.months.map((m) => u(m.companyTarget)))).toBe(u(r.companyTarget));
  expect(sum(r.time.quarters.map((q) => u(q.target)))).toBe(u(r.assignedTotal));
  expect(sum(r.lines.map((l) => u(l.target)))).toBe(u(r.assignedTotal));
  for (const [i, month] of r.months.entries())
    expect(sum(r.lines.filter((l) => l.month === month).map((l) => u(l.target)))).toBe(
      u(r.time.months[i]!.target),
    );
  const top = r.org.filter((o) => o.level === r.levels[0]);
  if (top.length > 0) expect(sum(top.map((o) => u(o.target)))).toBe(u(r.assignedTotal));
  for (const o of r.org) {
    expect(sum(o.months.map(u))).toBe(u(o.target));
    const depth = r.levels.indexOf(o.level);
    const below = r.levels[depth + 1];
    if (!below) continue;
    const kids = r.org.filter(
      (k) => k.level === below && r.levels.slice(0, depth + 1).every((l) => k.path[l] === o.path[l]),
    );
    expect(sum(kids.map((k) => u(k.target)))).toBe(u(o.target));
    for (let i = 0; i < r.months.length; i++)
      expect(sum(kids.map((k) => u(k.months[i]!)))).toBe(u(o.months[i]!));
  }
}

describe('period', () => {
  it('knows the months and quarters of years, halves, quarters and months', () => {
    expect(parsePeriod('2026-H2')).toMatchObject({
      kind: 'half',
      months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
      quarters: ['2026-Q3', '2026-Q4'],
    });
    expect(parsePeriod('2026')?.months).toHaveLength(12);
    expect(parsePeriod('2026-q1')?.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(parsePeriod('2026-07')?.quarters).toEqual(['2026-Q3']);
    expect(parsePeriod('2026-H3')).toBeUndefined();
    expect(parsePeriod('2026-13')).toBeUndefined();
  });
});

describe('largest remainder', () => {
  it('splits 100 in thirds as 34/33/33 and keeps the sum', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [35, 25, 22, 18])).toEqual([350, 250, 220, 180]);
    expect(allocate(10, [0, 0])).toEqual([5, 5]);
    expect(allocate(7, [1, 2, 4])).toEqual([1, 2, 4]);
  });

  it('never loses or invents a unit and stays within one unit of the exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (units, weights) => {
          const parts = allocate(units, weights);
          expect(sum(parts)).toBe(units);
          const total = sum(weights);
          if (total > 0)
            for (const [i, p] of parts.entries())
              expect(Math.abs(p - (units * weights[i]!) / total)).toBeLessThan(1 + 1e-6);
        },
      ),
    );
  });

  it('rounds a table so that every row and every column adds up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (rowTotals, colWeights) => {
          const total = sum(rowTotals);
          const cols = allocate(total, colWeights);
          const table = splitTable(rowTotals, cols);
          for (const [r, row] of table.entries()) expect(sum(row)).toBe(rowTotals[r]);
          for (const [j, c] of cols.entries()) expect(sum(table.map((row) => row[j]!))).toBe(c);
          for (const [r, row] of table.entries())
            for (const [j, v] of row.entries()) {
              const exact = total > 0 ? (rowTotals[r]! * cols[j]!) / total : 0;
              expect(v).toBeGreaterThanOrEqual(Math.floor(exact));
              expect(v).toBeLessThanOrEqual(Math.ceil(exact));
            }
        },
      ),
    );
  });
});

describe('worked examples', () => {
  it('1200 with quarter shares 20/25/25/30 gives 240/300/300/360', () => {
    const r = decompose(plan({ total: 1200, period: '2026', quarters: [20, 25, 25, 30] }), null);
    expect(r.time.quarters.map((q) => q.target)).toEqual([240, 300, 300, 360]);
    expect(r.time.months.map((m) => m.target)).toEqual([
      80, 80, 80, 100, 100, 100, 100, 100, 100, 120, 120, 120,
    ]);
  });

  it('Q1 240 split 30/30/40 gives 72/72/96; with a 10% reserve the reps get 79.2/79.2/105.6', () => {
    const r = decompose(plan({ total: 240, period: '2026-Q1', months: [30, 30, 40], precision: 1 }), null);
    expect(r.time.months.map((m) => m.target)).toEqual([72, 72, 96]);
    const withReserve = decompose(
      plan({ total: 240, period: '2026-Q1', months: [30, 30, 40], precision: 1, reserve: '10%' }),
      null,
    );
    expect(withReserve.time.months.map((m) => m.target)).toEqual([79.2, 79.2, 105.6]);
    expect(withReserve.time.months.map((m) => m.companyTarget)).toEqual([72, 72, 96]);
    expect(withReserve.assignedTotal).toBe(264);
    expect(withReserve.reserveAmount).toBe(24);
  });

  it('a year with quarters 20/25/25/30 splits each quarter by its months (Q1 30/30/40 → 72/72/96)', () => {
    const r = decompose(
      plan({
        total: 1200,
        period: '2026',
        quarters: [20, 25, 25, 30],
        months: [30, 30, 40, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      }),
      null,
    );
    expect(r.time.months.slice(0, 6).map((m) => m.target)).toEqual([72, 72, 96, 100, 100, 100]);
    expect(r.method.quarters).toBe('weights');
  });

  it('1000 万元 over 12 months with a 10% reserve: 91.67 or 91.66 a month, adding up to exactly 1100', () => {
    const r = decompose(plan({ total: 1000, unit: '万元', period: '2026', reserve: 0.1 }), null);
    expect(r.precision).toBe(2);
    expect(r.time.months.map((m) => m.target)).toEqual([
      91.67, 91.67, 91.67, 91.67, 91.67, 91.67, 91.67, 91.67, 91.66, 91.66, 91.66, 91.66,
    ]);
    expect(r.assignedTotal).toBe(1100);
    expectConsistent(r);
  });

  it('12000 万元 for 2026-H2 over four regions 35/25/22/18 with a 10% reserve', () => {
    const r = decompose(
      plan({
        total: 12000,
        unit: '万元',
        period: '2026-H2',
        reserve: '10%',
        regions: [
          { name: '华东', weight: 35 },
          { name: '华南', weight: 25 },
          { name: '华北', weight: 22 },
          { name: '西部', weight: 18 },
        ],
      }),
      null,
    );
    expect(r.assignedTotal).toBe(13200);
    expect(r.reserveAmount).toBe(1200);
    expect(r.org.map((o) => [o.name, o.target])).toEqual([
      ['华东', 4620],
      ['华南', 3300],
      ['华北', 2904],
      ['西部', 2376],
    ]);
    expect(r.time.months.map((m) => m.target)).toEqual([2200, 2200, 2200, 2200, 2200, 2200]);
    expect(r.org[0]!.months).toEqual([770, 770, 770, 770, 770, 770]);
    expect(r.lines).toHaveLength(24);
    expect(r.lines[0]).toEqual({ path: { region: '华东' }, month: '2026-07', target: 770 });
  });

  it('splits 100 over three reps and three months: every row and column adds up, no cent lost', () => {
    const r = decompose(
      plan({ total: 100, period: '2026-Q3', precision: 2, reps: ['甲', '乙', '丙'] }),
      null,
    );
    expect(r.org.map((o) => o.target)).toEqual([33.34, 33.33, 33.33]);
    expect(r.time.months.map((m) => m.target)).toEqual([33.34, 33.33, 33.33]);
    expect(r.org.map((o) => o.months)).toEqual([
      [11.12, 11.11, 11.11],
      [11.11, 11.11, 11.11],
      [11.11, 11.11, 11.11],
    ]);
    expectConsistent(r);
  });

  it('keeps the monthly floor and spreads the rest by the weights', () => {
    const r = decompose(plan({ total: 1000, period: '2026-Q1', months: [10, 30, 60], floor: 200 }), null);
    expect(r.time.months.map((m) => m.target)).toEqual([200, 267, 533]);
    expect(r.method.floors).toBe(true);
  });

  it('decomposes three levels, regions → teams → reps, with weights at some levels and even splits below', () => {
    const r = decompose(
      plan({
        total: 3000,
        period: '2026-Q4',
        precision: 1,
        reserve: '15%',
        regions: [
          {
            name: '华东',
            weight: '60%',
            teams: [
              { name: '上海', weight: 2, reps: ['张三', '李四', '王五'] },
              { name: '杭州', weight: 1, reps: ['赵六'] },
            ],
          },
          { name: '华南', weight: '40%', teams: [{ name: '广州', reps: ['钱七', '孙八'] }] },
        ],
      }),
      null,
    );
    expect(r.levels).toEqual(['region', 'team', 'rep']);
    expect(r.method.org).toEqual(['weights', 'mixed', 'even']);
    expect(r.assignedTotal).toBe(3450);
    expect(r.org.filter((o) => o.level === 'team').map((o) => [o.name, o.target])).toEqual([
      ['上海', 1380],
      ['杭州', 690],
      ['广州', 1380],
    ]);
    expect(r.org.filter((o) => o.level === 'rep').map((o) => o.target)).toEqual([
      460, 460, 460, 690, 690, 690,
    ]);
    expect(r.lines[0]).toEqual({
      path: { region: '华东', team: '上海', rep: '张三' },
      month: '2026-10',
      target: 153.4,
    });
    expectConsistent(r);
  });

  it('--by cuts a deeper plan to the levels asked for', () => {
    const r = decompose(
      plan({
        total: 90,
        period: '2026-Q3',
        by: ['region', 'month'],
        regions: [
          { name: 'A', teams: [{ name: 'x' }] },
          { name: 'B', teams: [{ name: 'y' }] },
        ],
      }),
      null,
    );
    expect(r.levels).toEqual(['region']);
    expect(r.lines.map((l) => l.target)).toEqual([15, 15, 15, 15, 15, 15]);
  });
});

describe('rounding invariant of a whole decomposition (property)', () => {
  const node = (depth: number): fc.Arbitrary<Record<string, unknown>[]> =>
    fc
      .array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 4 })
      .chain((weights) =>
        depth === 1
          ? fc.constant(weights.map((w, i) => ({ name: `n${i}`, weight: w + (i === 0 ? 1 : 0) })))
          : fc
              .tuple(...weights.map(() => node(depth - 1)))
              .map((kids) =>
                weights.map((w, i) => ({ name: `n${i}`, weight: w + (i === 0 ? 1 : 0), reps: kids[i] })),
              ),
      );
  it('every level adds up to its parent for any total, weights, reserve and precision', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }).map((x) => x / 100),
        fc.constantFrom('2026', '2026-H1', '2026-Q2', '2026-09'),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }),
        node(2),
        (total, period, precision, reservePct, monthW, teams) => {
          const months = parsePeriod(period)!.months.length;
          const weights = monthW.slice(0, months);
          weights[0]! += 1;
          const r = decompose(
            plan({ total, period, precision, reserve: `${reservePct}%`, months: weights, teams }),
            null,
          );
          expectConsistent(r);
          expect(Math.round(r.assignedTotal * 10 ** precision)).toBe(
            Math.round(total * (1 + reservePct / 100) * 10 ** precision),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('history', () => {
  const row = (month: string, region: string, amount: number, rep?: string): HistoryRow => ({
    month,
    group: rep ? { region, rep } : { region },
    amount,
  });
  // Prior year 2025-H2 by region; 华北 only from September. 2024-H2 for 华东 and 华南 (their own growth).
  const history: HistoryRow[] = [
    ...['07', '08', '09', '10', '11', '12'].flatMap((m, i) => [
      row(`2025-${m}`, '华东', [60, 60, 70, 70, 80, 100][i]!),
      row(`2025-${m}`, '华南', [40, 40, 30, 50, 40, 60][i]!),
    ]),
    row('2025-09', '华北', 20),
    row('2025-12', '华北', 20),
    ...['07', '08', '09', '10', '11', '12'].flatMap((m) => [
      row(`2024-${m}`, '华东', 70),
      row(`2024-${m}`, '华南', 40),
    ]),
  ];

  it('derives seasonality from the prior-year months and shares from the prior-year amounts', () => {
    const r = decompose(
      plan({ total: 1400, period: '2026-H2', months: 'history', split: 'history', by: ['region', 'month'] }),
      history,
    );
    // Prior-year months: 100, 100, 120, 120, 120, 180 (sum 740).
    expect(r.time.months.map((m) => m.priorYear)).toEqual([100, 100, 120, 120, 120, 180]);
    expect(r.time.months.map((m) => m.target)).toEqual([189, 189, 227, 227, 227, 341]);
    // Members come from the history, largest first: 华东 440, 华南 260, 华北 40.
    expect(r.org.map((o) => [o.name, o.priorYear, o.target])).toEqual([
      ['华东', 440, 832],
      ['华南', 260, 492],
      ['华北', 40, 76],
    ]);
    expect(r.method.org).toEqual(['history']);
    expectConsistent(r);
  });

  it('gives a month without history the average weight and says so', () => {
    const gap = history.filter((h) => h.month !== '2025-08');
    const r = decompose(plan({ total: 600, period: '2026-H2', months: 'history' }), gap);
    // 2025-08 missing: average of 100, 120, 120, 120, 180 = 128.
    expect(r.time.months.map((m) => m.target)).toEqual([78, 100, 94, 94, 94, 140]);
    expect(r.notes.map((n) => n('en'))).toEqual([
      '2026-08: no prior-year amount for 2025-08 in the history; the month got the average weight',
    ]);
    expect(r.advice.filter((a) => a.subject === '2026-08').map((a) => a.message('en'))).toEqual([
      'no prior-year actual in the history: the target of 100 rests on no data; check it with the owner',
    ]);
  });

  it('advises on a target below the prior year, a growth far beyond its own history, and no history', () => {
    const r = decompose(
      plan({
        total: 1000,
        period: '2026-H2',
        regions: [
          { name: '华东', weight: 40 },
          { name: '华南', weight: 50 },
          { name: '西部', weight: 10 },
        ],
      }),
      history,
    );
    const org = r.advice.filter((a) => !/^\d{4}-\d{2}$/.test(a.subject));
    expect(org.map((a) => [a.code, a.subject, a.message('en')])).toEqual([
      [
        'targets.belowPriorYear',
        '华东',
        'the target 400 is below the prior-year actual 440 (−9.1%); a target should stretch',
      ],
      [
        'targets.growthBeyondHistory',
        '华南',
        'the target 500 is +92.3% over the prior year (260), far beyond its own growth the year before (+8.3%)',
      ],
      [
        'targets.noHistory',
        '西部',
        'no prior-year actual in the history: the target of 100 rests on no data; check it with the owner',
      ],
    ]);
    expect(org[1]!.message('zh-CN')).toBe('目标 500 比上年（260）增长 +92.3%，远超其前一年的增长（+8.3%）');
    expect(org[0]!.message('zh-TW')).toBe('目標 400 低於去年實績 440（−9.1%）；目標應有挑戰性');
  });

  it('says when the history names no member of a level asked for', () => {
    expect(() => decompose(plan({ total: 10, period: '2026-H2', by: ['region', 'team'] }), history)).toThrow(
      'the history names no team under 华东',
    );
  });

  it('needs a history file for history weights', () => {
    expect(() => decompose(plan({ total: 10, period: '2026-Q1', months: 'history' }), null)).toThrow(
      'months: history needs a history file',
    );
  });
});

describe('plan rules', () => {
  it('names what is wrong and where', () => {
    expect(issues({ total: 1, period: '2026', quarters: [1, 2, 3] })).toEqual([
      'quarters: expected 4 weights, one per quarter of 2026, found 3',
    ]);
    expect(issues({ total: 1, period: '2026-H2', months: { 7: 1, 13: 2 } })).toEqual([
      'months.13: "13" is not a month of 2026-H2 (its months: 2026-07, 2026-08, 2026-09, 2026-10, 2026-11, 2026-12)',
    ]);
    expect(issues({ total: 1, period: '2026-Q3', months: { 7: 1, 8: 2 } })).toEqual([
      'months: no weight for 2026-09; give a weight to every month of 2026-Q3',
    ]);
    expect(
      issues({ total: 1, period: '2026-Q3', regions: [{ name: 'A', weight: 1 }, { name: 'B' }] }),
    ).toEqual([
      'regions.1: some members have a weight and some do not; give a weight to every member or to none',
    ]);
    expect(issues({ total: 1, period: '2026-Q3', regions: ['A', 'A'] })).toEqual([
      'regions.1.name: "A" appears twice here',
    ]);
    expect(issues({ total: 100, period: '2026-Q3', floor: 40 })).toEqual([
      'floor: the monthly floors add up to 120, more than the target to assign (100)',
    ]);
    expect(
      issues({ total: 1, period: '2026-Q3', regions: [{ name: 'A', teams: ['x'] }, { name: 'B' }] }),
    ).toEqual([
      'regions.1: B has nothing under it but its siblings have teams; every member of a level needs the same levels below it',
    ]);
    expect(issues({ total: 1, period: '2026-Q3', by: ['team', 'region'] })).toEqual([
      'by: levels must go from the top down (region, team, rep), found team,region',
    ]);
  });
});
