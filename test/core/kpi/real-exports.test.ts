/**
 * How the KPI reader decides where real exports are ambiguous: stage columns, header groups over two rows,
 * tax-inclusive beside tax-exclusive amounts, periods a report states about itself. Rows are fed in as the
 * Excel reader hands them over; expected figures are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { computeKpi, defaultPeriod } from '../../../src/core/kpi/compute.js';
import { KpiStore, SheetIngester, type StageNames } from '../../../src/core/kpi/ingest.js';
import { dayOfIso, isoOfDay, parsePeriod, priorPeriodOf, priorYearOf } from '../../../src/core/kpi/period.js';
import type { GroupKey, KpiRow } from '../../../src/core/kpi/result.js';
import { statedPeriod } from '../../../src/core/kpi/stated.js';
import type { Cell, SheetRow } from '../../../src/core/kpi/values.js';

type Raw = string | number | null | Cell;

function ingest(
  sheets: {
    name: string;
    rows: Raw[][];
    merges?: { top: number; left: number; bottom: number; right: number }[];
  }[],
  opts: {
    by?: GroupKey[];
    stages?: StageNames;
    columns?: Record<string, string>;
    focus?: { start: number; end: number }[];
  } = {},
) {
  const store = new KpiStore(opts.by ?? [], 'en', {}, false, opts.stages ?? {});
  if (opts.focus) store.focus = opts.focus;
  for (const s of sheets) {
    const ing = new SheetIngester(store, {
      file: 'export.xlsx',
      sheet: s.name,
      ...(s.merges ? { merges: s.merges } : {}),
      ...(opts.columns ? { columns: opts.columns } : {}),
    });
    s.rows.forEach((r, i) => {
      const row: SheetRow = {
        n: i + 1,
        cells: r.map((v) => (v === null ? undefined : typeof v === 'object' && 'v' in v ? v : { v })),
      };
      ing.push(row);
    });
    ing.finish();
  }
  return store;
}

const day = (s: string) => dayOfIso(s)!;
const run = (store: KpiStore, period: string, by: GroupKey[] = []) =>
  computeKpi(store, {
    period: parsePeriod(period)!,
    ytd: false,
    asOf: day('2026-07-15'),
    workdays: false,
    by,
    lang: 'en',
  }).result;
const total = (rows: KpiRow[], metric: string) => rows.find((r) => r.metric === metric && !r.group.region);

describe('the period a report states about itself', () => {
  it('reads titles and condition rows in the styles ERPs and BI tools write', () => {
    const label = (t: string) => statedPeriod(t)?.label;
    expect(label('日期：2026-04-01 至 2026-06-30')).toBe('2026-Q2');
    expect(label('期间: 2026.04-2026.06')).toBe('2026-Q2');
    expect(label('会计期间：2026年4期 至 2026年6期')).toBe('2026-Q2');
    expect(label('2026年6月')).toBe('2026-06');
    expect(label('2026年第二季度')).toBe('2026-Q2');
    expect(label('2026年上半年销售业绩达成表')).toBe('2026-H1');
    expect(label('FY2026 Q2')).toBe('2026-Q2');
    expect(label('Q2 2026 Pipeline')).toBe('2026-Q2');
    expect(label('Jun 2026')).toBe('2026-06');
    expect(label('Close Date: 4/1/2026 to 6/30/2026')).toBe('2026-Q2');
    expect(label('2026年1-6月')).toBe('2026-H1');
    expect(label('2026年度销售统计')).toBe('2026');
    expect(label('Pipeline and Closed Business FY2025-FY2026')).toBe('2025-01-01~2026-12-31');
    expect(label('2025年-2026年销售对比')).toBe('2025-01-01~2026-12-31');
    // A range that is no standard period keeps its days.
    expect(label('日期：2026-04-01 至 2026-05-15')).toBe('2026-04-01~2026-05-15');
    // An export time or an as-of day is not a period.
    expect(label('导出时间 2026-06-30 10:00')).toBeUndefined();
    expect(label('截至2026年6月30日')).toBeUndefined();
    expect(label('数据截止：2026年6月')).toBeUndefined();
    expect(label('Report generated Jun 2026')).toBeUndefined();
    expect(label('导出时间：2026年7月 范围：2026-04-01 至 2026-06-30')).toBe('2026-Q2');
    expect(label('单位：万元')).toBeUndefined();
    expect(label('Generated 6/30/2026')).toBeUndefined();
  });

  const u8 = (title: string) => ({
    name: '销售统计表',
    rows: [
      ['销售统计表'],
      [title],
      ['存货名称', '本期', null, '上年同期', null],
      [null, '数量', '金额', '数量', '金额'],
      ['空调', 10, 30000, 8, 24000],
      ['冰箱', 5, 15000, 6, 18000],
      ['合计', 15, 45000, 14, 42000],
    ] as Raw[][],
    merges: [
      { top: 3, left: 1, bottom: 3, right: 2 },
      { top: 3, left: 3, bottom: 3, right: 4 },
      { top: 3, left: 0, bottom: 4, right: 0 },
    ],
  });

  it('a 用友 statement: 本期 / 上年同期 over 数量 / 金额; quantity is units, never revenue', () => {
    const store = ingest([u8('日期：2026-04-01 至 2026-06-30')]);
    expect(defaultPeriod(store, day('2026-07-15'))).toMatchObject({
      period: { label: '2026-Q2' },
      from: { kind: 'stated', cell: 'A2' },
    });
    const r = run(store, '2026-Q2');
    // 30000 + 15000 = 45000 this period; 24000 + 18000 = 42000 a year earlier; 10 + 5 units against 8 + 6.
    expect(total(r.totals, 'revenue')).toMatchObject({ actual: 45000, priorYear: 42000 });
    expect(total(r.totals, 'units')).toMatchObject({ actual: 15, priorYear: 14 });
    expect(r.totals.map((x) => x.metric)).toEqual(['revenue', 'units']);
    expect(r.warnings).toEqual([]);
  });

  it('answers only its own period; two quarters add up to the half-year, one does not', () => {
    const q2 = ingest([u8('日期：2026-04-01 至 2026-06-30')]);
    const june = run(q2, '2026-06');
    expect(june.totals).toEqual([]);
    expect(june.warnings).toEqual([
      {
        message: 'states its period as 2026-Q2 here, so it does not answer 2026-06: left out',
        file: 'export.xlsx',
        sheet: '销售统计表',
        cell: 'A2',
      },
    ]);
    expect(run(q2, '2026-H1').totals).toEqual([]);
    const both = ingest([
      { ...u8('日期：2026-01-01 至 2026-03-31'), name: 'Q1' },
      { ...u8('日期：2026-04-01 至 2026-06-30'), name: 'Q2' },
    ]);
    // The same 45000 in each quarter: 90000 for the half-year.
    expect(total(run(both, '2026-H1').totals, 'revenue')).toMatchObject({ actual: 90000, priorYear: 84000 });
    expect(total(run(both, '2026-Q1').totals, 'revenue')).toMatchObject({ actual: 45000 });
  });

  it('a sheet with neither dates nor a stated period is taken as the asked period, and says so', () => {
    const store = ingest([
      {
        name: 'S',
        rows: [
          ['产品', '销售额'],
          ['A', 10],
          ['B', 20],
        ],
      },
    ]);
    const r = run(store, '2026-06');
    expect(total(r.totals, 'revenue')?.actual).toBe(30);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'no date column and no stated period: its figures are taken as 2026-06',
    ]);
  });

  it('a dated export that states a narrower range warns when asked for more', () => {
    const store = ingest([
      {
        name: 'Orders',
        rows: [['日期：2026-04-01 至 2026-06-30'], ['日期', '销售额'], ['2026-04-03', 10], ['2026-06-20', 5]],
      },
    ]);
    expect(total(run(store, '2026-Q2').totals, 'revenue')?.actual).toBe(15);
    expect(run(store, '2026-Q2').warnings).toEqual([]);
    expect(run(store, '2026-H1').warnings.map((w) => w.message)).toEqual([
      'the export states it covers 2026-Q2 here; 2026-H1 reaches beyond that, so its figures may be incomplete',
    ]);
  });
});

describe('opportunity exports', () => {
  const opps: Raw[][] = [
    ['Opportunity Name', 'Created Date', 'Stage', 'Close Date', 'Amount', 'Probability (%)', 'Region'],
    ['A', '2026-03-01', 'Closed Won', '2026-06-10', 100, 100, 'East'],
    ['B', '2026-03-02', 'Closed Lost', '2026-06-11', 900, 0, 'East'],
    ['C', '2026-03-03', 'Negotiation/Review', '2026-06-20', 500, 60, 'West'],
    ['D', '2026-03-04', 'Prospecting', '2026-12-20', 700, 10, 'West'],
    ['E', '2026-03-05', 'Prospecting', null, 300, 10, 'West'],
    ['F', '2026-03-06', 'Closed Won', '2026-05-02', 50, 100, 'West'],
    ['G', '2026-03-07', 'Closed Won', null, 80, 100, 'West'],
  ];

  it('revenue is won deals by close date; lost ones count for the win rate; open ones are pipeline', () => {
    const store = ingest([{ name: 'Opps', rows: opps }], { by: ['region'] });
    const r = run(store, '2026-06');
    const t = (m: string) => total(r.totals, m)?.actual;
    expect(t('revenue')).toBe(100); // A only: B lost, C open, F in May
    expect(t('won_deals')).toBe(1);
    expect(t('lost_deals')).toBe(1);
    expect(t('win_rate')).toBe(0.5); // 1 won ÷ (1 won + 1 lost)
    expect(t('win_rate_amount')).toBe(0.1); // 100 ÷ (100 + 900)
    expect(t('pipeline')).toBe(500); // C closes in June; D in December
    expect(t('weighted_pipeline')).toBe(300); // 500 × 60%
    expect(r.notes.map((n) => n.message)).toEqual([
      'stages counted as won: Closed Won (3); as lost: Closed Lost (1); open pipeline: Prospecting (2), Negotiation/Review (1) (3 deal(s) in 2 stage(s)); --won and --lost name other stages',
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      '1 open deal(s) without a close date left out of the pipeline: D6',
      '1 won or lost deal(s) without a close date skipped: D8',
    ]);
    // The close date, not the created date, is the deal's period; only closed deals set the default period.
    expect(defaultPeriod(store, day('2026-07-15')).period.label).toBe('2026-06');
  });

  it('pipeline coverage = open pipeline ÷ what is left of the target', () => {
    const store = ingest([
      { name: 'Opps', rows: opps },
      {
        name: 'Targets',
        rows: [
          ['Month', 'Target'],
          ['2026-06', 400],
        ],
      },
    ]);
    const cov = total(run(store, '2026-06').totals, 'pipeline_coverage');
    // 500 ÷ (400 − 100) = 1.67×
    expect(cov?.actual).toBeCloseTo(500 / 300, 10);
    expect(cov?.unit).toBe('×');
  });

  it('custom stage names: refused with the flag that fixes it, read with --won', () => {
    const rows: Raw[][] = [
      ['Deal', 'Deal Stage', 'Close Date', 'Amount'],
      ['A', 'Signed', '2026-06-10', 100],
      ['B', 'Paid', '2026-06-12', 40],
      ['C', 'Demo', '2026-06-20', 500],
    ];
    expect(() => ingest([{ name: 'Deals', rows }])).toThrowError(
      'no stage in column "Deal Stage" is counted as won (found: Signed (1), Paid (1), Demo (1)), so no revenue can be read from it',
    );
    const store = ingest([{ name: 'Deals', rows }], { stages: { won: ['Signed', 'Paid'] } });
    const r = run(store, '2026-06');
    expect(total(r.totals, 'revenue')?.actual).toBe(140);
    expect(total(r.totals, 'pipeline')?.actual).toBe(500);
  });

  it('Chinese CRM stages: 赢单 / 输单 / 赢率 as text', () => {
    const store = ingest([
      {
        name: '商机',
        rows: [
          ['商机名称', '销售阶段', '商机金额', '预计成交日期', '赢率', '负责人'],
          ['甲', '赢单', 1000, '2026/6/3', '100%', '王芳'],
          ['乙', '输单', 3000, '2026/6/9', '0%', '王芳'],
          ['丙', '方案报价', 2000, '2026/6/28', '40%', '李明'],
        ],
      },
    ]);
    const r = run(store, '2026-06');
    expect(total(r.totals, 'revenue')?.actual).toBe(1000);
    expect(total(r.totals, 'win_rate')?.actual).toBe(0.5);
    expect(total(r.totals, 'weighted_pipeline')?.actual).toBe(800); // 2000 × 40%
  });
});

describe('one column per measure', () => {
  const kingdee: Raw[][] = [
    ['单据编号', '日期', '销售部门', '物料名称', '实发数量', '含税单价', '金额', '税额', '价税合计'],
    ['XSCKD1', '2026-06-03', '华东', '空调', 2, 1130, 2000, 260, 2260],
    ['XSCKD2', '2026-06-05', '华南', '冰箱', 1, 2260, 2000, 260, 2260],
    ['XSCKD3', '2026-06-09', '华东', '空调', -1, 1130, -1000, -130, -1130],
  ];

  it('金额 (without tax) is revenue, 价税合计 is left out and said so; unit prices and tax never summed', () => {
    const store = ingest([{ name: '出库', rows: kingdee }]);
    const r = run(store, '2026-06');
    // 2000 + 2000 − 1000 (a red return line)
    expect(total(r.totals, 'revenue')?.actual).toBe(3000);
    expect(total(r.totals, 'units')?.actual).toBe(2);
    // Two bills sold (the red return bill is no order): 3000 ÷ 2 per order.
    expect(total(r.totals, 'orders')?.actual).toBe(2);
    expect(total(r.totals, 'avg_order_value')?.actual).toBe(1500);
    expect(r.totals.map((x) => x.metric)).toEqual(['revenue', 'units', 'orders', 'avg_order_value']);
    expect(r.notes.map((n) => n.message)).toEqual([
      'Revenue from "金额" (without tax); "价税合计" left out (with tax; --columns actual=价税合计 to use it)',
    ]);
  });

  it('--columns actual=价税合计 takes the tax-inclusive amount instead', () => {
    const store = ingest([{ name: '出库', rows: kingdee }], {
      by: ['team'],
      columns: { actual: '价税合计', team: '销售部门' },
    });
    const r = run(store, '2026-06', ['team']);
    expect(total(r.totals, 'revenue')?.actual).toBe(3390);
    expect(r.rows.filter((x) => x.metric === 'revenue').map((x) => [x.group.team, x.actual])).toEqual([
      ['华南', 2260],
      ['华东', 1130],
    ]);
  });
});

describe('counted warnings', () => {
  it('rows without a date: one line with the count and the first cells', () => {
    const rows: Raw[][] = [['Date', 'Revenue']];
    for (let i = 0; i < 134; i++) rows.push([null, 10]);
    rows.push(['2026-06-01', 5]);
    const r = run(ingest([{ name: 'S', rows }]), '2026-06');
    expect(r.warnings.map((w) => w.message)).toEqual([
      '134 row(s) with values but no date skipped: A2, A3, A4 …',
    ]);
    expect(isoOfDay(day('2026-06-01'))).toBe('2026-06-01');
  });
});

describe('sales metrics counted from order lines', () => {
  // Two order lines for SO-1 (one order), a customer who buys in two regions, a customer first seen in May.
  const lines: Raw[][] = [
    ['订单号', '日期', '区域', '客户', '业务员', '销售额'],
    ['SO-0', '2026-05-20', '华东', '甲', '张三', 50],
    ['SO-1', '2026-06-02', '华东', '甲', '张三', 100],
    ['SO-1', '2026-06-02', '华东', '甲', '张三', 20],
    ['SO-2', '2026-06-05', '华南', '甲', '李四', 60],
    ['SO-3', '2026-06-09', '华南', '乙', '李四', 80],
    ['SO-4', '2026-06-19', '华南', '乙', '李四', 40],
    ['SO-5', '2026-06-25', '华东', '丙', '王五', 30],
  ];

  it('orders, active and new customers, average order value, revenue per rep, repeat rate', () => {
    const r = run(ingest([{ name: 'Orders', rows: lines }], { by: ['region'] }), '2026-06', ['region']);
    const t = (m: string) => total(r.totals, m)?.actual;
    // June: 100 + 20 + 60 + 80 + 40 + 30 = 330 over SO-1…SO-5.
    expect(t('revenue')).toBe(330);
    expect(t('orders')).toBe(5);
    expect(t('avg_order_value')).toBe(66); // 330 ÷ 5
    // 甲 buys in 华东 and 华南 but is one customer of the total.
    expect(t('active_customers')).toBe(3);
    // 甲 bought in May already: 乙 and 丙 are new.
    expect(t('new_customers')).toBe(2);
    // 甲 (SO-1, SO-2) and 乙 (SO-3, SO-4) bought twice: 2 of 3.
    expect(t('repeat_rate')).toBeCloseTo(2 / 3, 12);
    expect(t('revenue_per_rep')).toBe(110); // 330 ÷ 3 reps
    const east = r.rows.filter((x) => x.group.region === '华东');
    const of = (m: string) => east.find((x) => x.metric === m);
    expect(of('active_customers')).toMatchObject({ actual: 2, share: null });
    expect(of('orders')).toMatchObject({ actual: 2, priorPeriod: 1 });
    // Distinct counts do not run at a daily pace: no forecast for them.
    expect(total(r.totals, 'active_customers')?.forecast).toBeNull();
  });

  it('no history before the period: new customers are not guessed', () => {
    const r = run(ingest([{ name: 'Orders', rows: lines.filter((l) => l[0] !== 'SO-0') }]), '2026-06');
    expect(total(r.totals, 'new_customers')).toBeUndefined();
    expect(total(r.totals, 'active_customers')?.actual).toBe(3);
  });
});

// Order lines without an order number: each line is an order, and a customer who buys on two days repeats.
const ORDER_LINES: Raw[][] = [
  ['日期', '区域', '客户', '业务员', '销售额'],
  ['2025-06-03', '华东', '甲', '张三', 10],
  ['2026-05-20', '华东', '甲', '张三', 50],
  ['2026-05-31', '华南', '丁', '李四', 5],
  ['2026-06-01', '华东', '甲', '张三', 100],
  ['2026-06-02', '华东', '甲', '张三', 20],
  ['2026-06-02', '华南', '甲', '李四', 60],
  ['2026-06-07', '华南', '乙', '李四', 80],
  ['2026-06-08', '华南', '乙', '李四', 40],
  ['2026-06-08', '华东', '丙', '王五', 30],
  ['2026-06-30', '华东', '丙', '王五', 7],
  ['2026-07-01', '华东', '丙', '王五', 9],
];

describe('a period known before reading (the store keeps a bucket per stretch of days between the ranges, not per day)', () => {
  const lines = ORDER_LINES;
  const cases: [string, GroupKey[]][] = [
    ['2026-06', []],
    ['2026-06', ['customer']],
    ['2026-W23', ['region', 'customer']],
    ['2026-Q2', ['region']],
  ];
  it.each(cases)('%s by %j: the same figures as a store that keeps every day', (period, by) => {
    const p = parsePeriod(period)!;
    const focused = ingest([{ name: 'Orders', rows: lines }], {
      by,
      focus: [p, priorYearOf(p), priorPeriodOf(p)],
    });
    const plain = ingest([{ name: 'Orders', rows: lines }], { by });
    const a = run(focused, period, by);
    expect(a).toEqual(run(plain, period, by));
    expect(focused.bucketList.length).toBeLessThan(plain.bucketList.length);
  });
  it('repeat customers still count days, not buckets', () => {
    const p = parsePeriod('2026-06')!;
    const store = ingest([{ name: 'Orders', rows: lines }], { focus: [p, priorYearOf(p), priorPeriodOf(p)] });
    const r = run(store, '2026-06');
    // June: 甲 (1st, 2nd), 乙 (7th, 8th), 丙 (8th, 30th) each bought on two days.
    expect(total(r.totals, 'repeat_rate')?.actual).toBe(1);
    expect(total(r.totals, 'orders')?.actual).toBe(7);
  });
});

describe('no period asked (the store keeps a bucket per group and month: the period will be whole months)', () => {
  // The same order lines as above, and two more in January for the year to date: 丁 first bought then.
  const lines: Raw[][] = [
    ...ORDER_LINES.slice(0, 2),
    ['2026-01-05', '华南', '丁', '李四', 3],
    ['2026-01-31', '华东', '丁', '张三', 4],
    ...ORDER_LINES.slice(2),
  ];
  const orders = { name: 'Orders', rows: lines };
  const monthly = (by: GroupKey[], sheets: { name: string; rows: Raw[][] }[] = [orders], ytd = false) => {
    const store = new KpiStore(by, 'en', {}, ytd, {});
    store.periodLater(day('2026-07-15'));
    for (const s of sheets) {
      const ing = new SheetIngester(store, { file: 'export.xlsx', sheet: s.name });
      s.rows.forEach((r, i) => {
        ing.push({ n: i + 1, cells: r.map((v) => (v === null ? undefined : { v: v as string | number })) });
      });
      ing.finish();
    }
    return store;
  };
  const compute = (store: KpiStore, period: string, by: GroupKey[], ytd = false) =>
    computeKpi(store, {
      period: parsePeriod(period)!,
      ytd,
      asOf: day('2026-07-15'),
      workdays: false,
      by,
      lang: 'en',
    }).result;
  // The newest rows first, as many CRMs list them: the period (June, the month before the as-of day's) is
  // known from the first row, and January, February … April 2026 are in no compared range.
  const newestFirst = { name: 'Orders', rows: [lines[0]!, ...lines.slice(1).reverse()] };
  const cases: [string, GroupKey[], boolean, typeof orders][] = [
    ['oldest first', [], false, orders],
    ['oldest first', ['customer'], false, orders],
    ['oldest first', ['region', 'customer'], false, orders],
    ['oldest first', ['rep'], true, orders],
    ['newest first', [], false, newestFirst],
    ['newest first', ['region', 'rep'], false, newestFirst],
    ['newest first', ['customer'], true, newestFirst],
  ];
  it.each(cases)(
    '%s, by %j (year to date: %s): the same figures as a store that keeps every day',
    (_, by, ytd, sheet) => {
      const store = monthly(by, [sheet], ytd);
      const plain = ingest([sheet], { by });
      expect(defaultPeriod(store, day('2026-07-15')).period.label).toBe('2026-06');
      expect(compute(store, '2026-06', by, ytd)).toEqual(compute(plain, '2026-06', by, ytd));
      expect(store.bucketList.length).toBeLessThan(plain.bucketList.length);
    },
  );
  it('newest first, the months in no compared range share one bucket per group', () => {
    // June, May, June 2025, and one for July 2026 (after the period) and January 2026 together.
    expect(
      monthly([], [newestFirst]).bucketList.map((b) => (b.when?.kind === 'day' ? b.when.day : null)),
    ).toEqual([-100_000_000, day('2026-06-01'), day('2026-05-01'), day('2025-06-01')]);
    // 丁 bought first in January, a month left out: still not new in May.
    const r = compute(monthly([], [newestFirst]), '2026-06', []);
    expect(total(r.totals, 'new_customers')).toMatchObject({ actual: 2, priorPeriod: 0 });
  });
  it('counts repeat and new customers by their days, not by the month buckets', () => {
    const r = compute(monthly([]), '2026-06', []);
    // June: 甲 (1st, 2nd), 乙 (7th, 8th), 丙 (8th, 30th) each bought on two days; 乙 and 丙 bought first in June.
    expect(total(r.totals, 'repeat_rate')?.actual).toBe(1);
    expect(total(r.totals, 'new_customers')?.actual).toBe(2);
    expect(total(r.totals, 'active_customers')?.actual).toBe(3);
    expect(total(r.totals, 'revenue')?.actual).toBe(337);
    expect(total(r.totals, 'revenue')?.priorYear).toBe(10);
    expect(total(r.totals, 'revenue')?.priorPeriod).toBe(55);
  });
  it('a total over the regions with a target, without --by: the actuals of each region by month', () => {
    const targets = {
      name: 'Targets',
      rows: [
        ['区域', '月份', '目标'],
        ['华东', '2026-06', 150],
      ],
    };
    const r = compute(monthly([], [orders, targets]), '2026-06', []);
    // June: 华东 100 + 20 + 30 + 7 = 157 against its 150; 华南's 180 is in the actual only.
    expect(total(r.totals, 'revenue')).toMatchObject({ target: 150, actual: 337 });
    expect(total(r.totals, 'revenue')?.achievement).toBeCloseTo(157 / 150, 12);
    expect(r).toEqual(compute(ingest([orders, targets]), '2026-06', []));
  });
  it('refuses a period other than the one the reading kept the months for, rather than count them short', () => {
    const store = monthly([]);
    expect(() => compute(store, '2026-W23', [])).toThrow(
      'internal: the rows were kept by month for a period chosen from the data, and 2026-W23 is not compared over the months kept',
    );
    // Mid-quarter on the as-of day (2026-07-15): the ranges stop on the 15th.
    expect(() => compute(store, '2026-Q3', [])).toThrow('2026-Q3 is not compared over the months kept');
    // Whole months, but its prior period (March) can no longer be a compared one: not kept.
    expect(() => compute(monthly([], [newestFirst]), '2026-04', [])).toThrow(
      '2026-04 is not compared over the months kept',
    );
  });
});

describe('the default period: a latest month whose rows stop early gives way to the one before', () => {
  // Rows on every day from 2026-05-06 (56 days before July) to `last`, or only on three days (`sparse`).
  const store = (last: string, o: { monthSheet?: boolean; sparse?: boolean } = {}) => {
    const days: Raw[][] = [];
    if (o.sparse) days.push(['2026-05-20', '华东', 10], ['2026-06-11', '华东', 10], [last, '华东', 5]);
    else for (let d = day('2026-05-06'); d <= day(last); d++) days.push([isoOfDay(d), '华东', 10]);
    const sheets = [{ name: 'Orders', rows: [['日期', '区域', '销售额'], ...days] }];
    if (o.monthSheet)
      sheets.push({
        name: 'Monthly',
        rows: [
          ['月份', '区域', '销售额'],
          ['2026-07', '华东', 99],
        ],
      });
    return ingest(sheets);
  };
  const asOf = day('2026-11-29');
  it('rows on most days that stop more than 7 days before the month ends: the month before, and which was left', () => {
    expect(defaultPeriod(store('2026-07-01'), asOf)).toEqual({
      period: parsePeriod('2026-06'),
      from: { kind: 'data', short: { month: '2026-07', last: day('2026-07-01') } },
    });
    // 2026-07-23 is 8 days before the 31st.
    expect(defaultPeriod(store('2026-07-23'), asOf).period.label).toBe('2026-06');
  });
  it('kept: 7 days or fewer, rows on few days, a sheet by month, the month before a later as-of month', () => {
    expect(defaultPeriod(store('2026-07-24'), asOf)).toEqual({
      period: parsePeriod('2026-07'),
      from: { kind: 'data' },
    });
    // A few deals a month: none in a month's last weeks says nothing.
    expect(defaultPeriod(store('2026-07-01', { sparse: true }), asOf).period.label).toBe('2026-07');
    expect(defaultPeriod(store('2026-07-01', { monthSheet: true }), asOf).period.label).toBe('2026-07');
    // Read on 2026-07-15: the month before the as-of day's (June) is covered, as the rows run past it.
    expect(defaultPeriod(store('2026-07-01'), day('2026-07-15'))).toEqual({
      period: parsePeriod('2026-06'),
      from: { kind: 'data' },
    });
  });
});

describe('totals rows found by shared-string index (the fast reader) as by text', () => {
  // A regional export with subtotal and grand-total lines among the order lines; the texts come once from
  // the shared-strings table, so the reader hands their index beside them.
  const texts = ['日期', '区域', '产品线', '销售额', '华东', '华南', '云平台', '华东 小计', '合计', '总计：'];
  const rows: (string | number | null)[][] = [
    ['日期', '区域', '产品线', '销售额'],
    ['2026-06-01', '华东', '云平台', 100],
    ['2026-06-02', '华东', '云平台', 50],
    [null, '华东 小计', null, 150],
    ['2026-06-03', '华南', '云平台', 70],
    [null, '合计', null, 220],
    ['2026-06-04', '华南', '云平台', 30],
    [null, null, '总计：', 250],
  ];
  const withIndex: Raw[][] = rows.map((r) =>
    r.map((v) => (typeof v === 'string' && texts.includes(v) ? { v, si: texts.indexOf(v) } : v)),
  );
  it('leaves out the same rows, with or without the index', () => {
    const byText = run(ingest([{ name: 'S', rows }], { by: ['region'] }), '2026-06', ['region']);
    const byIndex = run(ingest([{ name: 'S', rows: withIndex }], { by: ['region'] }), '2026-06', ['region']);
    expect(byIndex).toEqual(byText);
    // 100 + 50 + 70 + 30: the subtotal and the two totals are not counted again.
    expect(total(byIndex.totals, 'revenue')?.actual).toBe(250);
    expect(byIndex.rows.filter((r) => r.metric === 'revenue').map((r) => [r.group.region, r.actual])).toEqual(
      [
        ['华东', 150],
        ['华南', 100],
      ],
    );
  });
});

describe('CRM column names that look like something else', () => {
  it('Dynamics 365: Status (Open / Won / Lost) is the stage; Est. Revenue is never summed', () => {
    const store = ingest([
      {
        name: 'Opportunities',
        rows: [
          ['Topic', 'Status', 'Est. Close Date', 'Est. Revenue', 'Actual Revenue', 'Owner'],
          ['A', 'Won', '2026-06-03', 500, 480, '王芳'],
          ['B', 'Lost', '2026-06-08', 300, null, '王芳'],
          ['C', 'Open', '2026-06-25', 700, null, '李明'],
        ],
      },
    ]);
    const r = run(store, '2026-06');
    // Revenue is the won deal's actual revenue; the open deal's estimate is pipeline, not revenue.
    expect(total(r.totals, 'revenue')?.actual).toBe(480);
    expect(total(r.totals, 'win_rate')?.actual).toBe(0.5);
  });

  it('an ERP status column (已审核) is not a stage', () => {
    const store = ingest([
      {
        name: '出库',
        rows: [
          ['单据编号', '日期', '状态', '金额'],
          ['A1', '2026-06-03', '已审核', 100],
          ['A2', '2026-06-04', '已审核', 50],
        ],
      },
    ]);
    expect(total(run(store, '2026-06').totals, 'revenue')?.actual).toBe(150);
  });

  it('HubSpot: the Pipeline column names the pipeline; Close Date as date and time', () => {
    const store = ingest([
      {
        name: 'Deals',
        rows: [
          ['Record ID', 'Deal Name', 'Pipeline', 'Deal Stage', 'Close Date', 'Amount', 'Deal owner'],
          ['1', 'A', 'Sales Pipeline', 'Closed won', '2026-06-10 14:32', 1200, 'Jo'],
          ['2', 'B', 'Sales Pipeline', 'Closed lost', '2026-06-11 09:00', 800, 'Jo'],
          ['3', 'C', 'Sales Pipeline', 'Contract sent', '2026-06-28 10:00', 2000, 'Al'],
        ],
      },
    ]);
    const r = run(store, '2026-06');
    expect(total(r.totals, 'revenue')?.actual).toBe(1200);
    expect(total(r.totals, 'pipeline')?.actual).toBe(2000);
    expect(r.warnings).toEqual([]);
  });
});

describe("a bill's continuation lines (金蝶 / 用友 lists that merge the bill's header fields)", () => {
  it('take the bill number, date and customer of its first line; a footer sum without a label does not', () => {
    const store = ingest(
      [
        {
          name: '销售出库单',
          rows: [
            ['单据编号', '日期', '客户', '物料名称', '实发数量', '金额'],
            ['XSCKD1', '2026-06-03', '甲公司', '空调', 2, 2000],
            [null, null, null, '冰箱', 1, 1500],
            [null, null, null, '风扇', 3, 300],
            ['XSCKD2', '2026-05-28', '乙公司', '空调', 1, 1000],
            [null, null, null, null, 7, 4800],
          ],
        },
      ],
      { by: ['customer'] },
    );
    const r = run(store, '2026-06', ['customer']);
    // June: bill XSCKD1 = 2000 + 1500 + 300, all 甲公司; the unlabelled 4800 footer is no line of a bill.
    expect(total(r.totals, 'revenue')?.actual).toBe(3800);
    expect(total(r.totals, 'orders')?.actual).toBe(1);
    expect(r.rows.filter((x) => x.metric === 'revenue').map((x) => [x.group.customer, x.actual])).toEqual([
      ['甲公司', 3800],
      ['乙公司', null], // bought in May only: a row for its prior period
    ]);
    expect(r.notes.map((n) => n.message)).toEqual([
      "2 line(s) without a bill number or date took them from the bill's first line above: A3, A4",
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual(['1 row(s) with values but no date skipped: B6']);
  });
});

describe('revenue per rep with a headcount from meeting.yaml', () => {
  it('the total divides by the headcount; the prior periods, whose headcount is unknown, stay blank', () => {
    const store = ingest([
      {
        name: 'Orders',
        rows: [
          ['日期', '业务员', '销售额'],
          ['2026-05-20', '张三', 90],
          ['2026-06-02', '张三', 100],
          ['2026-06-05', '李四', 140],
        ],
      },
    ]);
    const r = computeKpi(store, {
      period: parsePeriod('2026-06')!,
      ytd: false,
      asOf: day('2026-07-15'),
      workdays: false,
      by: [],
      lang: 'en',
      headcount: 4,
    }).result;
    // 240 ÷ 4 people, though only 2 of them sold in June.
    expect(total(r.totals, 'revenue_per_rep')).toMatchObject({ actual: 60, priorPeriod: null });
    // Without a headcount: 240 ÷ 2 reps with sales, and May's 90 ÷ 1.
    expect(total(run(store, '2026-06').totals, 'revenue_per_rep')).toMatchObject({
      actual: 120,
      priorPeriod: 90,
    });
  });
});

describe('rate targets', () => {
  const orders: Raw[][] = [
    ['日期', '区域', '回款额', '应回款额'],
    ['2026-06-03', '华东', 90, 100],
    ['2026-06-09', '华南', 40, 50],
  ];
  it('different rates of several regions are not added: the total has no target and says why', () => {
    const store = ingest(
      [
        { name: 'Orders', rows: orders },
        {
          name: 'Targets',
          rows: [
            ['区域', '月份', '回款率目标'],
            ['华东', '2026-06', '90%'],
            ['华南', '2026-06', '85%'],
          ],
        },
      ],
      { by: ['region'] },
    );
    const r = run(store, '2026-06', ['region']);
    // (90 + 40) ÷ (100 + 50), against no total target (not 175%).
    expect(total(r.totals, 'collection_rate')?.actual).toBeCloseTo(130 / 150, 10);
    expect(total(r.totals, 'collection_rate')?.target).toBeNull();
    expect(
      r.rows.filter((x) => x.metric === 'collection_rate').map((x) => [x.group.region, x.target]),
    ).toEqual([
      ['华东', 0.9],
      ['华南', 0.85],
    ]);
    expect(r.warnings.map((w) => w.message)).toContain(
      'Collection rate: the targets of several groups or months are different rates, which cannot be added up; give one target for the total',
    );
  });

  it('one rate for every month stays that rate, also for a week (not prorated like an amount)', () => {
    const store = ingest([
      { name: 'Orders', rows: orders },
      {
        name: 'Targets',
        rows: [
          ['月份', '回款率目标'],
          ['2026-05', '90%'],
          ['2026-06', '90%'],
        ],
      },
    ]);
    expect(total(run(store, '2026-Q2').totals, 'collection_rate')?.target).toBe(0.9);
    expect(total(run(store, '2026-W23').totals, 'collection_rate')?.target).toBe(0.9);
  });
});

describe('distinct counts at every level of a deep breakdown, against sets of the rows themselves', () => {
  // A seeded export of order lines: orders of several lines, lines without an order number, blank customers
  // and reps, returns (negative lines: no order, no buying customer), rows outside the compared ranges, and a
  // second sheet without a product column (its rows reach the region level only). The expected figures are
  // counted below with sets, per group and range, from the rows as generated.
  let seed = 20261129;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = <T>(xs: T[]) => xs[rnd(xs.length)]!;
  const regions = ['华东', '华南', '华北'];
  const products = ['硬件', '软件', '服务'];
  const reps = ['张三', '李四', '王五', '赵六', ''];
  const customers = Array.from({ length: 40 }, (_, i) => `客户${i}`).concat(['']);
  type Line = {
    order: string;
    date: string;
    region: string;
    product?: string;
    rep: string;
    customer: string;
    amount: number;
  };
  const lines: Line[] = [];
  const days = Array.from({ length: 700 }, (_, i) => isoOfDay(day('2024-09-01') + i));
  for (let i = 0; i < 2500; i++) {
    const withProduct = i < 2000;
    const order = rnd(6) === 0 ? '' : `SO-${rnd(900)}`;
    // An order's lines share its day, region, product, rep and customer (else no order at all).
    const base = order === '' ? i : Number(order.slice(3));
    const r = (k: number) => (base * 7919 + k * 104729) % 1000;
    const line: Line = {
      order,
      date: order === '' ? pick(days) : days[r(1) % days.length]!,
      region: order === '' ? pick(regions) : regions[r(2) % regions.length]!,
      rep: order === '' ? pick(reps) : reps[r(3) % reps.length]!,
      customer: order === '' ? pick(customers) : customers[r(4) % customers.length]!,
      amount: rnd(12) === 0 ? -50 : 100 + rnd(900),
    };
    if (withProduct) line.product = order === '' ? pick(products) : products[r(5) % products.length]!;
    lines.push(line);
  }
  const sheets = [
    {
      name: 'Orders',
      rows: [
        ['订单号', '日期', '区域', '产品线', '销售代表', '客户', '销售额'],
        ...lines
          .filter((l) => l.product !== undefined)
          .map((l) => [l.order, l.date, l.region, l.product!, l.rep, l.customer, l.amount]),
      ] as Raw[][],
    },
    {
      name: 'Online',
      rows: [
        ['订单号', '日期', '区域', '销售代表', '客户', '销售额'],
        ...lines
          .filter((l) => l.product === undefined)
          .map((l) => [l.order, l.date, l.region, l.rep, l.customer, l.amount]),
      ] as Raw[][],
    },
  ];
  const p = parsePeriod('2026-Q2')!;
  const ranges = [p, priorYearOf(p), priorPeriodOf(p)];
  const bought = lines.filter((l) => l.amount > 0);
  const firstDay = new Map<string, number>();
  for (const l of bought)
    if (l.customer !== '' && !(firstDay.get(l.customer)! <= day(l.date)))
      firstDay.set(l.customer, day(l.date));
  const earliest = Math.min(...bought.map((l) => day(l.date)));
  const within = (r: { start: number; end: number }) => (l: Line) =>
    day(l.date) >= r.start && day(l.date) <= r.end;
  const inRange = ranges.map((r) => bought.filter(within(r)));
  const of = (group: Record<string, string>) => (l: Line) =>
    Object.entries(group).every(([k, v]) => (l as unknown as Record<string, string | undefined>)[k] === v);
  const known = new Map<string, ReturnType<typeof count>>();
  const expected = (group: Record<string, string>, ri: number) => {
    const key = `${JSON.stringify(group)}${ri}`;
    if (!known.has(key)) known.set(key, count(group, ri));
    return known.get(key)!;
  };
  const count = (group: Record<string, string>, ri: number) => {
    const r = ranges[ri]!;
    const rows = inRange[ri]!.filter(of(group));
    const occasions = new Map<string, Set<string>>();
    for (const l of rows)
      if (l.customer !== '')
        occasions.set(l.customer, (occasions.get(l.customer) ?? new Set()).add(l.order || l.date));
    const active = occasions.size;
    if (rows.length === 0) return null;
    return {
      orders: new Set(rows.filter((l) => l.order !== '').map((l) => l.order)).size,
      active_customers: active,
      new_customers:
        earliest < r.start ? [...occasions.keys()].filter((c) => firstDay.get(c)! >= r.start).length : null,
      repeat_rate: active === 0 ? null : [...occasions.values()].filter((s) => s.size > 1).length / active,
      // Revenue (returns included) per rep with a sale.
      revenue_per_rep:
        lines
          .filter(within(r))
          .filter(of(group))
          .reduce((sum, l) => sum + l.amount, 0) /
        new Set(rows.filter((l) => l.rep !== '').map((l) => l.rep)).size,
    };
  };
  const cases: [GroupKey[]][] = [
    [['region', 'product', 'rep']],
    [['product', 'rep']],
    [['region']],
    [['rep', 'customer']],
  ];
  it.each(cases)('by %j', (by) => {
    const store = ingest(sheets, { by, focus: ranges });
    const result = run(store, '2026-Q2', by);
    const blank = store.blankGroup;
    const field = ['actual', 'priorYear', 'priorPeriod'] as const;
    const compared = by.map(() => 0);
    for (const row of [...result.totals, ...result.rows]) {
      if (
        !['orders', 'active_customers', 'new_customers', 'repeat_rate', 'revenue_per_rep'].includes(
          row.metric,
        )
      )
        continue;
      // The blank group's rows are those with the cell empty.
      const group = Object.fromEntries(Object.entries(row.group).map(([k, v]) => [k, v === blank ? '' : v]));
      for (let ri = 0; ri < 3; ri++) {
        const want = expected(group, ri);
        const got = row[field[ri]!];
        const value = want?.[row.metric as keyof typeof want] ?? null;
        if ((row.metric === 'repeat_rate' || row.metric === 'revenue_per_rep') && value !== null)
          expect(got).toBeCloseTo(value, 9);
        else
          expect([row.metric, group, field[ri], got]).toEqual([
            row.metric,
            group,
            field[ri],
            value === 0 && got === null ? null : value,
          ]);
        const depth = Object.keys(group).length;
        if (row.metric === 'orders' && got !== null && depth > 0) compared[depth - 1]!++;
      }
    }
    // Figures at every level were compared.
    expect(compared.every((n) => n >= 9)).toBe(true);
  });
});
