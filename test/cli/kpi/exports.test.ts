/**
 * `salesmeet kpi` on exports shaped like each vendor's (test/fixtures/exports), run through the CLI (main() in-process).
 * Every expected figure comes from the fixture's own arrays (plain filter/reduce in the fixture module), never
 * from salesmeet code. Warnings are matched loosely: their wording is not this file's business.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealFigures } from '../../fixtures/exports/figures.js';
import * as fxiaoke from '../../fixtures/exports/fxiaoke.js';
import * as hubspot from '../../fixtures/exports/hubspot.js';
import * as kingdee from '../../fixtures/exports/kingdee.js';
import * as plainCsv from '../../fixtures/exports/plain-csv.js';
import * as salesforce from '../../fixtures/exports/salesforce.js';
import * as sap from '../../fixtures/exports/sap.js';
import * as summary from '../../fixtures/exports/summary-titled.js';
import * as yonyou from '../../fixtures/exports/yonyou.js';
import { type RunResult, STACK_RE, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

interface KpiRow {
  metric: string;
  group: Record<string, string>;
  target: number | null;
  actual: number | null;
  priorYear: number | null;
  priorPeriod: number | null;
}

interface KpiJson {
  period: { label: string; start: string; end: string };
  totals: KpiRow[];
  rows: KpiRow[];
  warnings: { message: string; sheet?: string }[];
}

let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('salesmeet-exports-'));
  await salesforce.write(dir);
  hubspot.write(dir);
  await kingdee.write(dir);
  await yonyou.write(dir);
  await sap.write(dir);
  await fxiaoke.write(dir);
  await summary.write(dir);
  plainCsv.write(dir);
});
afterAll(() => cleanup());

/** Runs `salesmeet kpi … --json --as-of DAY` in the fixtures folder. */
async function kpi(files: string[], asOf: string, ...args: string[]): Promise<RunResult> {
  return await runIn(['kpi', ...files, '--json', '--as-of', asOf, ...args], { cwd: dir });
}

/** Like kpi, for a run that must succeed: exit 0 and the parsed JSON (stderr shown when it does not). */
async function ok(files: string[], asOf: string, ...args: string[]): Promise<KpiJson & { stderr: string }> {
  const r = await kpi(files, asOf, ...args);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(STACK_RE);
  return { ...(JSON.parse(r.stdout) as KpiJson), stderr: r.stderr };
}

/** The totals row of a metric, if the result has one. */
const total = (j: KpiJson, metric: string): KpiRow | undefined => j.totals.find((t) => t.metric === metric);

/** The actual of a metric's totals row (fails clearly when the row is missing). */
function actual(j: KpiJson, metric: string): number {
  const t = total(j, metric);
  expect(t, `no totals row for ${metric}: ${j.totals.map((x) => x.metric).join(', ')}`).toBeDefined();
  expect(t!.actual, `${metric}.actual`).not.toBeNull();
  return t!.actual!;
}

/** The breakdown row of a metric for a group such as { rep: 'Alice Chen' }. */
function row(j: KpiJson, metric: string, group: Record<string, string>): KpiRow | undefined {
  return j.rows.find((x) => x.metric === metric && JSON.stringify(x.group) === JSON.stringify(group));
}

/** Every breakdown group of a metric with its actual, to compare with an expected Map. */
function byGroup(j: KpiJson, metric: string, dim: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of j.rows) {
    if (x.metric === metric && Object.keys(x.group).length === 1 && x.group[dim] !== undefined) {
      out.set(x.group[dim]!, x.actual ?? Number.NaN);
    }
  }
  return out;
}

function expectGroups(got: Map<string, number>, want: Map<string, number>): void {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, v] of want) expect(got.get(k), k).toBeCloseTo(v, 6);
}

/** stderr and the JSON warnings as one text, for loose matching. */
const said = (j: KpiJson & { stderr: string }) =>
  `${j.stderr}\n${j.warnings.map((w) => w.message).join('\n')}`;

