import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../src/core/history.js';
import { allocate, splitTable } from '../../src/core/targets/allocate.js';
import { decompose } from '../../src/core/targets/decompose.js';
import { parsePeriod } from '../../src/core/targets/period.js';
import {
  planRules,
  type TargetPlan,
  type TargetPlanInput,
  targetPlanSchema,
} from '../../src/core/targets/plan.js';

function plan(raw: Record<string, unknown>): TargetPlan {
  const parsed = targetPlanSchema.parse(raw) as TargetPlanInput;
  const r = planRules(parsed);
  if (!('plan' in r))
    throw new Error(r.issues.map((i) => `${i.path.join('.')}: ${i.message('en')}`).join('\n'));
  return r.plan;
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
  });

  it('never loses or invents a unit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (units, weights) => {
          const parts = allocate(units, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(units);
          const sum = weights.reduce((a, b) => a + b, 0);
          if (sum > 0)
            parts.forEach((p, i) => {
              const exact = (units * weights[i]!) / sum;
              expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6);
            });
        },
      ),
    );
  });

  it('rounds a table so that every row and every column adds up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (rowW, colW) => {
          const total = rowW.reduce((a, b) => a + b, 0);
          const cols = allocate(total, colW);
          const table = splitTable(rowW, cols);
          table.forEach((row, r) => expect(row.reduce((a, b) => a + b, 0)).toBe(rowW[r]));
          cols.forEach((c, j) => expect(table.reduce((a, row) => a + row[j]!, 0)).toBe(c));
          table.forEach((row, r) =>
            row.forEach((v, j) => {
              const exact = total > 0 ? (rowW[r]! * cols[j]!) / total : 0;
              expect(v).toBeGreaterThanOrEqual(Math.floor(exact));
              expect(v).toBeLessThanOrEqual(Math.ceil(exact));
            }),
          );
        },
      ),
    );
  });
});

describe('worked examples', () => {
  it('1200 with quarter shares 20/25/25/30 gives 240/300/300/360', () => {
    const r = decompose(plan({ total: 1200, period: '2026', quarters: [20, 25, 25, 30] }), null);
    expect(r.time.quarters.map((q) => q.target)).toEqual([240, 300, 300, 360]);
  });

  it('Q1 300 split 30/30/40 gives 72/72/96 (of 240); with a 10% reserve 79.2/79.2/105.6', () => {
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

  it('a year 1200 with quarters 20/25/25/30 and Q1 months 30/30/40 gives 72/72/96 for Q1', () => {
    const r = decompose(
      plan({
        total: 1200,
        period: '2026',
        quarters: [20, 25, 25, 30],
        months: [30, 30, 40, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      }),
      null,
    );
    expect(r.time.months.slice(0, 3).map((m) => m.target)).toEqual([72, 72, 96]);
    expect(r.time.months.slice(3, 6).map((m) => m.target)).toEqual([100, 100, 100]);
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
});
