import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTargets, type TargetsOptions } from '../../src/app/targets.js';
import { formatLocation, SalesmeetError } from '../../src/core/errors.js';
import type { HistoryRow } from '../../src/core/history.js';
import { workbookFirst } from '../../src/io/excel/write/part-order.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('salesmeet-targets-'));
});
afterEach(() => cleanup());

const NOW = new Date('2026-06-25T02:00:00Z');
const opts = (o: Partial<TargetsOptions>): TargetsOptions => ({
  flags: {},
  lang: 'zh-CN',
  force: false,
  dryRun: false,
  now: NOW,
  ...o,
});

async function fails(p: Promise<unknown>): Promise<SalesmeetError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SalesmeetError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const PLAN = `# 2026 下半年目标分解
total: 12000
unit: 万元
period: 2026-H2
reserve: 10%
precision: 1
months: [15, 16, 17, 16, 17, 19]
regions:
  - name: 华东
    weight: 35
    teams:
      - { name: 上海, weight: 60, reps: [张三, 李四] }
      - { name: 杭州, weight: 40, reps: [王五] }
  - name: 华南
    weight: 25
    teams:
      - { name: 广州, reps: [赵六, 钱七] }
  - name: 华北
    weight: 40
    teams:
      - { name: 北京, reps: [孙八] }
`;

type Cell = ExcelJS.CellValue;
/** Evaluates the formulas the workbook uses (SUM over a range, sums of cells, IF for shares) from the cells. */
function evaluate(ws: ExcelJS.Worksheet, formula: string): number {
  const value = (ref: string): number => {
    const v = ws.getCell(ref.replace(/\$/g, '')).value as Cell;
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object' && 'formula' in v) return evaluate(ws, String(v.formula));
    return 0;
  };
  const sum = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (sum) {
    const [, c1, r1, c2, r2] = sum;
    let total = 0;
    const cols = [c1!, c2!];
    for (let r = Number(r1); r <= Number(r2); r++)
      for (let c = cols[0]!.charCodeAt(0); c <= cols[1]!.charCodeAt(0); c++)
        total += value(`${String.fromCharCode(c)}${r}`);
    return total;
  }
  const share = /^IF\((\$?[A-Z]+\$?\d+)=0,0,(\$?[A-Z]+\$?\d+)\/(\$?[A-Z]+\$?\d+)\)$/.exec(formula);
  if (share) return value(share[1]!) === 0 ? 0 : value(share[2]!) / value(share[3]!);
  const growth = /^IF\(([A-Z]+\d+)>0,([A-Z]+\d+)\/([A-Z]+\d+)-1,""\)$/.exec(formula);
  if (growth) return value(growth[2]!) / value(growth[3]!) - 1;
  if (/^[A-Z]+\d+(\+[A-Z]+\d+)*$/.test(formula))
    return formula.split('+').reduce((a, ref) => a + value(ref), 0);
  throw new Error(`formula not understood: ${formula}`);
}

function formulas(ws: ExcelJS.Worksheet): { ref: string; formula: string; result: number }[] {
  const out: { ref: string; formula: string; result: number }[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as Cell;
      if (v && typeof v === 'object' && 'formula' in v)
        out.push({ ref: cell.address, formula: String(v.formula), result: Number(v.result) });
    }),
  );
  return out;
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};

