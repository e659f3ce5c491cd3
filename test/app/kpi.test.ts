import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHistory } from '../../src/app/history.js';
import { runKpi } from '../../src/app/kpi.js';
import type { SalesmeetError } from '../../src/core/errors.js';
import type { SheetRow } from '../../src/core/kpi/values.js';
import { inspectWorkbook, LIMITS, normaliseValue, streamWorkbook } from '../../src/io/excel/read.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;

/** A minimal zip with one stored-deflated entry whose header claims `declared` bytes uncompressed. */
function zipWith(name: string, content: Buffer, declared?: number): Buffer {
  const data = deflateRawSync(content);
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared ?? content.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(20, 4);
  cd.writeUInt16LE(20, 6);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(data.length, 20);
  cd.writeUInt32LE(declared ?? content.length, 24);
  cd.writeUInt16LE(nameBuf.length, 28);
  cd.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBuf.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cd.length + nameBuf.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, data, cd, nameBuf, eocd]);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('salesmeet-excel-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('R&D 明细');
  ws.getRow(1).values = ['月份', '区域', '销售代表', '销售额(万元)', '毛利率'];
  ws.getCell('A2').value = '2026年1月';
  ws.getCell('B2').value = { richText: [{ text: '华' }, { text: '东', font: { bold: true } }] };
  ws.getCell('C2').value = { text: '王芳', hyperlink: 'mailto:wf@example.com' };
  ws.getCell('D2').value = 100;
  ws.getCell('E2').value = 0.3;
  ws.getCell('E2').numFmt = '0.0%';
  ws.getCell('A3').value = '2026年1月';
  ws.getCell('C3').value = '黄涛';
  ws.getCell('D3').value = { formula: 'D2*2', result: 200 };
  ws.getCell('A4').value = '2026-02';
  ws.getCell('B4').value = '华南';
  ws.getCell('C4').value = '刘强';
  ws.getCell('D4').value = { sharedFormula: 'D3', result: 50 } as unknown as ExcelJS.CellValue;
  ws.mergeCells('B2:B3');
  ws.getCell('A5').value = '小计';
  ws.getCell('D5').value = 350;
  await wb.xlsx.writeFile(join(dir, 'shapes.xlsx'));
  writeFileSync(
    join(dir, 'bomb.xlsx'),
    zipWith('xl/sharedStrings.xml', Buffer.alloc(40 * 1024 * 1024, 0x41)),
  );
  writeFileSync(
    join(dir, 'liar.xlsx'),
    zipWith('xl/sharedStrings.xml', Buffer.from('<sst/>'), 3_000_000_000),
  );
  writeFileSync(join(dir, 'docx.xlsx'), zipWith('word/document.xml', Buffer.from('<w:document/>')));
});
afterAll(() => cleanup());

