import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

// Issue 6's "done": targets decomposed with the seasonality and regional shares of the example's detail export,
// then read back by `salesmeet kpi` next to July and August actuals: achievement per region and month.
const tmp = tempDir('salesmeet-targets-kpi-');
afterAll(tmp.cleanup);
const env = { SALESMEET_NOW: '2026-09-01T10:00:00+08:00' };

beforeAll(async () => {
  copyExample('2026-h1-review', tmp.dir);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单明细');
  ws.addRow(['日期', '区域', '产品线', '销售额(万元)']);
  const actual: Record<string, [number, number]> = {
    华东: [700, 810],
    华南: [480, 500],
    华北: [450, 470],
    西部: [260, 240],
  };
  for (const [region, [jul, aug]] of Object.entries(actual)) {
    ws.addRow([new Date(Date.UTC(2026, 6, 10)), region, '软件', jul / 2]);
    ws.addRow([new Date(Date.UTC(2026, 6, 20)), region, '服务', jul / 2]);
    ws.addRow([new Date(Date.UTC(2026, 7, 12)), region, '软件', aug]);
  }
  ws.getColumn(1).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(join(tmp.dir, 'actuals-2026.xlsx'));
});

describe('targets --history, then kpi on actuals plus the targets sheet', () => {
  it('decomposes by the prior year and reads back as targets per region and month', async () => {
    const t = await runIn(
      [
        'targets',
        '--total',
        '12000',
        '--unit',
        '万元',
        '--period',
        '2026-H2',
        '--by',
        'region,month',
        '--history',
        '2026-h1-review/data/kpi-2026-h1.xlsx',
        '--out',
        'targets-2026-H2.xlsx',
        '--json',
      ],
      { cwd: tmp.dir, env },
    );
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    const plan = JSON.parse(t.stdout);
    const rows = plan.rows as { region: string; month: string; target: number }[];
    // Every region's months add up to its total and everything to 12,000.00 exactly (rounded by largest remainder).
    const total = rows.reduce((a, r) => a + Math.round(r.target * 100), 0);
    expect(total).toBe(1_200_000);
    const july = Object.fromEntries(
      rows.filter((r) => r.month === '2026-07').map((r) => [r.region, r.target]),
    );
    expect(Object.keys(july).sort()).toEqual(['华东', '华北', '华南', '西部']);

    for (const [period, col] of [
      ['2026-07', 0],
      ['2026-08', 1],
    ] as const) {
      const k = await runIn(
        ['kpi', 'actuals-2026.xlsx', 'targets-2026-H2.xlsx', '--period', period, '--by', 'region', '--json'],
        {
          cwd: tmp.dir,
          env,
        },
      );
      expect(k.code).toBe(0);
      const result = JSON.parse(k.stdout);
      const revenue = result.rows.filter((r: { metric: string }) => r.metric === 'revenue');
      expect(revenue.map((r: { group: { region: string } }) => r.group.region).sort()).toEqual([
        '华东',
        '华北',
        '华南',
        '西部',
      ]);
      const targets = Object.fromEntries(
        rows.filter((r) => r.month === period).map((r) => [r.region, r.target]),
      );
      const actuals: Record<string, [number, number]> = {
        华东: [700, 810],
        华南: [480, 500],
        华北: [450, 470],
        西部: [260, 240],
      };
      for (const r of revenue as {
        group: { region: string };
        target: number;
        actual: number;
        achievement: number;
      }[]) {
        expect(r.target).toBeCloseTo(targets[r.group.region]!, 6);
        expect(r.actual).toBe(actuals[r.group.region]![col]);
        expect(r.achievement).toBeCloseTo(r.actual / r.target, 9);
      }
    }
  });
});

describe('targets workbook and text from the plan', () => {
  it('neutralises names a spreadsheet would take for a formula', async () => {
    writeFileSync(
      join(tmp.dir, 'plan.yaml'),
      'total: 100\nperiod: 2026-Q3\nregions:\n  - { name: "=HYPERLINK(\\"x\\")", weight: 50 }\n  - { name: "@SUM", weight: 50 }\n',
    );
    const r = await runIn(['targets', '--plan', 'plan.yaml', '--out', 'n.xlsx'], { cwd: tmp.dir, env });
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 'n.xlsx'));
    const names = new Set<string>();
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) names.add(String(row.getCell(1).value));
    });
    expect([...names].sort()).toEqual(['\'=HYPERLINK("x")', "'@SUM"]);
  });
});
