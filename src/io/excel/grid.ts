/**
 * A small workbook read whole, cell by cell, formulas included: for the files a person edits and salesmeet reads
 * back (the targets workbook). The zip is checked first exactly as for an export (not a zip, cut short, encrypted,
 * parts that would expand to absurd sizes), the sheet names are shown to the caller before anything is loaded,
 * then exceljs (imported here, lazily) loads it; every cell keeps its formula and whether its result was stored.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import { messagesOf } from '../../core/i18n/messages.js';
import type { GridCell, GridSheet } from '../../core/report/targets-workbook.js';
import { inspectWorkbook, LIMIT_ENV, normaliseValue, type PartLimits, partLimits } from './read.js';

const m = messagesOf((c) => c.excel.read);

/**
 * A workbook read whole is held in memory: its worksheets are held to this size each (uncompressed XML) unless
 * SALESMEET_MAX_SHEET_MB says otherwise. A targets workbook of 5,000 reps × 12 months is about 8 MB.
 */
export const GRID_SHEET_LIMIT = 64 * 1024 ** 2;

export interface GridOptions {
  /** Called with the sheet names before the workbook is loaded: throw to refuse it (a workbook of another kind). */
  accept?: (names: string[]) => void;
  env?: NodeJS.ProcessEnv;
}

interface ExcelCell {
  value: unknown;
  formula?: string;
}

/** Reads every sheet of a workbook as a grid; InputError (exit 3) with the file for anything unreadable. */
export async function readWorkbookGrid(
  path: string,
  display: string,
  o: GridOptions = {},
): Promise<GridSheet[]> {
  const env = o.env ?? process.env;
  const limits: PartLimits = partLimits(env);
  if (env[LIMIT_ENV.worksheet] === undefined) limits.worksheet = GRID_SHEET_LIMIT;
  const info = await inspectWorkbook(path, display, limits);
  o.accept?.(info.sheets.map((s) => s.name));
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  } catch (e) {
    const reason = e instanceof TypeError || e instanceof RangeError ? m.garbled() : null;
    throw new InputError(
      'excel.unreadable',
      (lang) =>
        m.unreadable({
          reason: reason ? reason(lang) : e instanceof Error ? e.message.split('\n')[0] : String(e),
        })(lang),
      { location: { file: display }, hint: m.unreadableHint(), cause: e },
    );
  }
  return wb.worksheets.map((ws) => {
    const rows: (GridCell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: (GridCell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = gridCell(cell as unknown as ExcelCell);
      });
      rows[r - 1] = cells;
    });
    return { name: ws.name, rows };
  });
}

function gridCell(cell: ExcelCell): GridCell {
  const v = cell.value;
  const isFormula = typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
  if (!isFormula) return { value: normaliseValue(v) };
  const result = (v as { result?: unknown }).result;
  let formula = '';
  try {
    formula = String(cell.formula ?? '');
  } catch {
    formula = String((v as { formula?: unknown }).formula ?? '');
  }
  return {
    value: normaliseValue(v),
    formula,
    computed: result !== undefined && result !== null,
  };
}