/** The opportunity figures of a period, each compared with the expected one. */
function expectDeals(j: KpiJson, want: DealFigures): void {
  expect(actual(j, 'revenue')).toBeCloseTo(want.revenue, 6);
  expect(actual(j, 'won_deals')).toBe(want.won_deals);
  expect(actual(j, 'lost_deals')).toBe(want.lost_deals);
  expect(actual(j, 'win_rate')).toBeCloseTo(want.win_rate, 6);
  expect(actual(j, 'win_rate_amount')).toBeCloseTo(want.win_rate_amount, 6);
  expect(actual(j, 'pipeline')).toBeCloseTo(want.pipeline, 6);
}

describe('Salesforce opportunity report (formatted .xlsx export)', () => {
  const { FILE, TARGETS_FILE, AS_OF, expected } = salesforce;

  it('--period 2026-Q2 with the quota: won revenue, win rates, pipeline, weighted pipeline, coverage', async () => {
    const j = await ok([FILE, TARGETS_FILE], AS_OF, '--period', '2026-Q2');
    expect(j.period).toMatchObject({ label: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    expectDeals(j, expected.q2);
    expect(actual(j, 'weighted_pipeline')).toBeCloseTo(expected.q2.weighted_pipeline, 6);
    expect(total(j, 'revenue')?.target).toBeCloseTo(expected.q2Target, 6);
    expect(actual(j, 'pipeline_coverage')).toBeCloseTo(
      expected.q2.pipeline / (expected.q2Target - expected.q2.revenue),
      6,
    );
  });

  it('without --period: the latest complete month of won/lost deals (June), open deals in later months ignored', async () => {
    const j = await ok([FILE], AS_OF);
    expect(j.period.label).toBe('2026-06');
    expectDeals(j, expected.default);
    // No target without the quota file: no coverage figure.
    expect(total(j, 'pipeline_coverage')?.actual ?? null).toBeNull();
  });

  it('--by rep: won amount per Opportunity Owner', async () => {
    const j = await ok([FILE], AS_OF, '--period', '2026-Q2', '--by', 'rep');
    expectGroups(byGroup(j, 'revenue', 'rep'), expected.q2ByRep);
  });
});

describe('HubSpot deals (CSV export of the deals view)', () => {
  const { FILE, RENEWALS_FILE, AS_OF, expected } = hubspot;

  it('--period 2026-06: closed won is revenue, closed lost counts for win rate, open with a close date is pipeline', async () => {
    const j = await ok([FILE], AS_OF, '--period', '2026-06');
    expect(j.period.label).toBe('2026-06');
    expectDeals(j, expected.june);
    // No probability column: no weighted pipeline.
    expect(total(j, 'weighted_pipeline')?.actual ?? null).toBeNull();
    // Open deals without a close date are skipped with one aggregated warning, not one per deal.
    expect(expected.june.openWithoutCloseDate).toBeGreaterThan(1);
    const lines = j.stderr.split('\n').filter((l) => /close date/i.test(l));
    const inJson = j.warnings.filter((w) => /close date/i.test(w.message));
    expect(Math.max(lines.length, inJson.length)).toBe(1);
  });

  it('without --period: June 2026 (over on the as-of day; open deals closing later do not move it)', async () => {
    const j = await ok([FILE], AS_OF);
    expect(j.period.label).toBe('2026-06');
    expectDeals(j, expected.june);
  });

  it('custom won stages: refused with the stages found and the flag that fixes it', async () => {
    // "Signed" / "Paid" are no default won stages: no revenue is guessed, the stages are listed.
    const r = await kpi([RENEWALS_FILE], AS_OF, '--period', '2026-06');
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(
      /^hubspot-crm-exports-renewals-2026-07-03\.csv: error: no stage in column "Deal Stage" is counted as won \(found: .*Signed \(\d+\).*\), so no revenue can be read from it\n {2}hint: name the won stages with --won "[^"]+" \(the lost ones with --lost\), or kpi\.won in meeting\.yaml\n$/,
    );
  });

  it('--won "Signed,Paid" makes them revenue', async () => {
    const j = await ok([RENEWALS_FILE], AS_OF, '--period', '2026-06', '--won', 'Signed,Paid');
    expectDeals(j, expected.renewalsJune);
  });
});

describe('金蝶云星空 销售出库单列表', () => {
  const { FILE, AS_OF, expected, lines, JUNE } = kingdee;

  it('--period 2026-06: revenue from 金额 (tax-exclusive, returns netted), units from 实发数量, prices never summed', async () => {
    const j = await ok([FILE], AS_OF, '--period', '2026-06');
    expect(j.period.label).toBe('2026-06');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.revenue.actual, 6);
    expect(total(j, 'revenue')?.priorPeriod).toBeCloseTo(expected.revenue.priorPeriod, 6);
    expect(total(j, 'revenue')?.priorYear).toBeCloseTo(expected.revenue.priorYear, 6);
    expect(actual(j, 'units')).toBeCloseTo(expected.units.actual, 6);
    expect(total(j, 'units')?.priorPeriod).toBeCloseTo(expected.units.priorPeriod, 6);
    expect(total(j, 'units')?.priorYear).toBeCloseTo(expected.units.priorYear, 6);
    // No figure anywhere is a sum of 单价 or 含税单价.
    const june = lines.filter((l) => l.date >= JUNE.start && l.date <= JUNE.end);
    const priceSums = [
      june.reduce((a, l) => a + l.price, 0),
      june.reduce((a, l) => a + l.material.taxPrice, 0),
    ];
    for (const t of j.totals) {
      for (const p of priceSums) if (typeof t.actual === 'number') expect(t.actual).not.toBeCloseTo(p, 2);
    }
  });

  it('without --period: June 2026 (July is not over on the as-of day)', async () => {
    const j = await ok([FILE], AS_OF);
    expect(j.period.label).toBe('2026-06');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.revenue.actual, 6);
  });

  it('--columns actual=价税合计 takes the tax-inclusive amount', async () => {
    const j = await ok([FILE], AS_OF, '--period', '2026-06', '--columns', 'actual=价税合计');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.revenueInclTax.actual, 6);
    expect(total(j, 'revenue')?.priorYear).toBeCloseTo(expected.revenueInclTax.priorYear, 6);
  });

  it('--by 部门 (a Chinese dimension name) breaks down by 销售部门', async () => {
    const j = await ok([FILE], AS_OF, '--period', '2026-06', '--by', '部门');
    expectGroups(byGroup(j, 'revenue', 'team'), expected.revenueByTeam);
    expect(row(j, 'revenue', { team: '华东销售部' })?.actual).toBeCloseTo(
      expected.revenueByTeam.get('华东销售部')!,
      6,
    );
  });
});

