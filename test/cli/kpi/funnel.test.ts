/**
 * The funnel of opportunity exports, end to end (`main()` in-process) on exports shaped like Salesforce's, 纷享销客's
 * and a 销售易-like one (test/fixtures/exports): the block under the terminal table, line by line, and the JSON
 * numbers. Every expected figure is worked out by hand from the fixture rows in the comments; nothing is read back
 * through salesmeet's own parser.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fxiaoke from '../../fixtures/exports/fxiaoke.js';
import * as kingdee from '../../fixtures/exports/kingdee.js';
import * as salesforce from '../../fixtures/exports/salesforce.js';
import * as xiaoshouyi from '../../fixtures/exports/xiaoshouyi.js';
import { type RunResult, STACK_RE, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('salesmeet-funnel-'));
  await salesforce.write(dir);
  await fxiaoke.write(dir);
  await xiaoshouyi.write(dir);
  await kingdee.write(dir);
});
afterAll(() => cleanup());

async function run(args: string[]): Promise<RunResult> {
  const r = await runIn(['kpi', ...args], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(STACK_RE);
  return r;
}

interface Json {
  totals: { metric: string; actual: number | null }[];
  funnel?: {
    unit: string | null;
    order: string;
    stages: {
      stage: string;
      verdict: string;
      count: number;
      amount: number | null;
      weightedAmount: number | null;
      probability: number | null;
      share: number | null;
    }[];
    open: { count: number; amount: number | null; weightedAmount: number | null };
    won: { count: number; amount: number | null };
    lost: { count: number; amount: number | null };
    overdue: { count: number; amount: number | null };
    openByMonth: { month: string; count: number; amount: number | null; weightedAmount: number | null }[];
    winRate: number | null;
    winRateAmount: number | null;
    coverage: {
      basis: string;
      pipeline: number;
      target: number;
      actual: number;
      remaining: number;
      met: boolean;
      ratio: number | null;
    } | null;
  };
}

async function json(args: string[]): Promise<Json> {
  return JSON.parse((await run([...args, '--json'])).stdout) as Json;
}

const SF = [salesforce.FILE, salesforce.TARGETS_FILE, '--as-of', salesforce.AS_OF];

describe('Salesforce opportunity report with the monthly quota', () => {
  it('the terminal shows the funnel of June under the table, line by line', async () => {
    const r = await run([...SF, '--lang', 'en']);
    // Open deals due from 1 June on: Prospecting 20,000 (07-31, 10%), Qualification 45,000 (08-15, 10%),
    // Needs Analysis 33,000 (09-30, 20%), Id. Decision Makers 8,000 (07-20, 60%), Proposal/Price Quote 22,000
    // (06-18, 75%), Negotiation/Review 30,000 (06-26, 90%): 158,000; weighted 2,000 + 4,500 + 6,600 + 4,800 +
    // 16,500 + 27,000 = 61,400. Value Proposition (15,000, due 05-31) is overdue.
    // Won in June: 52,250 + 12,800 + 64,000 = 129,050; lost: 18,000. Quota for June 150,000.
    expect(r.stdout).toContain(
      [
        'Funnel 2026-06: open deals expected to close from 2026-06-01 on; won and lost deals closed 2026-06-01 ~ 2026-06-30',
        '',
        'Stage                 Counted as  Deals   Amount  Weighted   Share',
        '────────────────────  ──────────  ─────  ───────  ────────  ──────',
        'Prospecting           open            1   20,000     2,000   12.7%',
        'Qualification         open            1   45,000     4,500   28.5%',
        'Needs Analysis        open            1   33,000     6,600   20.9%',
        'Id. Decision Makers   open            1    8,000     4,800    5.1%',
        'Proposal/Price Quote  open            1   22,000    16,500   13.9%',
        'Negotiation/Review    open            1   30,000    27,000   19.0%',
        'Closed Won            won             3  129,050         —   87.8%',
        'Closed Lost           lost            1   18,000         —   12.2%',
        '────────────────────  ──────────  ─────  ───────  ────────  ──────',
        'Open pipeline                         6  158,000    61,400  100.0%',
        'Closed (won + lost)                   4  147,050         —  100.0%',
        '',
        'Win rate: 75.0% by deals = 3 ÷ (3 + 1); 87.8% by amount = 129,050 ÷ (129,050 + 18,000)',
        'Coverage of the remaining target: 2.9× = weighted open pipeline 61,400 ÷ (target 150,000 − actual 129,050 = 20,950)',
        'Left out: 1 open deal(s) expected to close before 2026-06-01 (15,000)',
        'Open stages by average probability, lowest first, then won and lost.',
        'Share: of the open pipeline for an open stage, of the closed amount (won + lost) for a won or lost one.',
        '',
        'Achievement = actual / target;',
      ].join('\n'),
    );
    // Under the KPI table, above the legend.
    expect(r.stdout.indexOf('Win rate (by amount)')).toBeLessThan(r.stdout.indexOf('Funnel 2026-06'));
  });

  it('--json: the funnel of June, its figures as numbers', async () => {
    const f = (await json(SF)).funnel!;
    expect(f.order).toBe('probability');
    expect(
      f.stages.map((s) => [s.stage, s.verdict, s.count, s.amount, s.weightedAmount, s.probability]),
    ).toEqual([
      ['Prospecting', 'open', 1, 20000, 2000, 0.1],
      ['Qualification', 'open', 1, 45000, 4500, 0.1],
      ['Needs Analysis', 'open', 1, 33000, 6600, 0.2],
      ['Id. Decision Makers', 'open', 1, 8000, 4800, 0.6],
      ['Proposal/Price Quote', 'open', 1, 22000, 16500, 0.75],
      ['Negotiation/Review', 'open', 1, 30000, 27000, 0.9],
      ['Closed Won', 'won', 3, 129050, null, null],
      ['Closed Lost', 'lost', 1, 18000, null, null],
    ]);
    // 20,000 ÷ 158,000; 129,050 ÷ 147,050
    expect(f.stages[0]!.share).toBe(0.126582278481013);
    expect(f.stages[6]!.share).toBe(0.877592655559334);
    expect(f.open).toEqual({ count: 6, amount: 158000, weightedAmount: 61400 });
    expect(f.overdue).toEqual({ count: 1, amount: 15000 });
    // June: Negotiation/Review 30,000 + Proposal/Price Quote 22,000 (27,000 + 16,500 weighted); July: Prospecting
    // 20,000 + Id. Decision Makers 8,000 (2,000 + 4,800); August: Qualification; September: Needs Analysis.
    expect(f.openByMonth).toEqual([
      { month: '2026-06', count: 2, amount: 52000, weightedAmount: 43500 },
      { month: '2026-07', count: 2, amount: 28000, weightedAmount: 6800 },
      { month: '2026-08', count: 1, amount: 45000, weightedAmount: 4500 },
      { month: '2026-09', count: 1, amount: 33000, weightedAmount: 6600 },
    ]);
    expect([f.winRate, f.winRateAmount]).toEqual([0.75, 0.877592655559334]);
    // 61,400 ÷ (150,000 − 129,050)
    expect(f.coverage).toEqual({
      basis: 'weighted',
      pipeline: 61400,
      target: 150000,
      actual: 129050,
      remaining: 20950,
      met: false,
      ratio: 2.93078758949881,
    });
  });

  it('--period 2026-Q2: every open deal (all due from April on), the quarter’s won and lost deals, its quota', async () => {
    const j = await json([...SF, '--period', '2026-Q2']);
    const f = j.funnel!;
    // Open: the six above and Value Proposition 15,000 (20%): 173,000; weighted 61,400 + 3,000 = 64,400.
    // Won: 48,000 + 36,500 + 52,250 + 12,800 + 27,400 + 64,000 = 240,950; lost 41,000 + 18,000 + 9,500 = 68,500.
    expect(f.stages.map((s) => s.stage)).toEqual([
      'Prospecting',
      'Qualification',
      'Value Proposition', // 20%, seen in the sheet before Needs Analysis (also 20%)
      'Needs Analysis',
      'Id. Decision Makers',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
      'Closed Lost',
    ]);
    expect(f.open).toEqual({ count: 7, amount: 173000, weightedAmount: 64400 });
    expect([f.won, f.lost]).toEqual([
      { count: 6, amount: 240950, weightedAmount: null },
      { count: 3, amount: 68500, weightedAmount: null },
    ]);
    expect(f.overdue).toEqual({ count: 0, amount: 0 });
    // 6 ÷ 9; 240,950 ÷ 309,450 — the same as the table's win-rate rows
    expect([f.winRate, f.winRateAmount]).toEqual([0.666666666666667, 0.778639521732105]);
    const row = (m: string) => j.totals.find((t) => t.metric === m)?.actual;
    expect([row('win_rate'), row('win_rate_amount')]).toEqual([f.winRate, f.winRateAmount]);
    // quota 120,000 + 130,000 + 150,000 = 400,000; 64,400 ÷ (400,000 − 240,950 = 159,050)
    expect(f.coverage).toMatchObject({
      target: 400000,
      actual: 240950,
      remaining: 159050,
      ratio: 0.404904118201823,
    });
  });

  it('--format md: the funnel follows the KPI table as a section of its own', async () => {
    const r = await run([...SF, '--format', 'md', '--lang', 'en']);
    expect(r.stdout).toContain(
      '## Funnel 2026-06: open deals expected to close from 2026-06-01 on; won and lost deals closed 2026-06-01 ~ 2026-06-30',
    );
    expect(r.stdout).toContain('| Negotiation/Review | open | 1 | 30,000 | 27,000 | 19.0% |');
    expect(r.stdout).toContain('| **Open pipeline** |  | **6** | **158,000** | **61,400** | **100.0%** |');
    expect(r.stdout).toContain(
      '- Coverage of the remaining target: 2.9× = weighted open pipeline 61,400 ÷ (target 150,000 − actual 129,050 = 20,950)',
    );
  });

  it('--out FILE.xlsx: a Funnel sheet with real numbers, the totals bold, the lines below', async () => {
    await run([...SF, '--lang', 'en', '--out', 'funnel.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'funnel.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['KPI', 'Funnel', 'Legend']);
    const ws = wb.getWorksheet('Funnel')!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(2)).toEqual(['Stage', 'Counted as', 'Deals', 'Amount', 'Weighted', 'Share']);
    expect(row(3)).toEqual(['Prospecting', 'open', 1, 20000, 2000, 0.126582278481013]);
    expect(row(9)).toEqual(['Closed Won', 'won', 3, 129050, undefined, 0.877592655559334]);
    // Open pipeline, then closed: 129,050 + 18,000 = 147,050
    expect(row(11)).toEqual(['Open pipeline', undefined, 6, 158000, 61400, 1]);
    expect(row(12)).toEqual(['Closed (won + lost)', undefined, 4, 147050, undefined, 1]);
    expect(ws.getRow(11).font?.bold).toBe(true);
    expect([ws.getCell('D3').numFmt, ws.getCell('F3').numFmt]).toEqual(['#,##0', '0.0%']);
    expect(ws.getCell('A14').value).toBe(
      'Win rate: 75.0% by deals = 3 ÷ (3 + 1); 87.8% by amount = 129,050 ÷ (129,050 + 18,000)',
    );
    expect(ws.getCell('A15').value).toBe(
      'Coverage of the remaining target: 2.9× = weighted open pipeline 61,400 ÷ (target 150,000 − actual 129,050 = 20,950)',
    );
  });

  it('--format csv holds the KPI table only', async () => {
    const r = await run([...SF, '--format', 'csv', '--lang', 'en']);
    expect(r.stdout).not.toContain('Funnel');
    expect(r.stdout).not.toContain('Prospecting');
  });
});

describe('纷享销客 商机 export (no target)', () => {
  const FX = [fxiaoke.FILE, '--as-of', fxiaoke.AS_OF];

  it('--period 2026-Q2 in zh-CN: stages by 赢率, the coverage line says there is no target', async () => {
    const r = await run([...FX, '--period', '2026-Q2', '--lang', 'zh-CN']);
    // 初步接洽 45,000 + 600,000 (10%); 需求确定 88,000 + 420,000 (30%); 方案报价 330,000 + 175,000 (60%);
    // 谈判审核 210,000 (80%): 1,868,000, weighted 64,500 + 152,400 + 303,000 + 168,000 = 687,900.
    // 赢单 386,000 + 158,000 + 540,000 + 127,500 = 1,211,500; 输单 92,000 + 260,000 = 352,000.
    expect(r.stdout).toContain(
      [
        '销售漏斗 2026-Q2：预计 2026-04-01 及以后成交的在途商机；2026-04-01 ~ 2026-06-30 结单的赢单和输单',
        '',
        '阶段                     计为  商机数  金额（元）  加权金额（元）    占比',
        '───────────────────────  ────  ──────  ──────────  ──────────────  ──────',
        '初步接洽                 在途       2     645,000          64,500   34.5%',
        '需求确定                 在途       2     508,000         152,400   27.2%',
        '方案报价                 在途       2     505,000         303,000   27.0%',
        '谈判审核                 在途       1     210,000         168,000   11.2%',
        '赢单                     赢单       4   1,211,500               —   77.5%',
        '输单                     输单       2     352,000               —   22.5%',
        '───────────────────────  ────  ──────  ──────────  ──────────────  ──────',
        '在途商机合计                        7   1,868,000         687,900  100.0%',
        '结单合计（赢单 + 输单）             6   1,563,500               —  100.0%',
        '',
        '赢单率：按商机数 66.7% = 4 ÷（4 + 2）；按金额 77.5% = 1,211,500 ÷（1,211,500 + 352,000）',
        '剩余目标覆盖倍数：—（本期没有销售额目标）',
        '在途阶段按平均赢率从低到高排列，其后为赢单、输单。',
      ].join('\n'),
    );
  });

  it('June in zh-TW: two open deals due before June are left out', async () => {
    const r = await run([...FX, '--lang', 'zh-TW']);
    // 万达 88,000 (due 05-31) and 明珠 45,000 (due 04-30): 133,000.
    expect(r.stdout).toContain('未計入：2 個預計在 2026-06-01 之前成交、仍未結案的商機（133,000）');
    // 540,000 + 127,500 = 667,500 won; 260,000 lost
    expect(r.stdout).toContain(
      '贏單率：按商機數 66.7% = 2 ÷（2 + 1）；按金額 72.0% = 667,500 ÷（667,500 + 260,000）',
    );
    const f = (await json(FX)).funnel!;
    // 谈判审核 210,000; 方案报价 330,000 + 175,000; 需求确定 420,000; 初步接洽 600,000: 1,735,000
    // weighted 168,000 + 303,000 + 126,000 + 60,000 = 657,000
    expect(f.open).toEqual({ count: 5, amount: 1735000, weightedAmount: 657000 });
    expect(f.overdue).toEqual({ count: 2, amount: 133000 });
    // 667,500 ÷ 927,500
    expect(f.winRateAmount).toBe(0.719676549865229);
    expect(f.coverage).toBeNull();
  });
});

describe('销售易-like export: numbered stages and a target sheet', () => {
  const XS = [xiaoshouyi.FILE, '--as-of', xiaoshouyi.AS_OF];

  it('stages in the order of their numbers; coverage against the month’s target', async () => {
    const r = await run([...XS, '--lang', 'zh-CN']);
    // Open from 1 June: 1-验证客户 80,000 + 120,000 (10%); 2-需求确定 150,000 (30%; the 90,000 due 05-25 is
    // overdue); 3-方案/报价 260,000 (50%); 4-谈判审核 300,000 (80%): 910,000, weighted 20,000 + 45,000 + 130,000 +
    // 240,000 = 435,000. The 50,000 deal without a close date is left out. 5-赢单 200,000 + 350,000 = 550,000;
    // 6-输单 100,000. Target 800,000: 435,000 ÷ 250,000 = 1.74.
    expect(r.stdout).toContain(
      [
        '阶段                     计为  商机数     金额  加权金额    占比',
        '───────────────────────  ────  ──────  ───────  ────────  ──────',
        '1-验证客户               在途       2  200,000    20,000   22.0%',
        '2-需求确定               在途       1  150,000    45,000   16.5%',
        '3-方案/报价              在途       1  260,000   130,000   28.6%',
        '4-谈判审核               在途       1  300,000   240,000   33.0%',
        '5-赢单                   赢单       2  550,000         —   84.6%',
        '6-输单                   输单       1  100,000         —   15.4%',
        '───────────────────────  ────  ──────  ───────  ────────  ──────',
        '在途商机合计                        5  910,000   435,000  100.0%',
        '结单合计（赢单 + 输单）             3  650,000         —  100.0%',
        '',
        '赢单率：按商机数 66.7% = 2 ÷（2 + 1）；按金额 84.6% = 550,000 ÷（550,000 + 100,000）',
        '剩余目标覆盖倍数：1.7× = 加权在途商机 435,000 ÷（目标 800,000 − 实际 550,000 = 250,000）',
        '未计入：1 个预计在 2026-06-01 之前成交、仍未结单的商机（90,000）',
        '在途阶段按阶段编号排列，其后为赢单、输单。',
      ].join('\n'),
    );
    const f = (await json(XS)).funnel!;
    expect(f.order).toBe('number');
    expect(f.stages.map((s) => s.share)).toEqual([
      0.21978021978022, // 200,000 ÷ 910,000
      0.164835164835165,
      0.285714285714286,
      0.32967032967033,
      0.846153846153846, // 550,000 ÷ 650,000
      0.153846153846154,
    ]);
    expect(f.coverage).toEqual({
      basis: 'weighted',
      pipeline: 435000,
      target: xiaoshouyi.expected.juneTarget,
      actual: xiaoshouyi.expected.june.revenue,
      remaining: 250000,
      met: false,
      ratio: 1.74,
    });
  });
});

describe('exports without stages', () => {
  it('an ERP detail list has no funnel, in JSON or on the terminal', async () => {
    const j = await json([kingdee.FILE, '--as-of', kingdee.AS_OF]);
    expect('funnel' in j).toBe(false);
    const r = await run([kingdee.FILE, '--as-of', kingdee.AS_OF, '--lang', 'en']);
    expect(r.stdout).not.toContain('Funnel');
  });
});
