import { describe, expect, it } from 'vitest';
import { computeKpi } from '../../../src/core/kpi/compute.js';
import { KpiStore, SheetIngester } from '../../../src/core/kpi/ingest.js';
import { dayOfIso, parsePeriod } from '../../../src/core/kpi/period.js';
import type { GroupKey } from '../../../src/core/kpi/result.js';
import type { Cell, SheetRow } from '../../../src/core/kpi/values.js';
import { chineseCalendar } from '../../../src/io/holidays.js';

// Three places where following the formulas literally misled: ratios over rows with a missing part, a total
// over targets that cover only some groups, and monthly targets for a week.

const day = (s: string) => dayOfIso(s)!;

/** Builds a store from rows of plain values (strings, numbers, null), one sheet after another. */
function ingest(
  sheets: { name: string; rows: (string | number | null | Cell)[][] }[],
  by: GroupKey[] = [],
  lang: 'en' | 'zh-CN' | 'zh-TW' = 'en',
) {
  const store = new KpiStore(by, lang);
  for (const s of sheets) {
    const ing = new SheetIngester(store, { file: 'data/kpi.xlsx', sheet: s.name });
    s.rows.forEach((r, i) => {
      const row: SheetRow = {
        n: i + 1,
        cells: r.map((v) =>
          v === null ? undefined : typeof v === 'object' && v !== null && 'v' in v ? (v as Cell) : { v },
        ),
      };
      ing.push(row);
    });
    ing.finish();
  }
  return store;
}

const JUNE = {
  period: parsePeriod('2026-06')!,
  ytd: false,
  asOf: day('2026-06-30'),
  workdays: false,
  lang: 'en' as const,
};

const messages = (r: { warnings: { message: string }[] }) => r.warnings.map((w) => w.message);

