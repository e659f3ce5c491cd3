/**
 * The funnel of opportunity exports (core/kpi/funnel.ts): which deals count, the order of the stages, amounts,
 * weighted amounts, shares, win rates and the coverage of the remaining target. Every expected figure is worked
 * out by hand in the comments beside it.
 */
import { describe, expect, it } from 'vitest';
import { computeKpi } from '../../../src/core/kpi/compute.js';
import { funnelOf, stageNumber } from '../../../src/core/kpi/funnel.js';
import { StageTable } from '../../../src/core/kpi/ingest/funnel.js';
import { KpiStore, SheetIngester } from '../../../src/core/kpi/ingest.js';
import { dayOfIso, parsePeriod } from '../../../src/core/kpi/period.js';
import type { KpiRow, StageVerdict } from '../../../src/core/kpi/result.js';
import type { SheetRow, When } from '../../../src/core/kpi/values.js';

const JUNE = parsePeriod('2026-06')!;

/** A deal: stage, verdict, close date (`2026-06-20`, a month `2026-06`, or null), amount, probability. */
type Deal = [string, StageVerdict, string | null, number | null, number | null];

function when(s: string | null): When | null {
  if (s === null) return null;
  if (/^\d{4}-\d{2}$/.test(s)) return { kind: 'month', month: s };
  return { kind: 'day', day: dayOfIso(s)! };
}

function tableOf(deals: Deal[], opts: { amount?: boolean; probability?: boolean } = {}): StageTable {
  const t = new StageTable();
  t.hasAmount = opts.amount ?? true;
  t.hasProbability = opts.probability ?? true;
  for (const [stage, verdict, close, amount, p] of deals)
    t.add(t.stage(stage, verdict), when(close), amount, p);
  return t;
}

/** The revenue total row, as far as the funnel reads it. */
function revenue(target: number | null, actual: number | null): KpiRow {
  return { metric: 'revenue', target, actual } as KpiRow;
}

/** Nine deals around June 2026, stage names with leading numbers. */
const NUMBERED: Deal[] = [
  ['02 - Qualification', 'open', '2026-06-20', 10000, 0.2],
  ['01 - Prospecting', 'open', '2026-07-15', 5000, 0.1],
  ['01 - Prospecting', 'open', '2026-08-01', 7000, 0.1],
  ['03 - Proposal', 'open', '2026-06-30', 20000, 0.6],
  ['03 - Proposal', 'open', '2026-05-20', 9000, 0.6], // expected before June, still open: overdue
  ['05 - Closed Won', 'won', '2026-06-05', 30000, null],
  ['05 - Closed Won', 'won', '2026-05-28', 11000, null], // closed in May: not June's
  ['06 - Closed Lost', 'lost', '2026-06-10', 10000, null],
  ['05 - Closed Won', 'won', '2026-06-25', 18000, null],
];

