/**
 * What every workbook salesmeet writes shares: exceljs loaded lazily, a workbook stamped by salesmeet, solid
 * fills, the A4 landscape print setup, header rows, column widths from their contents and row heights for
 * wrapped text. The text rules (neutralise, safeText) are in ../cells.ts; column letters are core's `colName`.
 */
import { colName } from '../../../core/kpi/values.js';

export type Excel = typeof import('exceljs');
export type Workbook = import('exceljs').Workbook;
export type Worksheet = import('exceljs').Worksheet;
export type Cell = import('exceljs').Cell;

/** exceljs, imported only when a workbook is written (`salesmeet --help` must stay instant). */
export async function loadExcel(): Promise<Excel> {
  const mod = (await import('exceljs')) as Excel & { default?: Excel };
  return mod.default ?? mod;
}

/** A workbook made by salesmeet; with `created`, its creation and modification dates fixed (reproducible files). */
export async function newWorkbook(created?: Date): Promise<Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'salesmeet';
  if (created) {
    wb.created = created;
    wb.modified = created;
  }
  return wb;
}

/** The bytes of a workbook. */
export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A validation (a drop-down) over a whole range such as `F2:F106`, written as one rule and without creating the
 * range's cells, so blank rows below a table keep it without being printed. exceljs has
 * `worksheet.dataValidations.add` but does not declare it.
 */
export function validateRange(
  ws: Worksheet,
  range: string,
  validation: import('exceljs').DataValidation,
): void {
  (
    ws as unknown as { dataValidations: { add(range: string, v: import('exceljs').DataValidation): void } }
  ).dataValidations.add(range, validation);
}

/** A solid fill of one colour (ARGB). */
export function solidFill(argb: string) {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } } as const;
}

/** Printed landscape on A4, every column on one page wide. */
export const PRINT_LANDSCAPE = {
  orientation: 'landscape' as const,
  paperSize: 9, // A4
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;

/**
 * The header row (row 1) of a table sheet: bold, filled, a thin line under it, centred and wrapped, frozen
 * above the data.
 */
export function styleHeader(ws: Worksheet, columns: number, fill: ReturnType<typeof solidFill>): void {
  const row = ws.getRow(1);
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = fill;
    cell.border = { bottom: THIN };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** Column number (1-based) → letters (`colName` counts from 0). */
export const colLetter = (n: number): string => colName(n - 1);

/** Display width of a text: CJK characters count double. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** Each column as wide as its widest value (numbers as written in English), within [min, max]. */
export function fitColumns(ws: Worksheet, min = 8, max = 60): void {
  ws.columns.forEach((col) => {
    let w = min;
    col.eachCell?.({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      const s =
        typeof v === 'string'
          ? v
          : typeof v === 'number'
            ? v.toLocaleString('en')
            : v && typeof v === 'object' && 'result' in v
              ? String((v as { result?: unknown }).result ?? '')
              : '';
      w = Math.max(w, textWidth(s) + 2);
    });
    col.width = Math.min(w, max);
  });
}

/**
 * The height of a row whose wrapped text fills a column this many characters wide: spreadsheet programs do not
 * grow a row for wrapped text written by a library, so the text would be cut. CJK characters take two.
 */
export function wrappedHeight(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 2 : 1;
  return 15 * Math.max(1, Math.ceil(units / (width * 0.95)));
}

/** An Excel sheet name: no []:*?/\, at most 31 characters, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