describe('1. a ratio over the rows that carry both parts', () => {
  const rows = [
    ['Date', 'Region', 'Revenue', 'Cost'],
    ['2026-06-01', 'East', 100, 60],
    ['2026-06-02', 'East', 200, null],
    ['2026-06-03', 'West', 50, 20],
    ['2026-06-04', 'West', 80, null],
    ['2026-06-05', 'West', 40, null],
    ['2026-06-06', 'East', 10, null],
    ['2026-06-07', 'East', null, 20],
    ['2026-05-20', 'East', 999, null],
  ];

  it('gross margin from revenue and cost: rows without cost (or without revenue) are left out', () => {
    const store = ingest([{ name: 'Orders', rows }], ['region']);
    const { result } = computeKpi(store, { ...JUNE, by: ['region'] });
    const margin = (region?: string) =>
      (region ? result.rows : result.totals).find(
        (r) => r.metric === 'gross_margin' && (region === undefined || r.group.region === region),
      )?.actual;
    // Paired rows: 2 (100, 60) and 4 (50, 20): (150 − 80) / 150. The literal formula gave (480 − 110) / 480.
    expect(margin()).toBeCloseTo(70 / 150, 10);
    expect(margin()).not.toBeCloseTo(370 / 480, 3);
    // East: row 2 only, (100 − 60) / 100; West: row 4 only, (50 − 20) / 50.
    expect(margin('East')).toBe(0.4);
    expect(margin('West')).toBe(0.6);
    // Revenue itself still shows every row of June: 100 + 200 + 50 + 80 + 40 + 10.
    expect(result.totals.find((r) => r.metric === 'revenue')?.actual).toBe(480);
    // One warning per metric, sheet and missing part, counting June's rows only (row 9 is May).
    expect(result.warnings).toEqual([
      {
        message: 'Gross margin: 4 row(s) with Revenue but no Cost were left out of the ratio (D3, D5, D6, …)',
        file: 'data/kpi.xlsx',
        sheet: 'Orders',
        cell: null,
      },
      {
        message: 'Gross margin: 1 row(s) with Cost but no Revenue were left out of the ratio (C8)',
        file: 'data/kpi.xlsx',
        sheet: 'Orders',
        cell: null,
      },
    ]);
  });

  it('collection rate: a blank collection is not a zero collection; in three languages', () => {
    const sheet = {
      name: 'AR',
      rows: [
        ['月份', '回款额', '应收账款'],
        ['2026-06', 90, 100],
        ['2026-06', null, 300],
        ['2026-06', 45, 50],
      ],
    };
    for (const [lang, text] of [
      ['en', 'Collection rate: 1 row(s) with Receivable but no Collections were left out of the ratio (B3)'],
      ['zh-CN', '回款率：1 行有应回款但没有回款额，未计入该比率（B3）'],
      ['zh-TW', '收款率：1 列有應收款但沒有收款額，未計入該比率（B3）'],
    ] as const) {
      const { result } = computeKpi(ingest([sheet], [], lang), { ...JUNE, lang, by: [] });
      // (90 + 45) / (100 + 50) = 0.9; the literal formula gave 135 / 450 = 0.3.
      expect(result.totals.find((r) => r.metric === 'collection_rate')?.actual).toBe(0.9);
      expect(messages(result)).toEqual([text]);
    }
  });

  it('rows with and without both parts in one group and day, from sheets with other columns and from opportunities', () => {
    // All of a region's rows are on one day and share the reader's bucket, where rows with both parts, a row
    // with one, rows of a sheet with other columns and won deals meet. Expected by hand:
    // expense ratio 华东 (10 + 30 + 20) / (100 + 200 + 400) — not the 50 without expense, not 华东's revenue
    // from the second sheet or the won deal; 华南 8 / 80; 华北 15 / 300 (not its won deal's 200).
    // collection rate from the second sheet only: 华东 27 / 30, 华南 60 / 120.
    const store = ingest(
      [
        {
          name: 'D1',
          rows: [
            ['日期', '区域', '销售额', '费用'],
            ['2026-06-01', '华东', 100, 10],
            ['2026-06-01', '华东', 200, 30],
            ['2026-06-01', '华东', 50, null],
            ['2026-06-01', '华东', 400, 20],
            ['2026-06-01', '华南', 80, 8],
            ['2026-06-01', '华北', 300, 15],
          ],
        },
        {
          name: 'D2',
          rows: [
            ['日期', '区域', '销售额', '回款额', '应收账款'],
            ['2026-06-01', '华南', 120, 60, 120],
            ['2026-06-01', '华东', 30, 27, 30],
          ],
        },
        {
          name: '商机',
          rows: [
            ['商机名称', '区域', '销售阶段', '商机金额', '预计成交日期'],
            ['甲', '华东', '赢单', 500, '2026-06-01'],
            ['乙', '华北', '赢单', 200, '2026-06-01'],
          ],
        },
      ],
      ['region'],
    );
    const { result } = computeKpi(store, { ...JUNE, by: ['region'] });
    const at = (metric: string, region?: string) =>
      (region ? result.rows : result.totals).find(
        (r) => r.metric === metric && (region === undefined || r.group.region === region),
      )?.actual;
    expect(at('expense_ratio', '华东')).toBe(0.0857142857142857); // 60 / 700
    expect(at('expense_ratio', '华南')).toBe(0.1);
    expect(at('expense_ratio', '华北')).toBe(0.05);
    expect(at('expense_ratio')).toBe(0.0768518518518519); // 83 / 1080
    expect(at('collection_rate', '华东')).toBe(0.9);
    expect(at('collection_rate', '华南')).toBe(0.5);
    expect(at('collection_rate')).toBe(0.58); // 87 / 150
    // Revenue from every sheet: 华东 100 + 200 + 50 + 400 + 30 + 500, 华南 80 + 120.
    expect(at('revenue', '华东')).toBe(1280);
    expect(at('revenue', '华南')).toBe(200);
    expect(at('revenue', '华北')).toBe(500);
    expect(messages(result)).toContain(
      'Expense ratio: 1 row(s) with Revenue but no Expenses were left out of the ratio (D4)',
    );
  });

  it('every row complete: the same numbers as before and no warning', () => {
    const store = ingest([
      {
        name: 'D',
        rows: [
          ['日期', '销售额', '费用'],
          ['2026-06-01', 300, 30],
          ['2026-06-02', 100, 14],
        ],
      },
    ]);
    const { result } = computeKpi(store, { ...JUNE, by: [] });
    // (30 + 14) / (300 + 100) = 0.11
    expect(result.totals.find((r) => r.metric === 'expense_ratio')?.actual).toBe(0.11);
    expect(result.warnings).toEqual([]);
  });
});