describe('funnelOf', () => {
  it('stages numbered 01, 02, 03: open ones by number, then won, then lost; overdue deals apart', () => {
    const f = funnelOf(tableOf(NUMBERED), {
      range: JUNE,
      unit: null,
      scale: 1,
      revenue: revenue(100000, 48000),
    })!;
    expect(f.order).toBe('number');
    expect(f.stages).toEqual([
      // 5,000 + 7,000 = 12,000; weighted 500 + 700 = 1,200; share 12,000 ÷ 42,000
      {
        stage: '01 - Prospecting',
        verdict: 'open',
        count: 2,
        amount: 12000,
        weightedAmount: 1200,
        probability: 0.1,
        share: 0.285714285714286,
      },
      // 10,000 × 0.2 = 2,000; 10,000 ÷ 42,000
      {
        stage: '02 - Qualification',
        verdict: 'open',
        count: 1,
        amount: 10000,
        weightedAmount: 2000,
        probability: 0.2,
        share: 0.238095238095238,
      },
      // only the deal of 30 June (the May one is overdue); 20,000 × 0.6 = 12,000; 20,000 ÷ 42,000;
      // the probability averages every deal of the stage: (0.6 + 0.6) ÷ 2
      {
        stage: '03 - Proposal',
        verdict: 'open',
        count: 1,
        amount: 20000,
        weightedAmount: 12000,
        probability: 0.6,
        share: 0.476190476190476,
      },
      // 30,000 + 18,000 = 48,000 of 48,000 + 10,000 = 58,000 closed
      {
        stage: '05 - Closed Won',
        verdict: 'won',
        count: 2,
        amount: 48000,
        weightedAmount: null,
        probability: null,
        share: 0.827586206896552,
      },
      {
        stage: '06 - Closed Lost',
        verdict: 'lost',
        count: 1,
        amount: 10000,
        weightedAmount: null,
        probability: null,
        share: 0.172413793103448,
      },
    ]);
    // open: 2 + 1 + 1 deals, 12,000 + 10,000 + 20,000; weighted 1,200 + 2,000 + 12,000
    expect(f.open).toEqual({ count: 4, amount: 42000, weightedAmount: 15200 });
    expect(f.won).toEqual({ count: 2, amount: 48000, weightedAmount: null });
    expect(f.lost).toEqual({ count: 1, amount: 10000, weightedAmount: null });
    expect(f.overdue).toEqual({ count: 1, amount: 9000 });
    // By expected close month: June 10,000 + 20,000 (weighted 2,000 + 12,000), July 5,000, August 7,000.
    expect(f.openByMonth).toEqual([
      { month: '2026-06', count: 2, amount: 30000, weightedAmount: 14000 },
      { month: '2026-07', count: 1, amount: 5000, weightedAmount: 500 },
      { month: '2026-08', count: 1, amount: 7000, weightedAmount: 700 },
    ]);
    // 2 ÷ (2 + 1); 48,000 ÷ 58,000
    expect(f.winRate).toBe(0.666666666666667);
    expect(f.winRateAmount).toBe(0.827586206896552);
    // weighted 15,200 ÷ (100,000 − 48,000 = 52,000) = 0.2923…
    expect(f.coverage).toEqual({
      basis: 'weighted',
      pipeline: 15200,
      target: 100000,
      actual: 48000,
      remaining: 52000,
      met: false,
      ratio: 0.292307692307692,
    });
  });

  const cases: {
    name: string;
    deals: Deal[];
    opts?: { amount?: boolean; probability?: boolean };
    rev?: KpiRow;
    scale?: number;
    expected: {
      order: string;
      stages: [string, number, number | null, number | null][];
      winRate?: number | null;
      winRateAmount?: number | null;
      coverage?: unknown;
      overdue?: { count: number; amount: number | null };
      openByMonth?: unknown[];
    };
  }[] = [
    {
      name: 'names without numbers, with probabilities: low probability first',
      deals: [
        ['Negotiation', 'open', '2026-06-12', 40000, 0.8],
        ['Discovery', 'open', '2026-07-01', 10000, 0.2],
        ['Proposal', 'open', '2026-06-18', 25000, 0.5],
        ['Won', 'won', '2026-06-02', 15000, 1],
      ],
      rev: revenue(50000, 15000),
      expected: {
        order: 'probability',
        // [stage, deals, amount, share]; open 75,000: 10/75, 25/75, 40/75; won 15,000 of 15,000
        stages: [
          ['Discovery', 1, 10000, 0.133333333333333],
          ['Proposal', 1, 25000, 0.333333333333333],
          ['Negotiation', 1, 40000, 0.533333333333333],
          ['Won', 1, 15000, 1],
        ],
        // no lost deal: 1 ÷ (1 + 0)
        winRate: 1,
        winRateAmount: 1,
        // weighted 40,000 × 0.8 + 10,000 × 0.2 + 25,000 × 0.5 = 46,500 ÷ (50,000 − 15,000 = 35,000) = 1.3285714…
        coverage: {
          basis: 'weighted',
          pipeline: 46500,
          target: 50000,
          actual: 15000,
          remaining: 35000,
          met: false,
          ratio: 1.32857142857143,
        },
      },
    },
    {
      name: 'one name without a number: by probability; ties by deals, then by first appearance',
      deals: [
        ['1. 初步接洽', 'open', '2026-06-03', 1000, 0.1],
        ['需求确定', 'open', '2026-06-04', 2000, 0.3],
        ['2. 方案报价', 'open', '2026-06-05', 3000, 0.3],
        ['2. 方案报价', 'open', '2026-06-06', 4000, 0.3],
        ['赢单', 'won', '2026-06-07', 5000, 1],
      ],
      rev: revenue(null, 5000),
      expected: {
        order: 'probability',
        // 方案报价 has 2 deals, 需求确定 1 (same 30%); open total 10,000
        stages: [
          ['1. 初步接洽', 1, 1000, 0.1],
          ['2. 方案报价', 2, 7000, 0.7],
          ['需求确定', 1, 2000, 0.2],
          ['赢单', 1, 5000, 1],
        ],
        // no target for the period: no coverage
        coverage: null,
      },
    },
    {
      name: 'no probability column: by deals (most first), unweighted coverage',
      deals: [
        ['Demo', 'open', '2026-06-10', 3000, null],
        ['Contact', 'open', '2026-06-11', 1000, null],
        ['Demo', 'open', '2026-06-12', 3000, null],
        ['Quote', 'open', '2026-06-13', 8000, null],
        ['Contact', 'open', '2026-06-14', 1000, null],
        ['Contact', 'open', '2026-06-15', 1000, null],
        ['Lost', 'lost', '2026-06-16', 6000, null],
        ['Won', 'won', '2026-06-17', 2000, null],
      ],
      opts: { probability: false },
      rev: revenue(10000, 2000),
      expected: {
        order: 'count',
        // open 3,000 + 6,000 + 8,000 = 17,000; closed 2,000 + 6,000 = 8,000
        stages: [
          ['Contact', 3, 3000, 0.176470588235294],
          ['Demo', 2, 6000, 0.352941176470588],
          ['Quote', 1, 8000, 0.470588235294118],
          ['Won', 1, 2000, 0.25],
          ['Lost', 1, 6000, 0.75],
        ],
        winRate: 0.5,
        winRateAmount: 0.25,
        // 17,000 ÷ (10,000 − 2,000 = 8,000) = 2.125
        coverage: {
          basis: 'unweighted',
          pipeline: 17000,
          target: 10000,
          actual: 2000,
          remaining: 8000,
          met: false,
          ratio: 2.125,
        },
      },
    },
    {
      name: 'the target is met: coverage says so, without a ratio',
      deals: [
        ['Proposal', 'open', '2026-07-10', 5000, 0.5],
        ['Closed Won', 'won', '2026-06-10', 12000, null],
      ],
      rev: revenue(10000, 12000),
      expected: {
        order: 'probability',
        stages: [
          ['Proposal', 1, 5000, 1],
          ['Closed Won', 1, 12000, 1],
        ],
        coverage: {
          basis: 'weighted',
          pipeline: 2500,
          target: 10000,
          actual: 12000,
          remaining: -2000,
          met: true,
          ratio: null,
        },
      },
    },
    {
      name: 'no amount column: deals only, shares by count, no rate by amount and no coverage',
      deals: [
        ['Qualify', 'open', '2026-06-10', null, null],
        ['Qualify', 'open', '2026-06-11', null, null],
        ['Propose', 'open', '2026-06-12', null, null],
        ['Won', 'won', '2026-06-13', null, null],
        ['Lost', 'lost', '2026-06-14', null, null],
        ['Lost', 'lost', '2026-06-15', null, null],
        ['Lost', 'lost', '2026-06-16', null, null],
      ],
      opts: { amount: false, probability: false },
      rev: revenue(10000, null),
      expected: {
        order: 'count',
        stages: [
          ['Qualify', 2, null, 0.666666666666667],
          ['Propose', 1, null, 0.333333333333333],
          ['Won', 1, null, 0.25],
          ['Lost', 3, null, 0.75],
        ],
        winRate: 0.25,
        winRateAmount: null,
        coverage: null,
        overdue: { count: 0, amount: null },
      },
    },
    {
      name: 'close dates by month: an open deal of May is overdue, one of June counts; a won deal of the quarter does not',
      deals: [
        ['Proposal', 'open', '2026-05', 4000, 0.5],
        ['Proposal', 'open', '2026-06', 6000, 0.5],
        ['Won', 'won', '2026-06', 7000, null],
        ['Won', 'won', '2026-Q2', 9000, null],
      ],
      rev: revenue(20000, 7000),
      expected: {
        order: 'probability',
        stages: [
          ['Proposal', 1, 6000, 1],
          ['Won', 1, 7000, 1],
        ],
        overdue: { count: 1, amount: 4000 },
        openByMonth: [{ month: '2026-06', count: 1, amount: 6000, weightedAmount: 3000 }],
        winRate: 1,
        // 6,000 × 0.5 ÷ (20,000 − 7,000)
        coverage: {
          basis: 'weighted',
          pipeline: 3000,
          target: 20000,
          actual: 7000,
          remaining: 13000,
          met: false,
          ratio: 0.230769230769231,
        },
      },
    },
    {
      name: 'no close date column: every deal counts',
      deals: [
        ['Open', 'open', null, 100, null],
        ['Won', 'won', null, 300, null],
        ['Lost', 'lost', null, 100, null],
      ],
      opts: { probability: false },
      expected: {
        order: 'count',
        // no close month: none by month
        openByMonth: [],
        stages: [
          ['Open', 1, 100, 1],
          ['Won', 1, 300, 0.75],
          ['Lost', 1, 100, 0.25],
        ],
        winRate: 0.5,
        winRateAmount: 0.75,
        coverage: null,
      },
    },
    {
      name: 'amounts stored in 元 shown in 万元 (the unit of revenue)',
      deals: [
        ['Proposal', 'open', '2026-06-10', 125000, 0.4],
        ['Won', 'won', '2026-06-11', 300000, null],
      ],
      scale: 10000,
      rev: revenue(50, 30),
      expected: {
        order: 'probability',
        stages: [
          ['Proposal', 1, 12.5, 1],
          ['Won', 1, 30, 1],
        ],
        // 12.5 × 0.4 = 5 ÷ (50 − 30 = 20)
        coverage: {
          basis: 'weighted',
          pipeline: 5,
          target: 50,
          actual: 30,
          remaining: 20,
          met: false,
          ratio: 0.25,
        },
      },
    },
  ];

  for (const c of cases)
    it(c.name, () => {
      const f = funnelOf(tableOf(c.deals, c.opts), {
        range: JUNE,
        unit: null,
        scale: c.scale ?? 1,
        revenue: c.rev,
      })!;
      expect(f.order).toBe(c.expected.order);
      expect(f.stages.map((s) => [s.stage, s.count, s.amount, s.share])).toEqual(c.expected.stages);
      if (c.expected.winRate !== undefined) expect(f.winRate).toBe(c.expected.winRate);
      if (c.expected.winRateAmount !== undefined) expect(f.winRateAmount).toBe(c.expected.winRateAmount);
      if (c.expected.coverage !== undefined) expect(f.coverage).toEqual(c.expected.coverage);
      if (c.expected.overdue !== undefined) expect(f.overdue).toEqual(c.expected.overdue);
      if (c.expected.openByMonth !== undefined) expect(f.openByMonth).toEqual(c.expected.openByMonth);
    });

  it('no closed deal: no win rate; no stage at all: no funnel', () => {
    const f = funnelOf(tableOf([['Qualify', 'open', '2026-06-10', 100, null]]), {
      range: JUNE,
      unit: null,
      scale: 1,
      revenue: undefined,
    })!;
    expect([f.winRate, f.winRateAmount, f.won.count, f.won.amount]).toEqual([null, null, 0, 0]);
    expect(funnelOf(new StageTable(), { range: JUNE, unit: null, scale: 1, revenue: undefined })).toBeNull();
  });

  it('leading numbers: a separator or a space after one to three digits, never a percentage or a year', () => {
    const cases: [string, number | null][] = [
      ['01 - Prospecting', 1],
      ['1. 初步接洽', 1],
      ['3、谈判审核', 3],
      ['2) Demo', 2],
      ['10 Qualify', 10],
      ['10% Qualify', null],
      ['2026 pipeline', null],
      ['Prospecting', null],
      ['Id. Decision Makers', null],
    ];
    for (const [name, n] of cases) expect(stageNumber(name), name).toBe(n);
  });
});