describe('targets workbook', () => {
  it('writes the long sheet kpi reads, one sheet per level, by month, the matrix and the notes; every formula adds up', async () => {
    writeFileSync(join(dir, 'plan.yaml'), PLAN);
    const run = await runTargets(opts({ plan: 'plan.yaml', out: 'targets.xlsx' }), { cwd: dir });
    expect(run.written).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'targets.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '目标明细',
      '按区域',
      '按团队',
      '按销售代表',
      '按月',
      '区域×月份',
      '说明',
    ]);

    const long = rowsOf(wb.worksheets[0]!);
    expect(long[0]).toEqual(['区域', '团队', '销售代表', '月份', '目标值(万元)']);
    expect(long).toHaveLength(1 + 6 * 6);
    expect(long[1]).toEqual(['华东', '上海', '张三', '2026-07', 207.9]);
    expect(
      long.slice(1).every((r) => typeof r[3] === 'string' && /^2026-(0[7-9]|1[0-2])$/.test(r[3] as string)),
    ).toBe(true);
    expect(long.some((r) => r[0] === '合计')).toBe(false);
    const longSum = long.slice(1).reduce((a, r) => a + Math.round((r[4] as number) * 10), 0);
    expect(longSum).toBe(132000);

    for (const ws of wb.worksheets) {
      for (const f of formulas(ws))
        expect(evaluate(ws, f.formula), `${ws.name}!${f.ref} ${f.formula}`).toBeCloseTo(f.result, 6);
    }

    const byRegion = rowsOf(wb.getWorksheet('按区域')!);
    expect(byRegion.map((r) => r.slice(0, 2))).toEqual([
      ['区域', '目标值(万元)'],
      ['华东', 4620],
      ['华南', 3300],
      ['华北', 5280],
      ['合计', { formula: 'SUM(B2:B4)', result: 13200 }],
    ]);
    const byTeam = rowsOf(wb.getWorksheet('按团队')!);
    expect(byTeam.map((r) => r.slice(0, 3))).toEqual([
      ['区域', '团队', '目标值(万元)'],
      ['华东', '上海', 2772],
      ['华东', '杭州', 1848],
      ['华东', '小计', { formula: 'SUM(C2:C3)', result: 4620 }],
      ['华南', '广州', 3300],
      ['华南', '小计', { formula: 'SUM(C5:C5)', result: 3300 }],
      ['华北', '北京', 5280],
      ['华北', '小计', { formula: 'SUM(C7:C7)', result: 5280 }],
      ['合计', '', { formula: 'C4+C6+C8', result: 13200 }],
    ]);
    const matrix = rowsOf(wb.getWorksheet('区域×月份')!);
    expect(matrix[0]).toEqual([
      '区域',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '合计',
    ]);
    expect(matrix[4]![7]).toEqual({ formula: 'SUM(H2:H4)', result: 13200 });
    expect(matrix[1]![7]).toEqual({ formula: 'SUM(B2:G2)', result: 4620 });
    const byMonth = rowsOf(wb.getWorksheet('按月')!);
    expect(byMonth[0]).toEqual([
      '月份',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-Q3 小计',
      '2026-10',
      '2026-11',
      '2026-12',
      '2026-Q4 小计',
      '合计',
    ]);
    expect(byMonth[1]).toEqual([
      '公司目标(万元)',
      1800,
      1920,
      2040,
      { formula: 'SUM(B2:D2)', result: 5760 },
      1920,
      2040,
      2280,
      { formula: 'SUM(F2:H2)', result: 6240 },
      { formula: 'E2+I2', result: 12000 },
    ]);
    expect(byMonth[2]![9]).toEqual({ formula: 'E3+I3', result: 13200 });
    expect(byMonth[3]![0]).toBe('占比');
    const notes = rowsOf(wb.getWorksheet('说明')!);
    expect(notes).toContainEqual([
      '',
      '分配给各级的目标合计 13,200.0 万元，比公司目标 12,000.0 万元 高出 10%（预留缓冲）',
    ]);
    expect(notes).toContainEqual(['预留比例（超额分配）', '10%']);
  });

  it('with a history, heads the prior-year columns by their period and adds growth formulas', async () => {
    const rows: HistoryRow[] = ['07', '08', '09'].flatMap((m, i) => [
      { month: `2025-${m}`, group: { region: '华东' }, amount: [100, 120, 80][i]! },
      { month: `2025-${m}`, group: { region: '华南' }, amount: [50, 40, 60][i]! },
    ]);
    await runTargets(
      opts({
        flags: {
          total: 900,
          unit: '万元',
          period: '2026-Q3',
          precision: 0,
          months: 'history',
          by: ['region', 'month'],
        },
        history: ['orders.xlsx'],
        out: 'h.xlsx',
      }),
      { cwd: dir, loadHistory: async () => rows },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'h.xlsx'));
    for (const ws of wb.worksheets)
      for (const f of formulas(ws))
        expect(evaluate(ws, f.formula), `${ws.name}!${f.ref} ${f.formula}`).toBeCloseTo(f.result, 6);
    expect(rowsOf(wb.getWorksheet('按区域')!)).toEqual([
      // The owner column is left for the sales director to fill in (report --targets reads it).
      ['区域', '目标值(万元)', '占比', '2025-Q3(万元)', '同比增长', '负责人'],
      [
        '华东',
        600,
        { formula: 'IF(B$4=0,0,B2/B$4)', result: 600 / 900 },
        300,
        { formula: 'IF(D2>0,B2/D2-1,"")', result: 1 },
      ],
      [
        '华南',
        300,
        { formula: 'IF(B$4=0,0,B3/B$4)', result: 300 / 900 },
        150,
        { formula: 'IF(D3>0,B3/D3-1,"")', result: 1 },
      ],
      [
        '合计',
        { formula: 'SUM(B2:B3)', result: 900 },
        1,
        { formula: 'SUM(D2:D3)', result: 450 },
        { formula: 'IF(D4>0,B4/D4-1,"")', result: 1 },
      ],
    ]);
    const byMonth = rowsOf(wb.getWorksheet('按月')!);
    expect(byMonth.map((r) => r[0])).toEqual([
      '月份',
      '公司目标(万元)',
      '目标值(万元)',
      '2025-Q3(万元)',
      '占比',
      '同比增长',
    ]);
    expect(byMonth[2]).toEqual(['目标值(万元)', 300, 320, 280, { formula: 'SUM(B3:D3)', result: 900 }]);
  });

  it('puts the workbook part before the sheets, so the streaming reader salesmeet kpi uses reads every sheet', async () => {
    await runTargets(
      opts({
        flags: { total: 12000, unit: '万元', period: '2026-H2', regions: ['华东', '华南', '华北', '西部'] },
        out: 's.xlsx',
      }),
      { cwd: dir },
    );
    // The same reader and chunk size as kpi: exceljs's WorkbookReader fails on exceljs's own part order here.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(
      createReadStream(join(dir, 's.xlsx'), { highWaterMark: 1024 * 1024 }),
      {
        sharedStrings: 'cache',
        styles: 'cache',
        worksheets: 'emit',
        hyperlinks: 'ignore',
        entries: 'emit',
      },
    );
    const seen: [string, number][] = [];
    for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<unknown> & { name: string }>) {
      let n = 0;
      for await (const _ of ws) n++;
      seen.push([ws.name, n]);
    }
    // The parts in file order (by the offsets in the central directory), as a streaming reader meets them.
    const zip = readFileSync(join(dir, 's.xlsx'));
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const parts: [number, string][] = [];
    for (let p = zip.readUInt32LE(eocd + 16), i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
      const nameLen = zip.readUInt16LE(p + 28);
      parts.push([zip.readUInt32LE(p + 42), zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')]);
      p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    }
    const names = parts.sort((x, y) => x[0] - y[0]).map((x) => x[1]);
    const at = (name: string) => names.indexOf(name);
    expect(at('xl/workbook.xml')).toBeGreaterThan(0);
    expect(at('xl/workbook.xml')).toBeLessThan(at('xl/worksheets/sheet1.xml'));
    expect(at('xl/sharedStrings.xml')).toBeLessThan(at('xl/worksheets/sheet1.xml'));
    expect(at('xl/_rels/workbook.xml.rels')).toBeLessThan(at('xl/worksheets/sheet1.xml'));
    expect(seen).toEqual([
      ['目标明细', 25],
      ['按区域', 6],
      ['按月', 4],
      ['区域×月份', 6],
      ['说明', 15],
    ]);
  });

  it('leaves bytes it does not understand as they are', () => {
    const junk = new Uint8Array([1, 2, 3, 0x50, 0x4b, 0x05, 0x06]);
    expect(workbookFirst(junk)).toBe(junk);
  });

  it('uses the headings of the language and the unit as given', async () => {
    for (const [lang, header] of [
      ['en', ['Region', 'Month', 'Target ($K)']],
      ['zh-TW', ['區域', '月份', '目標值($K)']],
    ] as const) {
      await runTargets(
        opts({
          lang,
          flags: { total: 900, unit: '$K', period: '2026-Q3', regions: ['North', 'South'] },
          out: `t-${lang}.xlsx`,
        }),
        { cwd: dir },
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, `t-${lang}.xlsx`));
      expect(rowsOf(wb.worksheets[0]!)[0]).toEqual(header);
      expect(wb.worksheets[0]!.name).toBe(lang === 'en' ? 'Targets' : '目標明細');
    }
  });
});

