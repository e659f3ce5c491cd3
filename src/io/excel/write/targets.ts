/**
 * The targets workbook. Sheet 1 is the long table `salesmeet kpi` reads back as a targets sheet without any
 * mapping (one row per leaf × month, month as text, no totals row). The other sheets are for people: one per
 * organisation level and one by month with subtotals and totals as SUM formulas, the top level × month matrix
 * with row and column totals as formulas, and the notes (reserve, methods, rounding, advice).
 * exceljs is imported lazily.
 */
import type { Lang } from '../../../core/i18n/lang.js';
import { interpolate } from '../../../core/i18n/messages.js';
import type { TargetsResult } from '../../../core/targets/decompose.js';
import { targetHeader, targetLabels } from '../../../core/targets/messages.js';
import { quarterOf } from '../../../core/targets/period.js';
import type { OrgLevel } from '../../../core/targets/plan.js';
import { catalogue } from '../../../i18n/index.js';
import { neutralise } from '../cells.js';
import { workbookFirst } from './part-order.js';
import {
  colLetter,
  fitColumns,
  newWorkbook,
  solidFill,
  styleHeader as styleHeaderRow,
  type Workbook,
  type Worksheet,
  workbookBytes,
} from './style.js';

const HEADER_FILL = solidFill('FFDCE6F1');
const TOTAL_FILL = solidFill('FFF2F2F2');

function styleHeader(ws: Worksheet, columns: number): void {
  styleHeaderRow(ws, columns, HEADER_FILL);
}

function styleTotal(ws: Worksheet, rowNo: number, columns: number, strong: boolean): void {
  const row = ws.getRow(rowNo);
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: strong, italic: !strong };
    if (strong) {
      cell.fill = TOTAL_FILL;
      cell.border = { top: { style: 'thin', color: { argb: 'FF808080' } } };
    }
  }
}

export interface TargetsWorkbookOptions {
  lang: Lang;
  /** Workbook creation time (fixed in tests for reproducible files). */
  created: Date;
}

/** What every sheet of the workbook needs: the result, the words and the number formats. */
interface Sheets {
  r: TargetsResult;
  lang: Lang;
  L: ReturnType<typeof targetLabels>;
  numFmt: string;
  pctFmt: string;
  round: (x: number) => number;
  /** The header of the target column (with its unit). */
  targetCol: string;
  hist: boolean;
  /** The prior year's period (`2025-H2` for 2026-H2), and the same with the unit. */
  priorLabel: string;
  priorHeader: string;
  unitSuffix: string;
}

/** Writes the workbook and returns its bytes. */
export async function targetsWorkbook(r: TargetsResult, o: TargetsWorkbookOptions): Promise<Uint8Array> {
  const { lang } = o;
  const wb = await newWorkbook(o.created);
  // The prior-year column is headed by its period (`2025-H2`), not by a word `salesmeet kpi` would read as
  // prior-year data: these sheets are for people and must not look like data to it.
  const priorLabel = r.period.replace(/^\d{4}/, (y) => String(Number(y) - 1));
  // The unit as a header's suffix: layout.withUnit without its word (" (万元)" in English, "(万元)" in Chinese).
  const unitSuffix = r.unit ? interpolate(catalogue(lang).layout.withUnit, { word: '', unit: r.unit }) : '';
  const x: Sheets = {
    r,
    lang,
    L: targetLabels(lang),
    numFmt: r.precision > 0 ? `#,##0.${'0'.repeat(r.precision)}` : '#,##0',
    pctFmt: '0.0%',
    round: (v: number) => Number(v.toFixed(r.precision)),
    targetCol: targetHeader(lang, r.unit),
    hist: r.method.history,
    priorLabel,
    priorHeader: `${priorLabel}${unitSuffix}`,
    unitSuffix,
  };
  longSheet(wb, x);
  r.levels.forEach((level, depth) => {
    levelSheet(wb, x, level, depth);
  });
  monthSheet(wb, x);
  const top = r.levels[0];
  if (top) matrixSheet(wb, x, top);
  notesSheet(wb, x);
  neutraliseAll(wb);
  return workbookFirst(await workbookBytes(wb));
}

/** 1. The long table, read back by `salesmeet kpi`. */
function longSheet(wb: Workbook, { r, L, targetCol, numFmt }: Sheets): void {
  const ws = wb.addWorksheet(L.sheets.long);
  const header = [...r.levels.map((l) => L.level[l]), L.month, targetCol];
  ws.addRow(header);
  for (const line of r.lines)
    ws.addRow([...r.levels.map((l) => line.path[l] ?? ''), line.month, line.target]);
  styleHeader(ws, header.length);
  ws.getColumn(header.length).numFmt = numFmt;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + r.lines.length, column: header.length } };
  fitColumns(ws);
}