describe('用友 U8 销售统计表 (stated period, two-row header)', () => {
  const { q1, q2, AS_OF, expected } = yonyou;

  it('without --period: the period the condition row states (2026-Q2); 本期 is actual, 上年同期 prior year', async () => {
    const j = await ok([q2.file], AS_OF);
    expect(j.period).toMatchObject({ label: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    expect(actual(j, 'revenue')).toBeCloseTo(expected.q2.revenue.actual, 6);
    expect(total(j, 'revenue')?.priorYear).toBeCloseTo(expected.q2.revenue.priorYear, 6);
    expect(actual(j, 'units')).toBeCloseTo(expected.q2.units.actual, 6);
    expect(total(j, 'units')?.priorYear).toBeCloseTo(expected.q2.units.priorYear, 6);
  });

  it('--period 2026-Q2: the same figures', async () => {
    const j = await ok([q2.file], AS_OF, '--period', '2026-Q2');
    expect(j.period.label).toBe('2026-Q2');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.q2.revenue.actual, 6);
    expect(actual(j, 'units')).toBeCloseTo(expected.q2.units.actual, 6);
  });

  it('asked for another period (2026-06): exit 3, naming what the data covers and suggesting --period', async () => {
    const r = await kpi([q2.file], AS_OF, '--period', '2026-06');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2026-Q2|2026-04-01/);
    expect(r.stderr).toMatch(/--period/);
    expect(r.stderr).not.toMatch(STACK_RE);
  });

  it('Q1 and Q2 read together for --period 2026-H1: the sum of both', async () => {
    const j = await ok([q1.file, q2.file], AS_OF, '--period', '2026-H1');
    expect(j.period.label).toBe('2026-H1');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.h1.revenue.actual, 6);
    expect(total(j, 'revenue')?.priorYear).toBeCloseTo(expected.h1.revenue.priorYear, 6);
    expect(actual(j, 'units')).toBeCloseTo(expected.h1.units.actual, 6);
  });

  it('beside dated rows for another period: contributes nothing, with a warning naming the sheet and its period', async () => {
    const j = await ok([kingdee.FILE, q2.file], kingdee.AS_OF, '--period', '2026-06');
    expect(actual(j, 'revenue')).toBeCloseTo(kingdee.expected.revenue.actual, 6);
    expect(actual(j, 'units')).toBeCloseTo(kingdee.expected.units.actual, 6);
    expect(said(j)).toMatch(/销售统计表/);
    expect(said(j)).toMatch(/2026-Q2|2026-04-01/);
  });
});

