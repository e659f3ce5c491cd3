/**
 * Differential tests: the fast reader and exceljs's streaming reader must hand kpi the same rows for every
 * workbook of the project and for random workbooks written by exceljs (seeded; SALESMEET_FAST_XLSX_CASES
 * raises the count, e.g. 5000 before a release).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { plain, readBoth, readWith, zipParts } from '../../../fixtures/fast/support.js';
import { ROOT, tempDir } from '../../../helpers/cli.js';

function findXlsx(dir: string, out: string[] = []): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    if (n === 'node_modules' || n === 'out' || n.startsWith('.')) continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) findXlsx(p, out);
    else if (n.endsWith('.xlsx')) out.push(p);
  }
  return out;
}

async function exceljsRows(path: string): Promise<unknown> {
  try {
    return (await readWith(path, false)).sheets.map((s) => ({ name: s.name, rows: plain(s.rows) }));
  } catch (e) {
    return { failed: String(e) };
  }
}

const fixtures = [...findXlsx(join(ROOT, 'test', 'fixtures')), ...findXlsx(join(ROOT, 'examples'))];

describe('every workbook of the project reads the same through both readers', () => {
  it('has workbooks to compare', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });
  for (const f of fixtures) {
    it(relative(ROOT, f), async () => {
      const fast = await readWith(f, true);
      expect(fast.notes).toEqual([]);
      const mine = fast.sheets.map((s) => ({ name: s.name, rows: plain(s.rows) }));
      let theirs = await exceljsRows(f);
      // see below: exceljs is not deterministic under load
      for (let again = 0; again < 3 && !isDeepStrictEqual(mine, theirs); again++)
        theirs = await exceljsRows(f);
      expect(mine).toEqual(theirs);
      expect(mine.reduce((n, s) => n + s.rows.length, 0)).toBeGreaterThan(0);
    });
  }
});

/** mulberry32: a small seeded PRNG so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '华东',
  '華南',
  '销售额',
  'Acme & Sons',
  '<b>bold</b>',
  '"quoted"',
  "it's",
  '&amp; literal',
  '&lt;tag&gt;',
  '&#x41;',
  ' padded ',
  '  ',
  'tab\there',
  'line\nbreak',
  'crlf\r\nline',
  '🎉🚀',
  '𠀀𠀁',
  '=1+1',
  '-',
  '12.5%',
  '¥1,234',
  '2026-04',
  'Apr 2026',
  'x]]>y',
  '\u00a0nbsp',
  'ﾃｽﾄ',
];
const NUM_FMTS = [
  'yyyy-mm-dd',
  'yyyy"年"m"月"d"日"',
  'mm-dd-yy',
  'd-mmm-yy',
  '[$-804]yyyy/m/d',
  'h:mm',
  'yyyy-mm-dd hh:mm:ss',
  '0%',
  '0.00%',
  '#,##0.0%',
  '0.0"%"',
  '#,##0',
  '#,##0.00',
  '0.0"d"',
  '"¥"#,##0.00',
  '[Red]0.00',
  '@',
  '0.00E+00',
  'General',
];
const ERRORS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'];

function randomValue(rnd: () => number): { value: ExcelJS.CellValue; numFmt?: string } {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)] as T;
  const text = () => {
    const n = 1 + Math.floor(rnd() * 3);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(PIECES);
    return s;
  };
  const number = () => {
    switch (Math.floor(rnd() * 7)) {
      case 0:
        return Math.floor(rnd() * 1000);
      case 1:
        return Math.round(rnd() * 1e6) / 100;
      case 2:
        return -Math.round(rnd() * 1e5) / 1000;
      case 3:
        return rnd() * 1e-7;
      case 4:
        return rnd() * 1e20;
      case 5:
        return rnd();
      default:
        return 0;
    }
  };
  switch (Math.floor(rnd() * 14)) {
    case 0:
    case 1:
      return { value: text() };
    case 2:
    case 3:
      return { value: number() };
    case 4:
      return { value: number(), numFmt: pick(NUM_FMTS) };
    case 5:
      return {
        value: new Date(
          Date.UTC(
            1995 + Math.floor(rnd() * 40),
            Math.floor(rnd() * 12),
            1 + Math.floor(rnd() * 28),
            Math.floor(rnd() * 24),
            Math.floor(rnd() * 60),
          ),
        ),
        numFmt: pick(NUM_FMTS.slice(0, 7)),
      };
    case 6:
      return { value: rnd() < 0.5 };
    case 7:
      return { value: { error: pick(ERRORS) } as ExcelJS.CellErrorValue };
    case 8:
      return {
        value: {
          richText: [
            { text: text(), font: { bold: true } },
            { text: text(), font: { color: { argb: 'FFFF0000' } } },
          ],
        },
      };
    case 9:
      return {
        value: { formula: 'A1*2', result: number() },
        ...(rnd() < 0.5 ? { numFmt: pick(NUM_FMTS) } : {}),
      };
    case 10:
      return { value: { formula: 'CONCAT(B1,"x")', result: text() } };
    case 11:
      return { value: { formula: '1/0', result: { error: pick(ERRORS) } } as ExcelJS.CellFormulaValue };
    case 12:
      return { value: { text: text(), hyperlink: 'https://example.com/?a=1&b=2' } };
    default:
      return { value: null };
  }
}

async function randomWorkbook(seed: number, path: string): Promise<void> {
  const rnd = prng(seed);
  const streaming = rnd() < 0.3;
  const sheets = 1 + Math.floor(rnd() * 3);
  const fill = (ws: ExcelJS.Worksheet, commit: (row: ExcelJS.Row) => void) => {
    const rows = 1 + Math.floor(rnd() * 25);
    const cols = 1 + Math.floor(rnd() * 12);
    let r = 1;
    for (let i = 0; i < rows; i++) {
      r += rnd() < 0.15 ? 2 + Math.floor(rnd() * 5) : 1; // skipped rows
      const row = ws.getRow(r);
      if (rnd() < 0.1) row.numFmt = rnd() < 0.5 ? '0.0%' : 'yyyy-mm-dd';
      for (let c = 1; c <= cols; c++) {
        if (rnd() < 0.3) continue; // sparse columns
        const { value, numFmt } = randomValue(rnd);
        const cell = row.getCell(c);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      }
      commit(row);
    }
    if (!streaming && rnd() < 0.3) ws.mergeCells(1, 1, 1, 2);
  };
  const date1904 = rnd() < 0.25;
  if (streaming) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: rnd() < 0.5,
      useStyles: true,
    });
    for (let s = 0; s < sheets; s++) fill(wb.addWorksheet(`明细${s}`), (row) => row.commit());
    await wb.commit();
  } else {
    const wb = new ExcelJS.Workbook();
    if (date1904) wb.properties.date1904 = true;
    for (let s = 0; s < sheets; s++)
      fill(wb.addWorksheet(s === 0 ? 'Orders & <more>' : `Sheet ${s}`), () => {});
    await wb.xlsx.writeFile(path);
  }
}

const CASES = Number(process.env.SALESMEET_FAST_XLSX_CASES ?? 300);

describe(`random workbooks written by exceljs read the same through both readers (${CASES} cases)`, () => {
  const tmp = tempDir('salesmeet-fast-');
  afterAll(() => tmp.cleanup());
  it('matches on every case', { timeout: 600_000 }, async () => {
    let rows = 0;
    let cells = 0;
    const rereads: number[] = [];
    for (let seed = 1; seed <= CASES; seed++) {
      const path = join(tmp.dir, `case-${seed}.xlsx`);
      await randomWorkbook(seed, path);
      const fast = await readWith(path, true);
      expect({ seed, notes: fast.notes }).toEqual({ seed, notes: [] });
      const mine = fast.sheets.map((s) => ({ name: s.name, rows: plain(s.rows) }));
      // exceljs's streaming reader is not deterministic: under load its walk through the zip sometimes
      // ends early, and it then reads a sheet without its shared strings and styles, or fails with
      // "Cannot read properties of undefined (reading 'sheets')" (each seen once in 3000 cases; the same
      // file then reads correctly again). Such a case is read again by exceljs, up to 3 times, and counted.
      let theirs = await exceljsRows(path);
      for (let again = 0; again < 3 && !isDeepStrictEqual(mine, theirs); again++) {
        rereads.push(seed);
        theirs = await exceljsRows(path);
      }
      expect({ seed, sheets: mine }).toEqual({ seed, sheets: theirs });
      for (const s of mine)
        for (const row of s.rows as { cells: object }[]) {
          rows++;
          cells += Object.keys(row.cells).length;
        }
    }
    // The cases are not trivially empty.
    expect(rows).toBeGreaterThan(CASES * 5);
    expect(rereads.length, `exceljs re-read seeds ${rereads.join(', ')}`).toBeLessThanOrEqual(
      Math.max(3, CASES / 100),
    );
    expect(cells).toBeGreaterThan(CASES * 20);
  });
});

describe('a workbook stored without compression', () => {
  const tmp = tempDir('salesmeet-fast-');
  afterAll(() => tmp.cleanup());
  it('reads the same as its deflated original', async () => {
    const src = join(tmp.dir, 'src.xlsx');
    await randomWorkbook(7, src);
    const { readFileSync } = await import('node:fs');
    const { inflateRawSync } = await import('node:zlib');
    // Re-pack every part stored (method 0).
    const buf = readFileSync(src);
    const parts: [string, Buffer][] = [];
    let p = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = buf.readUInt16LE(p + 10);
    p = buf.readUInt32LE(p + 16);
    for (let i = 0; i < count; i++) {
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const extra = buf.readUInt16LE(p + 30);
      const comment = buf.readUInt16LE(p + 32);
      const off = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      const start = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
      const data = buf.subarray(start, start + size);
      if (!name.endsWith('/')) parts.push([name, method === 8 ? inflateRawSync(data) : Buffer.from(data)]);
      p += 46 + nameLen + extra + comment;
    }
    const stored = join(tmp.dir, 'stored.xlsx');
    writeFileSync(stored, zipParts(parts, { store: true }));
    // exceljs itself is not reliable on stored parts (8 reads of one such file gave 2 different results), so the stored
    // copy read by the fast reader is compared with the deflated original read by exceljs.
    const a = await readBoth(src);
    const b = await readBoth(stored);
    expect(b.notes).toEqual([]);
    expect(a.fast).toEqual(a.exceljs);
    expect(b.fast).toEqual(a.exceljs);
  });
});