/** Rows of plain values through the real reader of one sheet, then the computation. */
function ingest(rows: (string | number | null)[][], stages: { won?: string[] } = {}) {
  const store = new KpiStore([], 'en', {}, false, stages);
  const ing = new SheetIngester(store, { file: 'deals.xlsx', sheet: 'Deals' });
  rows.forEach((r, i) => {
    const row: SheetRow = { n: i + 1, cells: r.map((v) => (v === null ? undefined : { v })) };
    ing.push(row);
  });
  ing.finish();
  return store;
}

describe('the funnel from an opportunity sheet', () => {
  const header = ['Opportunity Name', 'Stage', 'Amount', 'Probability (%)', 'Close Date'];
  const rows: (string | number | null)[][] = [
    ['Deals closing 2026'],
    [],
    header,
    ['A', 'Prospecting', 1000, 10, '2026-06-10'],
    ['B', 'Negotiation', 4000, 80, '2026-07-10'],
    ['C', 'Prospecting', 2000, 10, '2026-09-01'],
    ['D', 'Closed Won', 5000, 100, '2026-06-20'],
    ['E', 'Closed Lost', 3000, 0, '2026-06-21'],
    ['F', 'Negotiation', 6000, 80, null], // no close date: skipped (and counted in a warning)
    ['G', 'Closed Won', 9000, 100, '2026-04-02'],
    ['Total', null, 30000, null, null],
  ];

  it('reads every deal of the sheet once, beside the KPI rows it agrees with', () => {
    const { result } = computeKpi(ingest(rows), {
      period: JUNE,
      ytd: false,
      asOf: dayOfIso('2026-07-05')!,
      workdays: false,
      by: [],
      lang: 'en',
    });
    const f = result.funnel!;
    // Prospecting 1,000 + 2,000 (weighted 100 + 200); Negotiation 4,000 (weighted 3,200); F has no date.
    expect(f.stages.map((s) => [s.stage, s.verdict, s.count, s.amount, s.weightedAmount])).toEqual([
      ['Prospecting', 'open', 2, 3000, 300],
      ['Negotiation', 'open', 1, 4000, 3200],
      ['Closed Won', 'won', 1, 5000, null],
      ['Closed Lost', 'lost', 1, 3000, null],
    ]);
    expect(f.overdue).toEqual({ count: 0, amount: 0 });
    // 1 ÷ 2; 5,000 ÷ 8,000 — the same as the table's win rate rows
    expect([f.winRate, f.winRateAmount]).toEqual([0.5, 0.625]);
    const row = (m: string) => result.totals.find((r) => r.metric === m)?.actual;
    expect([row('win_rate'), row('win_rate_amount'), row('revenue')]).toEqual([0.5, 0.625, 5000]);
    // No target in the data: no coverage.
    expect(f.coverage).toBeNull();
  });

  it('--won names the won stages: the funnel counts them as won', () => {
    const custom = rows.map((r) => r.map((v) => (v === 'Closed Won' ? 'Signed' : v)));
    const { result } = computeKpi(ingest(custom, { won: ['Signed'] }), {
      period: JUNE,
      ytd: false,
      asOf: dayOfIso('2026-07-05')!,
      workdays: false,
      by: [],
      lang: 'en',
    });
    expect(result.funnel!.stages.find((s) => s.stage === 'Signed')).toMatchObject({
      verdict: 'won',
      count: 1,
      amount: 5000,
    });
  });

  it('a detail sheet without stages has no funnel', () => {
    const store = ingest([
      ['Date', 'Region', 'Revenue'],
      ['2026-06-03', 'East', 100],
    ]);
    const { result } = computeKpi(store, {
      period: JUNE,
      ytd: false,
      asOf: dayOfIso('2026-07-05')!,
      workdays: false,
      by: [],
      lang: 'en',
    });
    expect(result.funnel).toBeUndefined();
    expect('funnel' in result).toBe(false);
  });
});