describe('SAP billing item list (VF05-style ALV export)', () => {
  const { FILE_EN, FILE_ZH, AS_OF, expected } = sap;

  it('--period 2026-Q2: Net Value is revenue (Tax Amount is not), Billed Quantity is units', async () => {
    const j = await ok([FILE_EN], AS_OF, '--period', '2026-Q2');
    expect(j.period.label).toBe('2026-Q2');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.q2.revenue.actual, 6);
    expect(total(j, 'revenue')?.priorPeriod).toBeCloseTo(expected.q2.revenue.priorPeriod, 6);
    expect(total(j, 'revenue')?.priorYear).toBeCloseTo(expected.q2.revenue.priorYear, 6);
    expect(actual(j, 'units')).toBeCloseTo(expected.q2.units.actual, 6);
  });

  it('without --period: June 2026 (July is not over on the as-of day)', async () => {
    const j = await ok([FILE_EN], AS_OF);
    expect(j.period.label).toBe('2026-06');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.default.revenue.actual, 6);
  });

  it('--by product: Material Description', async () => {
    const j = await ok([FILE_EN], AS_OF, '--period', '2026-Q2', '--by', 'product');
    expectGroups(byGroup(j, 'revenue', 'product'), expected.q2.revenueByProduct);
  });

  it('the Chinese logon labels (开票日期 as 2026.06.10, 售达方, 物料描述, 净值) give the same figures', async () => {
    const j = await ok([FILE_ZH], AS_OF, '--period', '2026-Q2');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.q2.revenue.actual, 6);
    expect(total(j, 'revenue')?.priorYear).toBeCloseTo(expected.q2.revenue.priorYear, 6);
    expect(actual(j, 'units')).toBeCloseTo(expected.q2.units.actual, 6);
    const d = await ok([FILE_ZH], AS_OF);
    expect(d.period.label).toBe('2026-06');
  });
});

describe('纷享销客 商机 export', () => {
  const { FILE, AS_OF, expected } = fxiaoke;

  it('--period 2026-Q2: 赢单 revenue, 输单 for win rate, open stages as pipeline weighted by 赢率 text', async () => {
    const j = await ok([FILE], AS_OF, '--period', '2026-Q2');
    expect(j.period.label).toBe('2026-Q2');
    expectDeals(j, expected.q2);
    expect(actual(j, 'weighted_pipeline')).toBeCloseTo(expected.q2.weighted_pipeline, 6);
  });

  it('without --period: June 2026', async () => {
    const j = await ok([FILE], AS_OF);
    expect(j.period.label).toBe('2026-06');
    expectDeals(j, expected.default);
  });

  it('--by 销售代表 groups by 负责人', async () => {
    const j = await ok([FILE], AS_OF, '--period', '2026-Q2', '--by', '销售代表');
    expectGroups(byGroup(j, 'revenue', 'rep'), expected.q2ByRep);
  });
});

