/**
 * `report --targets FILE`: the next period's targets, from what `salesmeet targets` wrote — its YAML or JSON
 * (schema `salesmeet.targets/1`, checked with positions) or its workbook, as a sales manager may have edited it
 * (core/report/targets-workbook.ts says which cells are read and how the copies are checked).
 */
import { relative, resolve } from 'node:path';
import type { Lang } from '../core/i18n/lang.js';
import type { KpiWarning } from '../core/kpi/result.js';
import { type TargetsDoc, targetsDocSchema } from '../core/report/targets.js';
import { notTargetsWorkbook, targetsFromWorkbook, targetsSheetsOf } from '../core/report/targets-workbook.js';
import { loadChecked } from './meeting-folder.js';

/** A workbook by its extension; anything else is read as YAML or JSON. */
const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

export interface TargetsFile {
  doc: TargetsDoc;
  /** Differences between copies of a figure in the workbook (none for YAML/JSON), in the report's language. */
  warnings: KpiWarning[];
}

/** Reads `--targets` (relative to the working directory). InputError (exit 3) with a position for a bad file. */
export async function loadTargetsFile(
  file: string,
  o: { cwd: string; lang: Lang; env?: NodeJS.ProcessEnv },
): Promise<TargetsFile> {
  const path = resolve(o.cwd, file);
  const display = relative(o.cwd, path) || file;
  if (!WORKBOOK.test(file))
    return { doc: (await loadChecked(targetsDocSchema, path, display)).value, warnings: [] };
  const { readWorkbookGrid } = await import('../io/excel/grid.js');
  const sheets = await readWorkbookGrid(path, display, {
    ...(o.env ? { env: o.env } : {}),
    // A workbook of another kind is refused by its sheet names, before it is loaded.
    accept: (names) => {
      if (!targetsSheetsOf(names)) throw notTargetsWorkbook(display, names);
    },
  });
  const { doc, warnings } = targetsFromWorkbook(sheets, display);
  return {
    doc,
    warnings: warnings.map((w) => ({
      message: w.message(o.lang),
      file: display,
      sheet: w.sheet,
      cell: w.cell,
    })),
  };
}
