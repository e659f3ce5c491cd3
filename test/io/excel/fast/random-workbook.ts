/**
 * Random workbooks written by exceljs (seeded, so a failing case can be replayed): the recipe shared by the
 * differential tests of the fast reader.
 */
import ExcelJS from 'exceljs';
import { plain, readWith } from '../../../fixtures/fast/support.js';

/** The rows exceljs's streaming reader hands kpi, or how it failed. */
export async function exceljsRows(path: string): Promise<unknown> {
  try {
    return (await readWith(path, false)).sheets.map((s) => ({ name: s.name, rows: plain(s.rows) }));
  } catch (e) {
    return { failed: String(e) };
  }
}

/** mulberry32: a small seeded PRNG so a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
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

export async function randomWorkbook(seed: number, path: string): Promise<void> {
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