describe('2. a total over targets that cover only some groups', () => {
  const orders = {
    name: 'Orders',
    rows: [
      ['Date', 'Region', 'Revenue'],
      ['2026-06-03', 'East', 120],
      ['2026-06-05', 'West', 110],
      ['2026-06-09', 'North', 70],
    ],
  };
  const byRegion = {
    name: 'Targets',
    rows: [
      ['Region', 'Month', 'Target'],
      ['East', '2026-06', 150],
      ['West', '2026-06', 100],
    ],
  };
  const mid = { ...JUNE, asOf: day('2026-06-15') };

  for (const by of [['region'], []] as GroupKey[][]) {
    it(`achievement over the regions with a target, full actual shown (--by ${by.join(',') || 'none'})`, () => {
      const { result, extras } = computeKpi(ingest([orders, byRegion], by), { ...mid, by });
      const t = result.totals[0]!;
      // Target 150 + 100 = 250; actual of East and West 120 + 110 = 230; North's 70 shown in the actual only.
      expect(t).toMatchObject({ target: 250, actual: 300, achievement: 0.92, variance: -20 });
      // 15 of 30 days: forecast 300 × 30 / 15 = 600; over the targeted regions 230 × 2 / 250 = 1.84.
      expect(t.forecast).toBe(600);
      expect(t.forecastAchievement).toBe(1.84);
      // 0.92 at 50% time progress → on track; required pace (250 − 230) / 15 remaining days.
      expect(t.status).toBe('on-track');
      expect(extras.get(t)?.requiredPace).toBeCloseTo(20 / 15, 10);
      expect(messages(result)).toEqual([
        "Revenue: the total's target covers East, West only; achievement is computed over those regions (North has no target)",
      ]);
      if (by.length > 0) {
        expect(result.rows.find((r) => r.group.region === 'North')).toMatchObject({
          target: null,
          share: 0.233333333333333,
        });
        expect(result.rows.find((r) => r.group.region === 'East')?.achievement).toBe(0.8);
      }
    });
  }

  it('in Chinese, more than five names cut with …', () => {
    const regions = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
    const store = ingest(
      [
        { name: '订单', rows: [['日期', '区域', '销售额'], ...regions.map((r) => ['2026-06-10', r, 10])] },
        {
          name: '目标',
          rows: [['区域', '月份', '目标'], ...regions.slice(0, 6).map((r) => [r, '2026-06', 10])],
        },
      ],
      [],
      'zh-CN',
    );
    const { result } = computeKpi(store, { ...JUNE, lang: 'zh-CN', by: [] });
    // Names in pinyin order. 6 × 10 of target against the 60 of those regions: 100%; 东北's 10 is outside.
    expect(result.totals[0]).toMatchObject({ target: 60, actual: 70, achievement: 1 });
    expect(messages(result)).toEqual([
      '销售额：合计的目标只覆盖 华北、华东、华南、华中、西北、…；达成率按这些区域计算（东北 没有目标）',
    ]);
  });

  it('a total-level target (a targets sheet without the region, or a summary sheet) is used as it is', () => {
    const flat = {
      name: 'Total target',
      rows: [
        ['Month', 'Target'],
        ['2026-06', 400],
      ],
    };
    const a = computeKpi(ingest([orders, byRegion, flat], ['region']), { ...JUNE, by: ['region'] }).result;
    // 300 / 400
    expect(a.totals[0]).toMatchObject({ target: 400, actual: 300, achievement: 0.75 });
    expect(a.warnings).toEqual([]);
    const summary = {
      name: 'KPI',
      rows: [
        ['Metric', 'Target'],
        ['Revenue', 500],
      ],
    };
    const b = computeKpi(ingest([orders, byRegion, summary], []), { ...JUNE, by: [] }).result;
    // 300 / 500: the summary's total target, not East + West.
    expect(b.totals[0]).toMatchObject({ target: 500, actual: 300, achievement: 0.6 });
    // No partial-target warning; only that the summary sheet names no period.
    expect(b.warnings.map((w) => w.message)).toEqual([
      'no date column and no stated period: its figures are taken as 2026-06',
    ]);
  });

  it('a week without --by: prorated targets by region, actuals of the regions by ISO week', () => {
    const store = ingest([
      {
        name: 'Orders',
        rows: [
          ['Date', 'Region', 'Revenue'],
          ['2026-06-10', 'East', 999],
          ['2026-06-16', 'East', 200],
          ['2026-06-17', 'West', 100],
          ['2026-06-18', 'North', 50],
          ['2026-06-22', 'West', 999],
        ],
      },
      {
        name: 'Targets',
        rows: [
          ['Region', 'Month', 'Target'],
          ['East', '2026-06', 1500],
          ['West', '2026-06', 600],
        ],
      },
    ]);
    const { result } = computeKpi(store, { ...JUNE, period: parsePeriod('2026-W25')!, by: [] });
    // W25 (06-15…06-21): (1500 + 600) × 7 / 30 = 490; East and West 200 + 100 = 300 of the week's 350.
    expect(result.totals[0]).toMatchObject({ target: 490, actual: 350, variance: -190 });
    expect(result.totals[0]?.achievement).toBeCloseTo(300 / 490, 10);
    expect(messages(result)).toEqual([
      "Revenue: the total's target covers East, West only; achievement is computed over those regions (North has no target)",
      'Targets prorated from monthly targets by calendar days (2026-06: 7/30)',
    ]);
  });

  it('every region with an actual has a target: nothing changes', () => {
    const { result } = computeKpi(
      ingest([orders.rows.slice(0, 3), byRegion.rows].map((rows, i) => ({ name: `S${i}`, rows }))),
      {
        ...JUNE,
        by: [],
      },
    );
    // (120 + 110) / 250
    expect(result.totals[0]).toMatchObject({ target: 250, actual: 230, achievement: 0.92 });
    expect(result.warnings).toEqual([]);
  });
});