/** 2. One sheet per organisation level, grouped under the parent with subtotals. */
function levelSheet(wb: Workbook, x: Sheets, level: OrgLevel, depth: number): void {
  const { r, L, targetCol, hist, priorHeader, numFmt, pctFmt, round } = x;
  const ws = wb.addWorksheet(L.sheets.byLevel[level]);
  const names = r.levels.slice(0, depth + 1);
  // Regions and teams get an empty owner column for the sales manager to fill in (`report --targets` reads it);
  // a rep answers for their own target.
  const owned = level !== 'rep';
  const header = [
    ...names.map((l) => L.level[l]),
    targetCol,
    L.share,
    ...(hist ? [priorHeader, L.growth] : []),
    ...(owned ? [L.owner] : []),
  ];
  ws.addRow(header);
  const tCol = colLetter(names.length + 1);
  const pyCol = colLetter(names.length + 3);
  const rows = r.org.filter((o) => o.level === level);
  const groups = underParents(rows, level);
  const subtotalCells: string[] = [];
  let grand = 0;
  let n = 2;
  const grandRow = 2 + rows.length + (depth > 0 ? groups.length : 0);
  for (const g of groups) {
    const first = n;
    const sub = round(g.rows.reduce((a, x) => a + x.target, 0));
    const subRow = depth > 0 ? first + g.rows.length : grandRow;
    for (const row of g.rows) {
      const values: unknown[] = [...names.map((l) => row.path[l] ?? ''), row.target];
      values.push({
        formula: `IF(${tCol}$${subRow}=0,0,${tCol}${n}/${tCol}$${subRow})`,
        result: row.share,
      });
      if (hist) {
        values.push(row.priorYear ?? null);
        values.push(
          row.priorYear !== null && row.priorYear > 0
            ? { formula: `IF(${pyCol}${n}>0,${tCol}${n}/${pyCol}${n}-1,"")`, result: row.growth ?? 0 }
            : null,
        );
      }
      ws.addRow(values);
      n++;
    }
    if (depth > 0) {
      const label = [...names.slice(0, -1).map((l) => g.parent[l] ?? ''), L.subtotal];
      const values: unknown[] = [...label, { formula: `SUM(${tCol}${first}:${tCol}${n - 1})`, result: sub }];
      values.push({
        formula: `IF(${tCol}$${grandRow}=0,0,${tCol}${n}/${tCol}$${grandRow})`,
        result: r.assignedTotal > 0 ? sub / r.assignedTotal : 0,
      });
      ws.addRow(values);
      styleTotal(ws, n, header.length, false);
      subtotalCells.push(`${tCol}${n}`);
      n++;
    }
    grand += sub;
  }
  const totalFormula =
    depth === 0 || subtotalCells.length === 0 ? `SUM(${tCol}2:${tCol}${n - 1})` : subtotalCells.join('+');
  const totalValues: unknown[] = [
    L.total,
    ...names.slice(1).map(() => ''),
    { formula: totalFormula, result: round(grand) },
    1,
  ];
  if (hist) {
    const pyTotal = rows.reduce((a, x) => a + (x.priorYear ?? 0), 0);
    totalValues.push(
      { formula: `SUM(${pyCol}2:${pyCol}${n - 1})`, result: pyTotal },
      pyTotal > 0
        ? { formula: `IF(${pyCol}${n}>0,${tCol}${n}/${pyCol}${n}-1,"")`, result: grand / pyTotal - 1 }
        : null,
    );
  }
  ws.addRow(totalValues);
  styleTotal(ws, n, header.length, true);
  styleHeader(ws, header.length);
  ws.getColumn(names.length + 1).numFmt = numFmt;
  ws.getColumn(names.length + 2).numFmt = pctFmt;
  if (hist) {
    ws.getColumn(names.length + 3).numFmt = numFmt;
    ws.getColumn(names.length + 4).numFmt = pctFmt;
  }
  fitColumns(ws);
  if (owned) {
    const col = ws.getColumn(header.length);
    col.width = Math.max(col.width ?? 0, 14);
  }
}

type OrgRow = TargetsResult['org'][number];

/** The rows of one level grouped under their parent, in order of first appearance. */
function underParents(
  rows: OrgRow[],
  level: OrgLevel,
): { key: string; parent: Partial<Record<OrgLevel, string>>; rows: OrgRow[] }[] {
  const groups: { key: string; parent: Partial<Record<OrgLevel, string>>; rows: OrgRow[] }[] = [];
  for (const row of rows) {
    const parent = Object.fromEntries(Object.entries(row.path).filter(([k]) => k !== level));
    const key = JSON.stringify(parent);
    const g = groups.find((x) => x.key === key);
    if (g) g.rows.push(row);
    else groups.push({ key, parent, rows: [row] });
  }
  return groups;
}

