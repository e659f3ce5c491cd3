/**
 * Rows whose group cell is blank (or a formula without a saved result) form a group of their own in a
 * breakdown, so the groups add up to the total; a sum past the largest double is an error naming its cells
 * (issue 11, point 14). The workbooks are written here with exceljs; every expected figure is worked out by hand.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_RE, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;

interface Row {
  metric: string;
  group: Record<string, string>;
  actual: number | null;
  share: number | null;
  rank: number | null;
}

/**
 * June 2026 orders: East 100 + 20, West 50, a row with an empty Region (30) and one whose Region is a formula
 * Excel never calculated (no cached value: 25). Total 225; East 120 (53.3%), West 50 (22.2%), blank 55 (24.4%).
 */
async function sales(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sales');
  ws.getRow(1).values = ['Order date', 'Region', 'Revenue'];
  ws.getRow(2).values = [new Date(Date.UTC(2026, 5, 3)), 'East', 100];
  ws.getRow(3).values = [new Date(Date.UTC(2026, 5, 4)), 'West', 50];
  ws.getRow(4).values = [new Date(Date.UTC(2026, 5, 5)), null, 30];
  ws.getRow(5).values = [new Date(Date.UTC(2026, 5, 6)), { formula: 'VLOOKUP(A5,Map!A:B,2,FALSE)' }, 25];
  ws.getRow(6).values = [new Date(Date.UTC(2026, 5, 7)), 'East', 20];
  // A row without any value is no row with a blank region.
  ws.getRow(7).values = [new Date(Date.UTC(2026, 5, 8)), null, null];
  for (let r = 2; r <= 7; r++) ws.getCell(`A${r}`).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(path);
}

/** Two revenue cells of 1e308 (D5, D9): each is a number, their sum is not; `once` keeps only the first. */
async function huge(path: string, once = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getRow(1).values = ['Order date', 'Region', 'Product', 'Revenue'];
  ws.getRow(2).values = ['2026-06-01', 'East', 'A', 10];
  ws.getRow(5).values = ['2026-06-02', 'East', 'A', 1e308];
  ws.getRow(7).values = ['2026-06-03', 'West', 'B', 20];
  if (!once) ws.getRow(9).values = ['2026-06-04', 'West', 'B', 1e308];
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('salesmeet-blank-groups-'));
  await sales(join(dir, 'sales.xlsx'));
  await huge(join(dir, 'huge.xlsx'));
  await huge(join(dir, 'one-huge.xlsx'), true);
});
afterAll(() => cleanup());

const KPI = ['--period', '2026-06', '--as-of', '2026-06-30'];

describe.each([
  ['fast reader', []],
  ['exceljs', ['--no-fast']],
])('a blank group cell (%s)', (_name, reader) => {
  it('goes into a (blank) group, last and unranked, and the shares add up to 100%', async () => {
    const r = await runIn(['kpi', 'sales.xlsx', '--by', 'region', '--json', ...KPI, ...reader], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { rows: Row[]; totals: Row[]; warnings: { message: string }[] };
    const revenue = j.rows.filter((x) => x.metric === 'revenue');
    expect(revenue.map((x) => [x.group.region, x.actual, x.share, x.rank])).toEqual([
      // 120, 50 and 55 of 225, to 15 significant digits
      ['East', 120, 0.533333333333333, 1],
      ['West', 50, 0.222222222222222, 2],
      ['(blank)', 55, 0.244444444444444, null],
    ]);
    expect(j.totals.find((x) => x.metric === 'revenue')?.actual).toBe(225);
    const shares = revenue.reduce((s, x) => s + (x.share ?? 0), 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(j.warnings.map((w) => w.message)).toContain(
      '2 row(s) with a blank "Region" (an empty cell, or a formula without a saved result) are shown as (blank): B4, B5',
    );
  });

  it('prints one counted warning with its position, and 100.0% of shares in the table', async () => {
    const r = await runIn(['kpi', 'sales.xlsx', '--by', 'region', ...KPI, ...reader], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'sales.xlsx [Sales]: 2 row(s) with a blank "Region" (an empty cell, or a formula without a saved result) are shown as (blank): B4, B5',
    );
    expect(r.stderr.match(/blank "Region"/g)).toHaveLength(1);
    const lines = r.stdout.split('\n').filter((l) => /Revenue/.test(l) && /%/.test(l));
    const blank = lines.find((l) => l.startsWith('(blank)'));
    expect(blank, r.stdout).toBeDefined();
    expect(blank).toMatch(/\b55\b.*24\.4%/);
    expect(lines.findIndex((l) => l.startsWith('(blank)'))).toBe(2);
  });
});

describe('the blank group in other languages', () => {
  it('zh-CN calls it （未填）', async () => {
    const r = await runIn(['kpi', 'sales.xlsx', '--by', 'region', '--json', '--lang', 'zh-CN', ...KPI], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { rows: Row[] };
    expect(j.rows.filter((x) => x.metric === 'revenue').map((x) => x.group.region)).toEqual([
      'East',
      'West',
      '（未填）',
    ]);
    expect(r.stderr).toContain(
      '2 行的“Region”为空（空单元格，或公式没有保存的计算结果），显示为（未填）：B4, B5',
    );
  });
});

describe('a sum too large to compute', () => {
  it.each([[[]], [['--no-fast']], [['--by', 'region']]])(
    'is exit 3 naming the cells, never a blank total (%j)',
    async (extra) => {
      const r = await runIn(['kpi', 'huge.xlsx', ...KPI, ...extra], { cwd: dir });
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        'huge.xlsx [Sheet1]!D5, D9: error: Revenue: the sum is too large to compute (over 1.8e308)\n' +
          '  hint: check these cells: a number this large is a typing or export error\n',
      );
      expect(r.stderr).not.toMatch(STACK_RE);
    },
  );

  it('one huge cell whose sum stays finite is read as it is', async () => {
    const r = await runIn(['kpi', 'one-huge.xlsx', '--json', ...KPI], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { totals: Row[] };
    expect(j.totals.find((x) => x.metric === 'revenue')?.actual).toBe(1e308);
  });
});
