/**
 * The report's chart specs on the half-year example. The figures are the independent sums of the example's
 * 订单明细 sheet written out in test/cli/report/report.test.ts (regions to 4 decimals, months and product lines to
 * 2); every expected number below was worked out by hand from them (the working is in the comments).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n/lang.js';
import { DEFAULT_THRESHOLDS } from '../../../src/core/kpi/formulas.js';
import type { Meeting } from '../../../src/core/meeting/schema.js';
import {
  type BridgeChartSpec,
  CHARTS_BY_STYLE,
  type MixChartSpec,
  monthLabels,
  type ReportChartSpec,
  reportChartSpecs,
  type TrendChartSpec,
} from '../../../src/core/report/charts.js';
import type { ReportInput, ReportStyle } from '../../../src/core/report/view.js';
import { dimension, type G, result, revenue } from '../../helpers/report-input.js';

// Regions: actual, target (the 目标 sheet), prior year; status against time progress 100%.
const REGIONS: G[] = [
  ['华东', 3093.5473, 3700, 2762.2947, 'off-track'],
  ['华南', 2758.938, 2500, 2248.0455, 'on-track'],
  ['华北', 2063.8969, 2200, 1780.935, 'at-risk'],
  ['西部', 1283.6178, 1600, 1208.7249, 'off-track'],
];
const PRODUCTS: G[] = [
  ['工业软件', 4543.25, null, 3011.54],
  ['智能硬件', 3009.9, null, 3059.04],
  ['技术服务', 1646.85, null, 1929.43],
];
const MONTHS: [string, number, number, number][] = [
  ['2026-01', 1257.85, 1272.73, 994.73],
  ['2026-02', 884.29, 1000, 890.25],
  ['2026-03', 1753.69, 1727.27, 1359.61],
  ['2026-04', 1415.35, 1818.19, 1363.12],
  ['2026-05', 1886.48, 1909.08, 1455.03],
  ['2026-06', 2002.35, 2272.73, 1937.27],
];

function input(o: Partial<ReportInput> & { lang?: Lang; style?: ReportStyle } = {}): ReportInput {
  return {
    lang: 'zh-CN',
    style: 'data',
    meeting: {} as Meeting,
    kpi: result([], [revenue({ actual: 9200, target: 10000, priorYear: 8000 })]),
    dimensions: [dimension('region', REGIONS), dimension('product', PRODUCTS)],
    months: MONTHS.map(([label, actual, target, priorYear]) => ({
      label,
      result: result([], [revenue({ actual, target, priorYear })]),
    })),
    thresholds: DEFAULT_THRESHOLDS,
    narrative: {},
    minutes: undefined,
    actions: [],
    today: '2026-07-10',
    sources: [],
    ...o,
  };
}

const byId = <K extends ReportChartSpec['id']>(specs: ReportChartSpec[], id: K) =>
  specs.find((s) => s.id === id) as Extract<ReportChartSpec, { id: K }>;

/** "+1,234.56" / "−49.13" / "8,000" → number. */
const figure = (s: string) => Number(s.replace(/,/g, '').replace('−', '-'));

describe('which charts each style shows', () => {
  it('follows the style table of docs/report.md: data all four, team regions, market mix and bridge…', () => {
    const ids = (style: ReportStyle) => reportChartSpecs(input({ style })).map((s) => s.id);
    expect(ids('data')).toEqual(['regions', 'trend', 'bridge', 'mix']);
    expect(ids('team')).toEqual(['regions']);
    expect(ids('market')).toEqual(['bridge', 'mix']);
    expect(ids('process')).toEqual(['trend']);
    expect(ids('key-accounts')).toEqual(['bridge']);
    expect(Object.keys(CHARTS_BY_STYLE).sort()).toEqual([
      'data',
      'key-accounts',
      'market',
      'process',
      'team',
    ]);
  });

  it('draws no chart the data does not support', () => {
    // No prior year: no bridge, no before-and-after mix; one month: no trend; no target: no achievement chart.
    const noPrior = input({
      dimensions: [
        dimension(
          'region',
          REGIONS.map(([n, a, t]) => [n, a, t, null]),
        ),
        dimension(
          'product',
          PRODUCTS.map(([n, a]) => [n, a, null, null]),
        ),
      ],
      months: input().months.slice(0, 1),
    });
    expect(reportChartSpecs(noPrior).map((s) => s.id)).toEqual(['regions']);
    const noTarget = input({
      dimensions: [dimension('region', REGIONS.map(([n, a, , p]) => [n, a, null, p]) as G[])],
      months: [],
    });
    expect(reportChartSpecs(noTarget).map((s) => s.id)).toEqual(['bridge']);
    expect(reportChartSpecs(input({ kpi: null, dimensions: [], months: [] }))).toEqual([]);
  });
});