describe('runTargets', () => {
  it('reports plan problems with file:line:column, and flags win over the file', async () => {
    writeFileSync(
      join(dir, 'plan.yaml'),
      'total: 100\nperiod: 2026\nquarters: [1, 2, 3]\nregions:\n  - { name: A, weight: 1 }\n  - B\n',
    );
    const e = await fails(runTargets(opts({ plan: 'plan.yaml', lang: 'en' }), { cwd: dir }));
    expect(e.exitCode).toBe(3);
    expect(e.text('en')).toBe('plan.yaml is not a valid target plan: 2 problem(s)');
    expect(e.problems.map((p) => `${formatLocation(p)} ${p.path}: ${p.message('en')}`)).toEqual([
      'plan.yaml:3:11 quarters: expected 4 weights, one per quarter of 2026, found 3',
      'plan.yaml:6:5 regions[1]: some members have a weight and some do not; give a weight to every member or to none',
    ]);

    const ok = await runTargets(
      opts({ plan: 'plan.yaml', flags: { quarters: [1, 1, 1, 1], regions: [{ name: 'A' }, { name: 'B' }] } }),
      { cwd: dir },
    );
    expect(ok.result.org.map((o) => o.target)).toEqual([50, 50]);

    const bad = await fails(runTargets(opts({ plan: 'plan.yaml', flags: { quarters: [1] } }), { cwd: dir }));
    expect(bad.exitCode).toBe(2);
    expect(bad.problems.map((p) => `${p.path}: ${p.message('en')}`)).toEqual([
      '--quarters: expected 4 weights, one per quarter of 2026, found 1',
      'regions[1]: some members have a weight and some do not; give a weight to every member or to none',
    ]);
  });

  it('reads the history through deps.loadHistory and splits by the prior year', async () => {
    const rows: HistoryRow[] = [
      { month: '2025-07', group: { region: '华东' }, amount: 30 },
      { month: '2025-08', group: { region: '华东' }, amount: 10 },
      { month: '2025-09', group: { region: '华南' }, amount: 60 },
    ];
    const seen: string[] = [];
    const run = await runTargets(
      opts({
        flags: { total: 200, period: '2026-Q3', months: 'history', by: ['region', 'month'] },
        history: ['data/orders.xlsx'],
      }),
      {
        cwd: dir,
        loadHistory: async (file) => {
          seen.push(file);
          return rows;
        },
      },
    );
    expect(seen).toEqual([join(dir, 'data/orders.xlsx')]);
    expect(run.result.time.months.map((m) => m.target)).toEqual([60, 20, 120]);
    // Without weights, a history splits by prior-year share: 华南 60, 华东 30 + 10.
    expect(run.result.org.map((o) => [o.name, o.target])).toEqual([
      ['华南', 120],
      ['华东', 80],
    ]);
    expect(run.result.method).toMatchObject({ months: 'history', org: ['history'], history: true });
  });

  it('needs the history for history weights and says how to do without', async () => {
    const e = await fails(
      runTargets(opts({ flags: { total: 10, period: '2026-Q3', months: 'history' } }), {
        cwd: dir,
      }),
    );
    expect(e.exitCode).toBe(2);
    expect(e.text('en')).toBe('months: history needs a history file (a detail export of the prior year)');
    expect(e.hint?.('en')).toBe('give explicit weights, or use even splits, until a history file is given');
  });

  it('never overwrites --out without --force, and writes nothing with --dry-run', async () => {
    const flags = { total: 10, period: '2026-Q3' };
    writeFileSync(join(dir, 'mine.yaml'), 'keep me\n');
    const e = await fails(runTargets(opts({ flags, out: 'mine.yaml' }), { cwd: dir }));
    expect(e.exitCode).toBe(4);
    expect(e.text('en')).toBe('refusing to overwrite mine.yaml');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('keep me\n');
    const dry = await runTargets(opts({ flags, out: 'new.json', dryRun: true }), { cwd: dir });
    expect(dry.written).toBe(false);
    expect(existsSync(join(dir, 'new.json'))).toBe(false);
    await runTargets(opts({ flags, out: 'mine.yaml', force: true }), { cwd: dir });
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toContain('schema: salesmeet.targets/1');
  });
});