/**
 * 3. By month, months as columns (so `salesmeet kpi` skips it as a matrix), a subtotal column after each
 *    quarter and a total column, all as formulas.
 */
function monthSheet(wb: Workbook, x: Sheets): void {
  const { r, L, targetCol, hist, priorLabel, unitSuffix, numFmt, pctFmt, round } = x;
  const ws = wb.addWorksheet(L.sheets.byMonth);
  const { multi, cols, quarterCols, totalCol } = monthColumns(r, L.subtotal);
  ws.addRow([L.month, ...cols.map((x) => x.label), L.total]);
  const unit = unitSuffix;
  type Measure = { label: string; value: (i: number) => number | null; sum: boolean; fmt: string };
  const measures: Measure[] = [
    {
      label: `${L.companyTarget}${unit}`,
      value: (i) => r.time.months[i]!.companyTarget,
      sum: true,
      fmt: numFmt,
    },
    { label: targetCol, value: (i) => r.time.months[i]!.target, sum: true, fmt: numFmt },
  ];
  if (r.method.floors)
    measures.push({
      label: `${L.floor}${unit}`,
      value: (i) => r.time.months[i]!.floor,
      sum: false,
      fmt: numFmt,
    });
  if (hist)
    measures.push({
      label: `${priorLabel}${unit}`,
      value: (i) => r.time.months[i]!.priorYear,
      sum: true,
      fmt: numFmt,
    });
  const rowOf = (label: string) => 2 + measures.findIndex((x) => x.label === label);
  const targetRow = rowOf(targetCol);
  const last = colLetter(totalCol);
  const shareRow = 2 + measures.length;
  for (const [k, ms] of measures.entries()) {
    const n = 2 + k;
    const values: unknown[] = [ms.label];
    for (const col of cols) {
      if (col.month !== undefined) values.push(ms.value(col.month));
      else if (ms.sum) {
        const range = `${colLetter(col.quarter!.from)}${n}:${colLetter(col.quarter!.to)}${n}`;
        const result = r.months.reduce(
          (a, mo, i) => (quarterOf(mo) === col.quarter!.id ? a + (ms.value(i) ?? 0) : a),
          0,
        );
        values.push({ formula: `SUM(${range})`, result: round(result) });
      } else values.push(null);
    }
    if (ms.sum) {
      const formula = multi
        ? quarterCols.map((qc) => `${colLetter(qc)}${n}`).join('+')
        : `SUM(B${n}:${colLetter(totalCol - 1)}${n})`;
      values.push({ formula, result: round(r.months.reduce((a, _, i) => a + (ms.value(i) ?? 0), 0)) });
    } else values.push(null);
    ws.addRow(values);
    ws.getRow(n).numFmt = ms.fmt;
  }
  // Share of the assigned total, and growth over the prior year, as formulas.
  const shareValues: unknown[] = [L.share];
  const growthValues: unknown[] = [L.growth];
  const pyRow = hist ? rowOf(`${priorLabel}${unit}`) : 0;
  for (let cc = 2; cc <= totalCol; cc++) {
    const col = colLetter(cc);
    const t = (ws.getRow(targetRow).getCell(cc).value ?? 0) as number | { result?: number };
    const tv = typeof t === 'number' ? t : Number(t.result ?? 0);
    shareValues.push({
      formula: `IF($${last}$${targetRow}=0,0,${col}${targetRow}/$${last}$${targetRow})`,
      result: r.assignedTotal > 0 ? tv / r.assignedTotal : 0,
    });
    if (hist) {
      const p = ws.getRow(pyRow).getCell(cc).value as number | { result?: number } | null;
      const pv = p === null ? null : typeof p === 'number' ? p : Number(p.result ?? 0);
      growthValues.push(
        pv !== null && pv > 0
          ? { formula: `IF(${col}${pyRow}>0,${col}${targetRow}/${col}${pyRow}-1,"")`, result: tv / pv - 1 }
          : null,
      );
    }
  }
  ws.addRow(shareValues);
  ws.getRow(shareRow).numFmt = pctFmt;
  if (hist) {
    ws.addRow(growthValues);
    ws.getRow(shareRow + 1).numFmt = pctFmt;
  }
  styleHeader(ws, totalCol);
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  for (const qc of [...quarterCols, totalCol])
    for (let n = 1; n <= ws.rowCount; n++) {
      const cell = ws.getRow(n).getCell(qc);
      cell.font = { bold: true };
      if (n > 1) cell.fill = TOTAL_FILL;
    }
  fitColumns(ws, 10);
}

interface MonthColumn {
  label: string;
  month?: number;
  quarter?: { id: string; from: number; to: number };
}