describe('titled summary sheet (2026年上半年销售业绩达成表)', () => {
  const { FILE, AS_OF, expected } = summary;

  const expectSummary = (j: KpiJson) => {
    for (const [metric, want] of Object.entries(expected)) {
      const t = total(j, metric);
      expect(t, metric).toBeDefined();
      expect(t!.target, `${metric}.target`).toBeCloseTo(want.target, 6);
      expect(t!.actual, `${metric}.actual`).toBeCloseTo(want.actual, 6);
      expect(t!.priorYear, `${metric}.priorYear`).toBeCloseTo(want.priorYear, 6);
    }
  };

  it('without --period: the period of its title (2026-H1)', async () => {
    const j = await ok([FILE], AS_OF);
    expect(j.period).toMatchObject({ label: '2026-H1', start: '2026-01-01', end: '2026-06-30' });
    expectSummary(j);
  });

  it('--period 2026-H1: the same figures', async () => {
    const j = await ok([FILE], AS_OF, '--period', '2026-H1');
    expectSummary(j);
  });

  it('--period 2026-Q2: exit 3, naming the period the sheet states', async () => {
    const r = await kpi([FILE], AS_OF, '--period', '2026-Q2');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/2026-H1|2026年上半年/);
    expect(r.stderr).toMatch(/--period/);
    expect(r.stderr).not.toMatch(STACK_RE);
  });
});

describe('plain order-detail CSV in every encoding', () => {
  const { variants, AS_OF, expected, tw } = plainCsv;

  it.each(variants.map((v) => [v.encoding, v.file] as const))('%s (%s): the same totals', async (_, file) => {
    const j = await ok([file], AS_OF, '--period', '2026-06');
    expect(j.period.label).toBe('2026-06');
    expect(actual(j, 'revenue')).toBeCloseTo(expected.revenue.actual, 6);
    expect(total(j, 'revenue')?.priorPeriod).toBeCloseTo(expected.revenue.priorPeriod, 6);
    expect(total(j, 'revenue')?.priorYear).toBeCloseTo(expected.revenue.priorYear, 6);
    const d = await ok([file], AS_OF);
    expect(d.period.label).toBe('2026-06');
    expect(actual(d, 'revenue')).toBeCloseTo(expected.revenue.actual, 6);
  });

  it('--by 区域 on the UTF-8 file', async () => {
    const j = await ok(['orders-utf8.csv'], AS_OF, '--period', '2026-06', '--by', '区域');
    expectGroups(byGroup(j, 'revenue', 'region'), expected.revenueByRegion);
  });

  it('--by 區域 on the Big5 file (zh-TW region names)', async () => {
    const j = await ok(['orders-big5.csv'], AS_OF, '--period', '2026-06', '--by', '區域');
    const want = new Map([...expected.revenueByRegion].map(([k, v]) => [tw(k), v]));
    expectGroups(byGroup(j, 'revenue', 'region'), want);
  });
});