describe('3. monthly targets prorated to a week', () => {
  const orders = {
    name: 'Orders',
    rows: [
      ['Date', 'Revenue'],
      ['2026-06-09', 500],
      ['2026-06-16', 600],
      ['2026-06-30', 150],
      ['2026-07-02', 400],
    ],
  };
  const monthly = {
    name: 'Targets',
    rows: [
      ['Month', 'Target'],
      ['2026-06', 3000],
      ['2026-07', 3100],
    ],
  };
  const week = (w: string, workdays = false) => ({
    ...JUNE,
    period: parsePeriod(w)!,
    asOf: day('2026-07-31'),
    workdays,
    // The calendar kpi --workdays reads (the chinese-days package).
    ...(workdays ? { calendar: chineseCalendar() } : {}),
    by: [],
  });

  it('by calendar days, a week inside June', () => {
    const { result } = computeKpi(ingest([orders, monthly]), week('2026-W25'));
    // 2026-W25 is 06-15…06-21: 3000 × 7 / 30 = 700; actual 600 (not prorated); 600 / 700.
    expect(result.totals[0]).toMatchObject({ target: 700, actual: 600 });
    expect(result.totals[0]?.achievement).toBeCloseTo(600 / 700, 10);
    expect(messages(result)).toEqual([
      'Targets prorated from monthly targets by calendar days (2026-06: 7/30)',
    ]);
  });

  it('a week across two months takes each month its share', () => {
    const { result } = computeKpi(ingest([orders, monthly]), week('2026-W27'));
    // 06-29…07-05: 3000 × 2 / 30 + 3100 × 5 / 31 = 200 + 500 = 700; actual 150 + 400.
    expect(result.totals[0]).toMatchObject({ target: 700, actual: 550 });
    expect(messages(result)).toEqual([
      'Targets prorated from monthly targets by calendar days (2026-06: 2/30, 2026-07: 5/31)',
    ]);
  });

  it('by working days with --workdays (Dragon Boat Festival 06-19 off), in three languages', () => {
    // June 2026 has 22 weekdays less 06-19: 21 working days; W24 (06-08…06-14) has 5: 3000 × 5 / 21.
    const { result } = computeKpi(ingest([orders, monthly]), week('2026-W24', true));
    expect(result.totals[0]?.target).toBeCloseTo((3000 * 5) / 21, 9);
    expect(messages(result)).toEqual([
      'Targets prorated from monthly targets by working days (2026-06: 5/21)',
    ]);
    // W25 has 4 (06-19 is off).
    const w25 = computeKpi(ingest([orders, monthly], [], 'zh-CN'), {
      ...week('2026-W25', true),
      lang: 'zh-CN',
    });
    expect(w25.result.totals[0]?.target).toBeCloseTo((3000 * 4) / 21, 9);
    expect(messages(w25.result)).toEqual(['目标由月度目标按工作日折算（2026-06: 4/21）']);
    const tw = computeKpi(ingest([orders, monthly], [], 'zh-TW'), { ...week('2026-W25'), lang: 'zh-TW' });
    expect(messages(tw.result)).toEqual(['目標由月度目標按日曆天數折算（2026-06: 7/30）']);
  });

  it('a year whose monthly targets stop at June says so, in each language; a half-year with all six months does not', () => {
    const h1Targets = {
      name: 'Targets',
      rows: [['Month', 'Target'], ...['01', '02', '03', '04', '05', '06'].map((m) => [`2026-${m}`, 1000])],
    };
    const year = (lang: 'en' | 'zh-CN' | 'zh-TW') =>
      computeKpi(ingest([orders, h1Targets]), { ...JUNE, period: parsePeriod('2026')!, by: [], lang });
    expect(year('en').result.totals[0]).toMatchObject({ target: 6000 });
    // (The orders of July, after the as-of day, have their own warning.)
    expect(messages(year('en').result)).toContain(
      'Revenue: targets are given for 2026-01 ~ 2026-06 only, 6 of the 12 months of 2026: achievement, the gap to time progress and the forecast compare with those months; give every month a target, or ask for the months covered',
    );
    expect(messages(year('zh-CN').result)).toContain(
      '销售额：目标只给到 2026-01 ~ 2026-06（2026 的 12 个月中的 6 个）：达成率、与时间进度的差距和预计完成只与这些月份的目标比较；请补全各月目标，或改查有目标的月份',
    );
    const h1 = computeKpi(ingest([orders, h1Targets]), { ...JUNE, period: parsePeriod('2026-H1')!, by: [] });
    expect(messages(h1.result).filter((m) => m.includes('targets are given'))).toEqual([]);
    expect(h1.result.totals[0]).toMatchObject({ target: 6000 });
  });

  it('a month from a quarterly target; a longer period than the targets is not prorated', () => {
    const quarterly = {
      name: 'Targets',
      rows: [
        ['Period', 'Target'],
        ['2026-Q2', 9100],
      ],
    };
    const may = computeKpi(ingest([orders, quarterly]), { ...JUNE, period: parsePeriod('2026-05')!, by: [] });
    // 9100 × 31 / 91 = 3100; no actual in May.
    expect(may.result.totals[0]).toMatchObject({ target: 3100, actual: null });
    expect(messages(may.result)).toEqual([
      'Targets prorated from quarterly targets by calendar days (2026-Q2: 31/91)',
    ]);
    // June's monthly targets for the quarter: 3000 as before, nothing prorated; July's 3100 is outside.
    const q2 = computeKpi(ingest([orders, monthly]), { ...JUNE, period: parsePeriod('2026-Q2')!, by: [] });
    expect(q2.result.totals[0]).toMatchObject({ target: 3000, actual: 1250 });
    // Nothing prorated; but a quarter with June's target alone is said to be one.
    expect(messages(q2.result)).toEqual([
      'Revenue: targets are given for 2026-06 only, 1 of the 3 months of 2026-Q2: achievement, the gap to time progress and the forecast compare with those months; give every month a target, or ask for the months covered',
    ]);
  });
});