describe('achievement by region', () => {
  it('sorts the regions by achievement with their status, against the 100% target line', () => {
    const c = byId(reportChartSpecs(input()), 'regions');
    expect(c.title).toBe('各区域销售额达成率');
    // 2,758.9380 ÷ 2,500 = 110.36%; 2,063.8969 ÷ 2,200 = 93.81%; 3,093.5473 ÷ 3,700 = 83.61%; 1,283.6178 ÷ 1,600 = 80.23%.
    expect(c.categories).toEqual(['华南', '华北', '华东', '西部']);
    const values = c.series[0]!.values as number[];
    for (const [i, v] of [1.1035752, 0.938135, 0.8360939, 0.8022611].entries())
      expect(values[i]).toBeCloseTo(v, 6);
    expect(c.status).toEqual(['on-track', 'at-risk', 'off-track', 'off-track']);
    expect(c.statusWords).toEqual({ 'on-track': '● 正常', 'at-risk': '▲ 预警', 'off-track': '▼ 落后' });
    // The period is over (time progress 100%): one line, the target.
    expect(c.markLine).toEqual({ value: 1, label: '目标 100%' });
    expect(c.moreLines).toEqual([]);
  });

  it('past 12 groups shows the best six and the worst six, and says so in the title', () => {
    // 20 regions: R1 reaches 119%, R2 118%, … R20 100% (actual 100 + 20 − i against a target of 100 … as listed).
    const many: G[] = Array.from({ length: 20 }, (_, i) => [`R${i + 1}`, 120 - (i + 1), 100, 90]);
    const c = byId(reportChartSpecs(input({ dimensions: [dimension('region', many)] })), 'regions');
    expect(c.categories).toEqual([
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'R15',
      'R16',
      'R17',
      'R18',
      'R19',
      'R20',
    ]);
    expect(c.series[0]!.values).toEqual([
      1.19, 1.18, 1.17, 1.16, 1.15, 1.14, 1.05, 1.04, 1.03, 1.02, 1.01, 1,
    ]);
    expect(c.title).toBe('各区域销售额达成率：前 6 名与后 6 名（共 20 个）');
    const en = byId(
      reportChartSpecs(input({ lang: 'en', dimensions: [dimension('region', many)] })),
      'regions',
    );
    expect(en.title).toBe('Revenue achievement by region: the top 6 and the bottom 6 of 20');
    // Twelve are all drawn, under the plain title.
    const twelve = byId(
      reportChartSpecs(input({ dimensions: [dimension('region', many.slice(0, 12))] })),
      'regions',
    );
    expect(twelve.categories).toHaveLength(12);
    expect(twelve.title).toBe('各区域销售额达成率');
  });

  it('adds the time-progress line mid-period', () => {
    const mid = input({ kpi: result([], [revenue({ actual: 4000, target: 10000 })], 0.5) });
    const c = byId(reportChartSpecs(mid), 'regions');
    expect(c.markLine).toEqual({ value: 1, label: '目标 100%' });
    expect(c.moreLines).toEqual([{ value: 0.5, label: '时间进度 50.0%' }]);
    expect(byId(reportChartSpecs({ ...mid, lang: 'en' }), 'regions').title).toBe(
      'Revenue achievement by region',
    );
  });
});