describe('what the user reads: the line above the table, the notes and the warnings, exactly', () => {
  const SF_STAGES =
    'note: salesforce-opportunities.xlsx [Opportunities]: stages counted as won: Closed Won (11); as lost: Closed Lost (5); open pipeline: Negotiation/Review (1), Proposal/Price Quote (1), Value Proposition (1) … (7 deal(s) in 7 stage(s)); --won and --lost name other stages';
  const KD_TAX =
    'note: 销售出库单列表.xlsx [销售出库单]: Revenue from "金额" (without tax); "价税合计" left out (with tax; --columns actual=价税合计 to use it)';
  const cases: { args: string[]; code: number; header?: string; stderr: string[] }[] = [
    {
      args: ['salesforce-opportunities.xlsx', 'salesforce-quota.xlsx', '--as-of', '2026-07-15'],
      code: 0,
      header:
        'KPI 2026-06 · 2026-06-01 ~ 2026-06-30 · as of 2026-07-15 · time progress 100.0% · latest complete month in the data',
      stderr: [SF_STAGES],
    },
    {
      args: ['salesforce-opportunities.xlsx', '--as-of', '2026-07-15', '--period', '2026-Q2'],
      code: 0,
      header: 'KPI 2026-Q2 · 2026-04-01 ~ 2026-06-30 · as of 2026-07-15 · time progress 100.0%',
      stderr: [SF_STAGES],
    },
    {
      args: ['hubspot-crm-exports-all-deals-2026-07-03.csv', '--as-of', '2026-07-03'],
      code: 0,
      header:
        'KPI 2026-06 · 2026-06-01 ~ 2026-06-30 · as of 2026-07-03 · time progress 100.0% · latest complete month in the data',
      stderr: [
        'note: hubspot-crm-exports-all-deals-2026-07-03.csv: stages counted as won: Closed won (8); as lost: Closed lost (5); open pipeline: Qualified to buy (3), Appointment scheduled (3), Contract sent (2) … (12 deal(s) in 5 stage(s)); --won and --lost name other stages',
        'warning: hubspot-crm-exports-all-deals-2026-07-03.csv: 6 open deal(s) without a close date left out of the pipeline: D16, D17, D18 …',
      ],
    },
    {
      args: ['销售出库单列表.xlsx', '--as-of', '2026-07-10'],
      code: 0,
      header:
        'KPI 2026-06 · 2026-06-01 ~ 2026-06-30 · as of 2026-07-10 · time progress 100.0% · latest complete month in the data',
      stderr: [KD_TAX],
    },
    {
      args: ['销售统计表_2026Q2.xlsx', '--as-of', '2026-07-08'],
      code: 0,
      header:
        'KPI 2026-Q2 · 2026-04-01 ~ 2026-06-30 · as of 2026-07-08 · time progress 100.0% · period stated in 销售统计表_2026Q2.xlsx [销售统计表]!A2',
      stderr: [],
    },
    {
      args: ['销售统计表_2026Q2.xlsx', '--as-of', '2026-07-08', '--period', '2026-06'],
      code: 3,
      stderr: [
        'error: no KPI values for 2026-06: the data covers 2026-Q2 (销售统计表_2026Q2.xlsx [销售统计表]!A2)',
        '  hint: ask for a period the data covers, e.g. --period 2026-Q2',
      ],
    },
    {
      args: ['销售出库单列表.xlsx', '销售统计表_2026Q2.xlsx', '--as-of', '2026-07-10', '--period', '2026-06'],
      code: 0,
      header: 'KPI 2026-06 · 2026-06-01 ~ 2026-06-30 · as of 2026-07-10 · time progress 100.0%',
      stderr: [
        KD_TAX,
        'warning: 销售统计表_2026Q2.xlsx [销售统计表]!A2: states its period as 2026-Q2 here, so it does not answer 2026-06: left out',
      ],
    },
    {
      args: ['2026年上半年销售业绩达成表.xlsx', '--as-of', '2026-07-05'],
      code: 0,
      header:
        'KPI 2026-H1 · 2026-01-01 ~ 2026-06-30 · as of 2026-07-05 · time progress 100.0% · period stated in 2026年上半年销售业绩达成表.xlsx [达成表]!A1',
      stderr: [],
    },
    {
      args: ['2026年上半年销售业绩达成表.xlsx', '--as-of', '2026-07-05', '--period', '2026-Q2'],
      code: 3,
      stderr: [
        'error: no KPI values for 2026-Q2: the data covers 2026-H1 (2026年上半年销售业绩达成表.xlsx [达成表]!A1)',
        '  hint: ask for a period the data covers, e.g. --period 2026-H1',
      ],
    },
  ];
  it('--verbose lists every cell behind a counted warning', async () => {
    const r = await runIn(
      ['kpi', 'hubspot-crm-exports-all-deals-2026-07-03.csv', '--as-of', '2026-07-03', '--verbose'],
      {
        cwd: dir,
      },
    );
    expect(r.stderr).toContain(
      '\nhubspot-crm-exports-all-deals-2026-07-03.csv: 6 open deal(s) without a close date left out of the pipeline: D16, D17, D18, D19, D20, D21\n',
    );
  });

  it.each(cases)('kpi $args', async ({ args, code, header, stderr }) => {
    const r = await runIn(['kpi', ...args], { cwd: dir });
    expect(r.code, r.stderr).toBe(code);
    if (header) expect(r.stdout.split('\n')[0]).toBe(header);
    expect(r.stderr).toBe(stderr.map((l) => `${l}\n`).join(''));
  });
});