describe('4. a breakdown says its warnings metric by metric, as the table lists the metrics', () => {
  // Totals are built before group rows (compute's totalsFirst); their warnings still come where each metric's
  // rows begin: the gross margin's (a column, listed first) before the collection rate's (a rate column whose
  // total cannot be rolled up, a warning of its total row).
  const rows = [
    ['Date', 'Region', 'Revenue', 'Cost', '毛利率', '回款率'],
    ['2026-06-01', 'East', 100, 60, '40%', '90%'],
    ['2026-06-02', 'East', 200, null, '45%', '80%'],
    ['2026-06-03', 'West', 50, 20, '60%', '70%'],
  ];

  it('with and without a breakdown, the same warnings in the same order', () => {
    const byRegion = computeKpi(ingest([{ name: 'Orders', rows }], ['region']), { ...JUNE, by: ['region'] });
    const total = computeKpi(ingest([{ name: 'Orders', rows }]), { ...JUNE, by: [] });
    const want = [
      'Gross margin: 1 row(s) with Revenue but no Cost were left out of the ratio (D3)',
      'Collection rate: a rate in detail rows cannot be rolled up without its numerator and denominator; give both columns',
    ];
    expect(messages(byRegion.result)).toEqual(want);
    expect(messages(total.result)).toEqual(want);
    // East: (100 − 60) / 100 over its paired row; West: (50 − 20) / 50; the total: (150 − 80) / 150.
    const margin = byRegion.result.rows.filter((r) => r.metric === 'gross_margin');
    expect(margin.map((r) => [r.group.region, r.actual])).toEqual([
      ['West', 0.6],
      ['East', 0.4],
    ]);
    expect(byRegion.result.totals.find((r) => r.metric === 'gross_margin')?.actual).toBe(0.466666666666667);
  });
});