describe('the monthly trend', () => {
  it('has each month’s actual, target and prior year, the months named short', () => {
    const c: TrendChartSpec = byId(reportChartSpecs(input()), 'trend');
    expect(c.title).toBe('月度销售额：实际与目标');
    expect(c.categories).toEqual(['1月', '2月', '3月', '4月', '5月', '6月']);
    expect(c.actual).toEqual({ name: '实际', values: [1257.85, 884.29, 1753.69, 1415.35, 1886.48, 2002.35] });
    expect(c.target).toEqual({ name: '目标', values: [1272.73, 1000, 1727.27, 1818.19, 1909.08, 2272.73] });
    expect(c.priorYear).toEqual({
      name: '去年同期',
      values: [994.73, 890.25, 1359.61, 1363.12, 1455.03, 1937.27],
    });
    expect(c.unit).toBe('万元');
  });

  it('names the months in each language, and in full across two years', () => {
    expect(monthLabels(['2026-01', '2026-12'], 'en')).toEqual(['Jan', 'Dec']);
    expect(monthLabels(['2026-01', '2026-12'], 'zh-TW')).toEqual(['1月', '12月']);
    expect(monthLabels(['2025-12', '2026-01'], 'zh-CN')).toEqual(['2025-12', '2026-01']);
  });
});