/** The columns of the by-month sheet from B on: the months, a subtotal after each quarter (when several). */
function monthColumns(
  r: TargetsResult,
  subtotal: string,
): { multi: boolean; cols: MonthColumn[]; quarterCols: number[]; totalCol: number } {
  const multi = r.quarters.length > 1;
  const cols: MonthColumn[] = [];
  let c = 2;
  const quarterCols: number[] = [];
  for (const q of r.quarters) {
    const from = c;
    r.months.forEach((m, i) => {
      if (quarterOf(m) === q) {
        cols.push({ label: m, month: i });
        c++;
      }
    });
    if (multi) {
      cols.push({ label: `${q} ${subtotal}`, quarter: { id: q, from, to: c - 1 } });
      quarterCols.push(c);
      c++;
    }
  }
  return { multi, cols, quarterCols, totalCol: c };
}

/** 4. The top level × month matrix with row and column totals. */
function matrixSheet(wb: Workbook, { r, L, numFmt }: Sheets, top: OrgLevel): void {
  const ws = wb.addWorksheet(L.sheets.matrix(top));
  const M = r.months.length;
  ws.addRow([L.level[top], ...r.months, L.total]);
  const rows = r.org.filter((x) => x.level === top);
  const last = colLetter(M + 1);
  rows.forEach((row, i) => {
    const n = i + 2;
    ws.addRow([row.name, ...row.months, { formula: `SUM(B${n}:${last}${n})`, result: row.target }]);
  });
  const end = rows.length + 1;
  const totals: unknown[] = [L.total];
  for (let c = 2; c <= M + 2; c++) {
    const col = colLetter(c);
    const result = c <= M + 1 ? r.time.months[c - 2]!.target : r.assignedTotal;
    totals.push({ formula: `SUM(${col}2:${col}${end})`, result });
  }
  ws.addRow(totals);
  styleTotal(ws, end + 1, M + 2, true);
  for (let n = 2; n <= end; n++) ws.getRow(n).getCell(M + 2).font = { bold: true };
  styleHeader(ws, M + 2);
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  for (let c = 2; c <= M + 2; c++) ws.getColumn(c).numFmt = numFmt;
  fitColumns(ws, 10);
}

/** 5. Notes: the reserve, the methods, the rounding, the advice. */
function notesSheet(wb: Workbook, { r, L, lang, priorLabel, numFmt }: Sheets): void {
  const N = L.notes;
  const ws = wb.addWorksheet(L.sheets.notes);
  ws.addRow([N.item, N.value]);
  const fmt = (x: number) =>
    `${x.toLocaleString('en', { minimumFractionDigits: r.precision, maximumFractionDigits: r.precision })}${r.unit ? ` ${r.unit}` : ''}`;
  const pct = `${Number((r.reserve * 100).toFixed(2))}%`;
  const method = (m: string) => N.method[m] ?? m;
  const { colon, semicolon: semi } = catalogue(lang).punctuation;
  const rows: [string, string | number][] = [
    [N.period, r.period],
    [N.unit, r.unit ?? '—'],
    [N.companyTarget, r.companyTarget],
    [N.reserve, pct],
    [N.reserveAmount, r.reserveAmount],
    [N.assignedTotal, r.assignedTotal],
    ['', N.reserveStatement(pct, fmt(r.assignedTotal), fmt(r.companyTarget))],
    [
      N.time,
      `${L.quarter}${colon}${method(r.method.quarters)}${semi}${L.month}${colon}${method(r.method.months)}`,
    ],
    [
      N.org,
      r.levels.length > 0
        ? r.levels.map((l, i) => `${L.level[l]}${colon}${method(r.method.org[i] ?? 'even')}`).join(semi)
        : '—',
    ],
    [
      N.floors,
      r.method.floors
        ? r.time.months
            .filter((m) => (m.floor ?? 0) > 0)
            .map((m) => `${m.period} ≥ ${m.floor}`)
            .join(semi)
        : '—',
    ],
    [N.rounding, N.roundingText(r.precision)],
    [N.history, r.method.history ? N.historyYes : N.historyNo],
    ...(r.method.history ? ([[priorLabel, L.priorYear]] as [string, string][]) : []),
  ];
  for (const [k, v] of rows) ws.addRow([k, v]);
  for (const i of [3, 5, 6]) ws.getRow(i + 1).getCell(2).numFmt = numFmt;
  for (const note of r.notes) ws.addRow(['', note(lang)]);
  ws.addRow([]);
  const adviceRow = ws.addRow([N.advice, r.advice.length === 0 ? N.noAdvice : '']);
  adviceRow.font = { bold: true };
  for (const a of r.advice) ws.addRow([a.subject, a.message(lang)]);
  ws.addRow([]);
  ws.addRow(['', N.generated]).font = { italic: true, color: { argb: 'FF808080' } };
  styleHeader(ws, 2);
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 100;
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

/** Names come from the user's plan or history: text that a spreadsheet would take for a formula is neutralised. */
function neutraliseAll(wb: Workbook): void {
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = neutralise(cell.value);
      });
    });
  });
}