describe('cell values in every shape', () => {
  it('normalises exceljs values', () => {
    const d = new Date(Date.UTC(2026, 5, 1));
    expect(normaliseValue(42)).toBe(42);
    expect(normaliseValue('x')).toBe('x');
    expect(normaliseValue(true)).toBe(true);
    expect(normaliseValue(d)).toBe(d);
    expect(normaliseValue({ richText: [{ text: '华' }, { text: '东' }] })).toBe('华东');
    expect(normaliseValue({ formula: 'A1*2', result: 8 })).toBe(8);
    expect(normaliseValue({ sharedFormula: 'A1', result: 'ok' })).toBe('ok');
    expect(normaliseValue({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ error: '#DIV/0!' });
    expect(normaliseValue({ formula: 'A1' })).toBeNull();
    expect(normaliseValue({ formula: 'A1', result: Number.NaN })).toBeNull();
    expect(normaliseValue({ text: '王芳', hyperlink: 'mailto:x' })).toBe('王芳');
    expect(normaliseValue({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(normaliseValue({ error: '#N/A' })).toEqual({ error: '#N/A' });
    expect(normaliseValue(null)).toBeNull();
  });

  it('streams rows with rich text, hyperlinks, shared formulas, percent formats and sheet names', async () => {
    const info = await inspectWorkbook(join(dir, 'shapes.xlsx'), 'shapes.xlsx');
    expect(info.sheets.map((s) => s.name)).toEqual(['R&D 明细']);
    expect(info.sheets[0]?.merges).toEqual([{ top: 2, left: 1, bottom: 3, right: 1 }]);
    const rows: SheetRow[] = [];
    // The reader reuses its row object: keep a copy.
    await streamWorkbook(join(dir, 'shapes.xlsx'), 'shapes.xlsx', info, {
      onSheet: () => (r) => rows.push({ n: r.n, cells: r.cells.map((c) => c && { ...c }) }),
    });
    expect(rows[1]?.cells.map((c) => c?.v)).toEqual(['2026年1月', '华东', '王芳', 100, 0.3]);
    expect(rows[1]?.cells[4]?.fmt).toBe('0.0%');
    expect(rows[2]?.cells[3]?.v).toBe(200);
    expect(rows[3]?.cells[3]?.v).toBe(50);
  });

  it('merged dimension cells repeat their value; subtotal rows are not counted', async () => {
    const run = await runKpi(
      {
        sources: [{ path: 'shapes.xlsx' }],
        period: '2026-01',
        by: ['region'],
        lang: 'en',
        asOf: '2026-01-31',
      },
      { cwd: dir, now: new Date('2026-02-01T00:00:00Z') },
    );
    const east = run.result.rows.find((r) => r.metric === 'revenue' && r.group.region === '华东');
    expect(east?.actual).toBe(300);
    expect(run.result.totals.find((r) => r.metric === 'revenue')?.actual).toBe(300);
    expect(run.result.totals.find((r) => r.metric === 'revenue')?.unit).toBe('万元');
  });

  it('loadHistory: months × dimensions, amounts in the unit of the column', async () => {
    const rows = await loadHistory(['shapes.xlsx'], { cwd: dir, by: ['region', 'rep'] });
    expect(rows).toEqual([
      { month: '2026-01', group: { region: '华东', rep: '王芳' }, amount: 100 },
      { month: '2026-01', group: { region: '华东', rep: '黄涛' }, amount: 200 },
      { month: '2026-02', group: { region: '华南', rep: '刘强' }, amount: 50 },
    ]);
  });
});

describe('workbook guard', () => {
  const refuse = async (file: string) => {
    try {
      await inspectWorkbook(join(dir, file), file);
    } catch (e) {
      return e as SalesmeetError;
    }
    throw new Error('expected a refusal');
  };

  it('refuses a part that expands absurdly, before inflating it', async () => {
    const e = await refuse('bomb.xlsx');
    expect(e.exitCode).toBe(3);
    expect(e.text('en')).toMatch(
      /^refusing to read xl\/sharedStrings\.xml: it expands \d+× from 0\.0 MB to 40\.0 MB, the shape of a zip bomb$/,
    );
  });

  it('refuses a declared size over the limit', async () => {
    const e = await refuse('liar.xlsx');
    expect(e.text('en')).toBe(
      'refusing to read xl/sharedStrings.xml: it would expand to 2.8 GB (limit 100.0 MB)',
    );
    expect(e.location).toEqual({ file: 'liar.xlsx' });
  });

  it('a zip that is not a workbook', async () => {
    const e = await refuse('docx.xlsx');
    expect(e.text('zh-CN')).toBe('应为 Excel 工作簿（.xlsx），实际是不含 xl/workbook.xml 的 zip 压缩包');
  });

  it('documents its limits: 100 MB for parts held in memory, 2 GB for a streamed sheet', () => {
    expect(LIMITS.worksheet).toBe(2 * 1024 ** 3);
    expect(LIMITS.inMemoryPart).toBe(100 * 1024 ** 2);
  });
});