describe('the growth bridge', () => {
  it('steps from the prior-year total through each region’s change to this period’s total, exactly', () => {
    const c: BridgeChartSpec = byId(reportChartSpecs(input()), 'bridge');
    expect(c.title).toBe('增长桥：各区域对增长的贡献（去年同期 → 本期）');
    expect(c.key).toBe('region');
    // Prior-year total 2,248.0455 + 2,762.2947 + 1,780.9350 + 1,208.7249 = 8,000.0001; this period 9,200.0000.
    // Changes, largest first: 华南 +510.8925, 华东 +331.2526, 华北 +282.9619, 西部 +74.8929 (= 1,199.9999).
    expect(c.bars.map((b) => [b.name, b.kind])).toEqual([
      ['去年同期', 'total'],
      ['华南', 'increase'],
      ['华东', 'increase'],
      ['华北', 'increase'],
      ['西部', 'increase'],
      ['本期', 'total'],
    ]);
    const levels = [8000.0001, 8510.8926, 8842.1452, 9125.1071, 9200];
    c.bars.slice(1, 5).forEach((b, i) => {
      expect(b.from).toBeCloseTo(levels[i]!, 9);
      expect(b.to).toBeCloseTo(levels[i + 1]!, 9);
    });
    // The last step lands exactly on the total bar, and each step starts where the one before ended.
    expect(c.bars[4]!.to).toBe(c.bars[5]!.to);
    for (let i = 2; i < 5; i++) expect(c.bars[i]!.from).toBe(c.bars[i - 1]!.to);
    expect(c.bars[0]).toMatchObject({ from: 0, label: '8,000' });
    expect(c.bars[5]).toMatchObject({ from: 0, to: 9200, label: '9,200' });
  });

  it('prints the changes of the drivers table and the points of the contribution sentences, adding up', () => {
    const c = byId(reportChartSpecs(input()), 'bridge');
    // To 0.01 each: 510.89 (.25 left), 331.25 (.26), 282.96 (.19), 74.89 (.29) = 1,199.99; the largest remainder
    // (西部's .29) takes the missing 0.01, so the steps print 510.89 + 331.25 + 282.96 + 74.90 = 1,200.00.
    expect(c.bars.map((b) => b.label)).toEqual(['8,000', '+510.89', '+331.25', '+282.96', '+74.90', '9,200']);
    const steps = c.bars.slice(1, -1).map((b) => figure(b.label));
    expect(Math.round(steps.reduce((s, v) => s + v, 0) * 100)).toBe(120000);
    // Points: 6.386 + 4.141 + 3.537 + 0.936 = 15.0; by largest remainder 6.4 + 4.2 + 3.5 + 0.9 (the sentences').
    expect(c.bars.map((b) => b.note)).toEqual([
      null,
      '+6.4 个百分点',
      '+4.2 个百分点',
      '+3.5 个百分点',
      '+0.9 个百分点',
      null,
    ]);
    expect(c.words).toEqual({ increase: '增加', decrease: '减少', total: '合计' });
  });

  it('draws a fall as a decrease from the level before it', () => {
    const fall = input({
      dimensions: [
        dimension('region', [
          ['甲', 130, null, 100],
          ['乙', 40, null, 60],
        ]),
      ],
    });
    // 160 → +30 (甲) → 190 → −20 (乙) → 170.
    const c = byId(reportChartSpecs(fall), 'bridge');
    expect(c.bars.map((b) => [b.kind, b.from, b.to, b.label])).toEqual([
      ['total', 0, 160, '160'],
      ['increase', 160, 190, '+30'],
      ['decrease', 190, 170, '−20'],
      ['total', 0, 170, '170'],
    ]);
  });

  it('whatever the groups, the steps end on the total and their printed changes add up to the printed change', () => {
    const group = fc.record({
      actual: fc.integer({ min: 0, max: 10_000_000 }).map((v) => v / 10_000),
      prior: fc.integer({ min: 1, max: 10_000_000 }).map((v) => v / 10_000),
    });
    fc.assert(
      fc.property(fc.array(group, { minLength: 2, maxLength: 14 }), (gs) => {
        const groups: G[] = gs.map((g, i) => [`G${i}`, g.actual, null, g.prior]);
        const c = reportChartSpecs(
          input({ style: 'key-accounts', dimensions: [dimension('region', groups)] }),
        );
        const b = c[0] as BridgeChartSpec | undefined;
        const base = gs.reduce((s, g) => s + g.prior, 0);
        const current = gs.reduce((s, g) => s + g.actual, 0);
        if (!b) return Math.abs(current - base) < 1e-9;
        const steps = b.bars.slice(1, -1);
        expect(steps.length).toBeLessThanOrEqual(8);
        expect(steps.at(-1)!.to).toBe(b.bars.at(-1)!.to);
        expect(b.bars.at(-1)!.to).toBeCloseTo(current, 6);
        const printed = steps.reduce((s, x) => s + Math.round(figure(x.label) * 100), 0);
        // + 0: a change that rounds to nothing from below is −0, which toBe tells from the steps' 0.
        expect(printed).toBe(Math.round(Number(((current - base) * 100).toPrecision(12))) + 0);
        return true;
      }),
      { numRuns: 200, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  });
});

describe('the mix before and after', () => {
  it('shows the product lines’ shares of the prior year and of this period, as the mix table prints them', () => {
    const c: MixChartSpec = byId(reportChartSpecs(input()), 'mix');
    expect(c.title).toBe('产品线销售额构成：去年同期与本期');
    expect(c.key).toBe('product');
    expect(c.bars).toEqual(['去年同期', '本期']);
    // Prior year 3,011.54 + 3,059.04 + 1,929.43 = 8,000.01; this period 4,543.25 + 3,009.90 + 1,646.85 = 9,200.
    // 3,011.54 ÷ 8,000.01 = 37.64%, 4,543.25 ÷ 9,200 = 49.38%; 3,059.04 → 38.24%, 3,009.90 → 32.72%;
    // 1,929.43 → 24.12%, 1,646.85 → 17.90%.
    expect(c.segments.map((s) => [s.name, s.labels])).toEqual([
      ['工业软件', ['37.6%', '49.4%']],
      ['智能硬件', ['38.2%', '32.7%']],
      ['技术服务', ['24.1%', '17.9%']],
    ]);
    const shares = c.segments.map((s) => s.shares);
    expect(shares[0]![0]).toBeCloseTo(0.3764425, 6);
    expect(shares[0]![1]).toBeCloseTo(0.4938315, 6);
    // Each bar is whole: the shares add up to 100%.
    for (const bar of [0, 1]) expect(shares.reduce((s, x) => s + x[bar]!, 0)).toBeCloseTo(1, 12);
  });

  it('market style: by region when there are no product lines; more than six groups end in "others"', () => {
    const regions = input({ style: 'market', dimensions: [dimension('region', REGIONS)] });
    expect(byId(reportChartSpecs(regions), 'mix').key).toBe('region');
    const many: G[] = Array.from({ length: 8 }, (_, i) => [`P${i + 1}`, 80 - i * 10, null, 10 + i * 10]);
    const c = byId(reportChartSpecs(input({ dimensions: [dimension('product', many)] })), 'mix');
    // Largest five (P1…P5) and 其他 = P6 + P7 + P8: now (30 + 20 + 10) ÷ 360, prior (60 + 70 + 80) ÷ 360.
    expect(c.segments.map((s) => s.name)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', '其他']);
    expect(c.segments.at(-1)!.labels).toEqual(['58.3%', '16.7%']);
  });
});
