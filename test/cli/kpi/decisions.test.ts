import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

// The CLI (main() in-process) on real workbooks, for the three places where `kpi` used to follow the formulas literally
// and mislead: a ratio over rows with a missing part, a total over targets for some regions only, and monthly
// targets for a weekly meeting. Every expected number is worked out by hand in the comments.

const tmp = tempDir('salesmeet-kpi-decisions-');
afterAll(tmp.cleanup);

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function workbook(file: string, sheets: Record<string, (string | number | Date | null)[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    ws.getColumn(1).numFmt = 'yyyy-mm-dd';
  }
  await wb.xlsx.writeFile(join(tmp.dir, file));
}

beforeAll(async () => {
  await workbook('margin.xlsx', {
    Orders: [
      ['Date', 'Region', 'Revenue', 'Cost'],
      [d('2026-06-01'), 'East', 100, 60],
      [d('2026-06-02'), 'East', 200, null],
      [d('2026-06-03'), 'West', 50, 20],
      [d('2026-06-04'), 'West', 80, null],
      [d('2026-06-05'), 'West', 40, null],
      [d('2026-06-06'), 'East', 10, null],
    ],
  });
  await workbook('orders.xlsx', {
    Orders: [
      ['Date', 'Region', 'Revenue'],
      [d('2026-06-03'), 'East', 120],
      [d('2026-06-05'), 'West', 110],
      [d('2026-06-09'), 'North', 70],
      [d('2026-06-16'), 'East', 600],
    ],
  });
  await workbook('targets.xlsx', {
    Targets: [
      ['Region', 'Month', 'Target'],
      ['East', '2026-06', 1000],
      ['West', '2026-06', 500],
    ],
  });
  await workbook('monthly.xlsx', {
    Targets: [
      ['Month', 'Target'],
      ['2026-06', 3000],
      ['2026-07', 3100],
    ],
  });
});

const kpi = async (args: string[]) => {
  const r = await runIn(['kpi', ...args, '--json'], { cwd: tmp.dir });
  expect(r.code).toBe(0);
  const warnings = r.stderr
    .split('\n')
    .filter((l) => l !== '')
    .sort();
  return { json: JSON.parse(r.stdout), warnings };
};

describe('kpi decisions, end to end', () => {
  it('gross margin over the rows that have both revenue and cost', async () => {
    const { json, warnings } = await kpi(['margin.xlsx', '--period', '2026-06', '--as-of', '2026-06-30']);
    const total = (metric: string) => json.totals.find((r: { metric: string }) => r.metric === metric);
    // Rows 2 and 4 carry both: (100 + 50 − 60 − 20) / (100 + 50) = 70 / 150 = 0.4667 (was (480 − 80) / 480 = 0.8333).
    expect(total('gross_margin').actual).toBe(0.466666666666667);
    // Revenue keeps every row: 100 + 200 + 50 + 80 + 40 + 10 = 480.
    expect(total('revenue').actual).toBe(480);
    expect(warnings).toEqual([
      'warning: margin.xlsx [Orders]: Gross margin: 4 row(s) with Revenue but no Cost were left out of the ratio (D3, D5, D6, …)',
    ]);
    const zh = await runIn(
      ['kpi', 'margin.xlsx', '--period', '2026-06', '--as-of', '2026-06-30', '--lang', 'zh-CN'],
      {
        cwd: tmp.dir,
      },
    );
    expect(zh.stderr).toContain('毛利率：4 行有销售额但没有成本，未计入该比率（D3, D5, D6, …）');
  });

  it('without --by, the total of a target by region is compared with those regions only', async () => {
    const { json, warnings } = await kpi([
      'orders.xlsx',
      'targets.xlsx',
      '--period',
      '2026-06',
      '--as-of',
      '2026-06-15',
    ]);
    const t = json.totals[0];
    // Target 1000 + 500 = 1500. Actual of June to the 15th 120 + 110 + 70 = 300 shown (East's 600 of 06-16 comes
    // after the as-of day); East and West have 230.
    expect(t).toMatchObject({ metric: 'revenue', target: 1500, actual: 300, variance: -1270 });
    // 230 / 1500 = 0.153333…; forecast 300 × 30 / 15 = 600 (all regions); over East and West 460 / 1500.
    expect(t.achievement).toBe(0.153333333333333);
    expect(t.forecast).toBe(600);
    expect(t.forecastAchievement).toBe(0.306666666666667);
    // 0.1533 at 15 / 30 time progress = 0.31 of the pace: off track.
    expect(t.status).toBe('off-track');
    expect(warnings).toEqual([
      'note: mid-period, like for like: actuals 2026-06-01 ~ 2026-06-15, prior year 2025-06-01 ~ 2025-06-15, prior period 2026-05-01 ~ 2026-05-15',
      "warning: Revenue: the total's target covers East, West only; achievement is computed over those regions (North has no target)",
      'warning: rows dated after the as-of day 2026-06-15 are not counted (--as-of 2026-06-30 counts the whole period)',
    ]);
    const tw = await runIn(
      [
        'kpi',
        'orders.xlsx',
        'targets.xlsx',
        '--period',
        '2026-06',
        '--as-of',
        '2026-06-15',
        '--lang',
        'zh-TW',
      ],
      { cwd: tmp.dir },
    );
    expect(tw.stderr).toContain('營收：合計的目標只涵蓋 East、West；達成率按這些區域計算（North 沒有目標）');
  });

  it('a weekly meeting gets its share of the monthly target, by calendar or working days', async () => {
    const w25 = await kpi(['orders.xlsx', 'monthly.xlsx', '--period', '2026-W25', '--as-of', '2026-06-30']);
    // 2026-W25 = 06-15…06-21, 7 of June's 30 days: 3000 × 7 / 30 = 700; actual 600 (06-16); 600 / 700.
    expect(w25.json.totals[0]).toMatchObject({ target: 700, actual: 600, achievement: 0.857142857142857 });
    expect(w25.warnings).toEqual([
      'warning: Targets prorated from monthly targets by calendar days (2026-06: 7/30)',
    ]);
    const wd = await kpi([
      'orders.xlsx',
      'monthly.xlsx',
      '--period',
      '2026-W25',
      '--as-of',
      '2026-06-30',
      '--workdays',
    ]);
    // Working days: June has 22 weekdays less 06-19 (端午) = 21; W25 has Mon–Thu = 4: 3000 × 4 / 21 = 571.43.
    expect(wd.json.totals[0].target).toBe(571.428571428571);
    expect(wd.warnings).toEqual([
      'warning: Targets prorated from monthly targets by working days (2026-06: 4/21)',
    ]);
    // Across two months, 2026-W27 = 06-29…07-05: 3000 × 2 / 30 + 3100 × 5 / 31 = 200 + 500.
    const w27 = await kpi(['orders.xlsx', 'monthly.xlsx', '--period', '2026-W27', '--as-of', '2026-07-31']);
    expect(w27.json.totals[0]).toMatchObject({ target: 700, actual: null });
    expect(w27.warnings).toEqual([
      'warning: Targets prorated from monthly targets by calendar days (2026-06: 2/30, 2026-07: 5/31)',
    ]);
    const zh = await runIn(
      ['kpi', 'orders.xlsx', 'monthly.xlsx', '--period', '2026-W25', '--lang', 'zh-CN'],
      {
        cwd: tmp.dir,
      },
    );
    expect(zh.stderr).toContain('目标由月度目标按日历天数折算（2026-06: 7/30）');
  });
});
