/**
 * The report's analysis on small hand-made inputs; every expected figure below was worked out by hand (the
 * working is in the comments), not by running the code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bridge,
  headline,
  movers,
  priceVolume,
  ranking,
  rankOf,
  roundToSum,
  statusCounts,
  trend,
} from '../../../src/core/report/analysis.js';

describe('headline', () => {
  it('is the worked example of DESIGN.md: 9,200 against 10,000, prior year 8,000, prior period 8,800', () => {
    const h = headline({ name: 'total', actual: 9200, target: 10000, priorYear: 8000, priorPeriod: 8800 }, 1);
    // 9200 / 10000 = 0.92; 9200 − 10000 = −800; (9200 − 8000) / 8000 = 0.15; (9200 − 8800) / 8800 = 0.0454545…
    expect(h).toEqual({
      actual: 9200,
      target: 10000,
      achievement: 0.92,
      gap: -800,
      priorYear: 8000,
      yoy: 0.15,
      priorPeriod: 8800,
      mom: 0.0454545454545455,
      gapToProgress: -0.08,
    });
  });

  it('gives no percentage for a missing or zero base, and nothing without an actual', () => {
    const h = headline({ name: 't', actual: 50, target: 0, priorYear: null, priorPeriod: 0 }, null);
    expect(h).toMatchObject({ achievement: null, gap: 50, yoy: null, mom: null, gapToProgress: null });
    expect(headline({ name: 't', actual: null, target: 1, priorYear: 1, priorPeriod: 1 }, 0.5)).toBeNull();
  });
});

describe('roundToSum', () => {
  it('gives the remainder to the largest fractions so the printed parts add up', () => {
    // floors 33 + 33 + 33 = 99, the total rounds to 100: the one left goes to .334
    expect(roundToSum([33.333, 33.333, 33.334], 0)).toEqual([33, 33, 34]);
    // ×10: −12.6, 45.3, 27.3 → floors −13, 45, 27 = 59; the sum 6.0 is 60: +1 to the largest rest (.4, index 0)
    expect(roundToSum([-1.26, 4.53, 2.73], 1)).toEqual([-1.2, 4.5, 2.7]);
    // independent rounding would print 3.3 + 3.3 + 3.3 = 9.9
    expect(roundToSum([10 / 3, 10 / 3, 10 / 3], 1)).toEqual([3.4, 3.3, 3.3]);
  });

  it('always adds up to the rounded total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (xs) => {
          const r = roundToSum(xs, 1);
          const sum = Math.round(r.reduce((s, v) => s + v, 0) * 10) || 0;
          expect(sum).toBe(Math.round(Number((xs.reduce((s, v) => s + v, 0) * 10).toPrecision(12))) || 0);
          for (let i = 0; i < xs.length; i++) expect(Math.abs(r[i]! - xs[i]!)).toBeLessThan(0.1 + 1e-9);
        },
      ),
    );
  });
});

describe('bridge: what each group contributed to the growth', () => {
  it('adds up to the total change: 1,000 → 1,150 is +15.0%, of which A +12.0 pp, C +4.0 pp, B −1.0 pp', () => {
    const b = bridge([
      { name: 'A', base: 400, current: 520 },
      { name: 'B', base: 350, current: 340 },
      { name: 'C', base: 250, current: 290 },
    ])!;
    expect(b.base).toBe(1000);
    expect(b.current).toBe(1150);
    expect(b.delta).toBe(150);
    expect(b.growth).toBe(0.15);
    // Δ: A +120, C +40, B −10; ÷ 1000 → 0.12, 0.04, −0.01; ÷ 150 → 0.8, 0.26667, −0.06667
    expect(b.items.map((i) => [i.name, i.delta, i.contribution, i.shareOfChange, i.growth])).toEqual([
      ['A', 120, 0.12, 0.8, 0.3],
      ['C', 40, 0.04, 0.266666666666667, 0.16],
      ['B', -10, -0.01, -0.0666666666666667, -0.0285714285714286],
    ]);
    expect(b.items.map((i) => i.printed.shareOfChange)).toEqual([0.8, 0.267, -0.067]);
    const sum = b.items.reduce((s, i) => s + i.contribution, 0);
    expect(sum).toBeCloseTo(b.growth!, 12);
  });

  it('rounds the printed contributions so they add up to the printed growth', () => {
    // base 3,000 → 3,300: +10.0%; each group +100 = 3.333… pp; printed 3.4 + 3.3 + 3.3 = 10.0, not 9.9
    const b = bridge([
      { name: '华东', base: 1000, current: 1100 },
      { name: '华南', base: 1000, current: 1100 },
      { name: '华北', base: 1000, current: 1100 },
    ])!;
    expect(b.printedGrowth).toBe(0.1);
    const printed = b.items.map((i) => i.printed.contribution);
    expect(printed.slice().sort()).toEqual([0.033, 0.033, 0.034]);
    expect(Math.round(printed.reduce((s, v) => s + v, 0) * 1000)).toBe(100);
    // shares of the change: 33.4 + 33.3 + 33.3 = 100.0
    const shares = b.items.map((i) => i.printed.shareOfChange!);
    expect(Math.round(shares.reduce((s, v) => s + v, 0) * 1000)).toBe(1000);
  });

  it('leaves out groups without both figures, and has no share of a change that is zero', () => {
    const b = bridge([
      { name: 'A', base: 100, current: 90 },
      { name: 'B', base: 100, current: 110 },
      { name: 'C', base: null, current: 50 },
    ])!;
    expect(b.base).toBe(200);
    expect(b.delta).toBe(0);
    expect(b.items.map((i) => i.shareOfChange)).toEqual([null, null]);
    expect(bridge([{ name: 'A', base: null, current: 1 }])).toBeNull();
  });
});

describe('price and volume', () => {
  it('growth from volume: 100 orders at 10 → 120 orders at 11', () => {
    // R 1,000 → 1,320 (+320): volume (120 − 100) × 10 = 200, price (11 − 10) × 100 = 100, both 20 × 1 = 20
    const pv = priceVolume({ revenue: 1320, orders: 120 }, { revenue: 1000, orders: 100 })!;
    expect(pv).toEqual({
      revenue: { current: 1320, base: 1000, delta: 320, growth: 0.32 },
      orders: { current: 120, base: 100, growth: 0.2 },
      aov: { current: 11, base: 10, growth: 0.1 },
      volumeEffect: 200,
      priceEffect: 100,
      interaction: 20,
      driver: 'volume',
      sameDirection: true,
    });
    expect(pv.volumeEffect + pv.priceEffect + pv.interaction).toBe(pv.revenue.delta);
  });

  it('growth from price: fewer orders (100 → 92) at a higher value (10 → 12.5)', () => {
    // R 1,000 → 1,150 (+150): volume −8 × 10 = −80, price 2.5 × 100 = 250, both −8 × 2.5 = −20
    const pv = priceVolume({ revenue: 1150, orders: 92 }, { revenue: 1000, orders: 100 })!;
    expect(pv.aov).toEqual({ current: 12.5, base: 10, growth: 0.25 });
    expect(pv.orders.growth).toBe(-0.08);
    expect([pv.volumeEffect, pv.priceEffect, pv.interaction]).toEqual([-80, 250, -20]);
    expect(pv.driver).toBe('price');
    expect(pv.sameDirection).toBe(false);
  });

  it('needs orders in both periods', () => {
    expect(priceVolume({ revenue: 10, orders: 0 }, { revenue: 10, orders: 1 })).toBeNull();
    expect(priceVolume({ revenue: 10, orders: 1 }, { revenue: null, orders: 1 })).toBeNull();
  });
});

describe('ranking', () => {
  it('ranks with ties and says how each group moved since the previous period', () => {
    const r = ranking([
      { name: 'A', score: 1.1, previousScore: 0.95 },
      { name: 'B', score: 0.92, previousScore: 1.02 },
      { name: 'C', score: 0.84, previousScore: 0.8 },
      { name: 'D', score: 0.92, previousScore: null },
    ]);
    // now: A 1, B 2, D 2 (tie), C 4; before: B 1, A 2, C 3
    expect(r.map((x) => [x.name, x.rank, x.previousRank, x.change])).toEqual([
      ['A', 1, 2, 1],
      ['B', 2, 1, -1],
      ['D', 2, null, null],
      ['C', 4, 3, -1],
    ]);
  });

  it('ranks lower-is-better scores from the smallest', () => {
    expect(rankOf([0.12, 0.1, null, 0.15], false)).toEqual([2, 1, null, 3]);
  });
});

describe('movers', () => {
  it('names the biggest rise and fall by amount', () => {
    const m = movers([
      { name: '工业软件', base: 3000, current: 4500 },
      { name: '技术服务', base: 1900, current: 1650 },
      { name: '智能硬件', base: 3050, current: 3010 },
    ]);
    expect(m.up).toEqual([{ name: '工业软件', base: 3000, current: 4500, delta: 1500, growth: 0.5 }]);
    // 1650 − 1900 = −250 (−13.157…%) beats 3010 − 3050 = −40
    expect(m.down.map((x) => [x.name, x.delta, x.growth])).toEqual([['技术服务', -250, -0.131578947368421]]);
  });
});

describe('trend', () => {
  it('has monthly and cumulative achievement, the best and worst month, and the months below target', () => {
    const t = trend([
      { month: '2026-01', actual: 100, target: 90, priorYear: 80 },
      { month: '2026-02', actual: 80, target: 100, priorYear: 100 },
      { month: '2026-03', actual: 95, target: 100, priorYear: null },
      { month: '2026-04', actual: 98, target: 100, priorYear: 98 },
    ]);
    // 100/90 = 1.1111…, 0.8, 0.95, 0.98; cumulative 373 / 390 = 0.956410…
    expect(t.points.map((p) => p.achievement)).toEqual([1.11111111111111, 0.8, 0.95, 0.98]);
    expect(t.points.map((p) => p.yoy)).toEqual([0.25, -0.2, null, 0]);
    expect(t.points.at(-1)).toMatchObject({
      cumulativeActual: 373,
      cumulativeTarget: 390,
      cumulativeAchievement: 0.956410256410256,
    });
    expect(t.best?.month).toBe('2026-01');
    expect(t.worst?.month).toBe('2026-02');
    // February, March and April are all below 100%
    expect(t.monthsBelowTarget).toBe(3);
  });

  it('counts nothing below target when the last month met it, and leaves months without data blank', () => {
    const t = trend([
      { month: '2026-05', actual: 90, target: 100, priorYear: null },
      { month: '2026-06', actual: 101, target: 100, priorYear: null },
      { month: '2026-07', actual: null, target: 100, priorYear: null },
    ]);
    expect(t.monthsBelowTarget).toBe(0);
    expect(t.points[2]).toMatchObject({
      achievement: null,
      cumulativeActual: null,
      cumulativeAchievement: null,
    });
  });
});

describe('statusCounts', () => {
  it('counts on track, at risk and off track against the thresholds', () => {
    expect(statusCounts([1.104, 0.938, 0.836, 0.802, null], { onTrack: 1, atRisk: 0.9 })).toEqual({
      onTrack: 1,
      atRisk: 1,
      offTrack: 2,
    });
  });
});

describe('report tables: one number of decimals per column', () => {
  it('gives the whole figures of a column in cents the same decimals, and leaves other columns alone', async () => {
    const { alignDecimals } = await import('../../../src/core/report/view.js');
    expect(
      alignDecimals([
        ['华东', '3,700', '3,093.55', '−606.45', '83.6%'],
        ['合计', '10,000', '9,200', '−800', '92.0%'],
        ['西部', '1,600', '—', '+1,200', '—'],
      ]),
    ).toEqual([
      ['华东', '3,700', '3,093.55', '−606.45', '83.6%'],
      ['合计', '10,000', '9,200.00', '−800.00', '92.0%'],
      ['西部', '1,600', '—', '+1,200.00', '—'],
    ]);
  });
});
