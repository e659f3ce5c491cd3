/**
 * Cell values as the Excel reader hands them over (already normalised from exceljs's many shapes), and
 * their meaning: numbers (percent text, percent formats, `(%)` headers, currency text), dates and months.
 */
import { dayOf, dayOfDate, isoOfDay, parsePeriod } from './period.js';

export interface CellError {
  error: string;
}
export type CellValue = null | number | string | boolean | Date | CellError;

export interface Cell {
  v: CellValue;
  /** The number format, when it matters (percent, date). */
  fmt?: string | undefined;
  /**
   * For a text from the workbook's shared-strings table, its index there (the fast reader sets it; -1 or
   * absent otherwise): the same index is the same text, so a verdict about a text can be kept per index.
   */
  si?: number | undefined;
}

/** One sheet row: 1-based row number, cells by 0-based column index. */
export interface SheetRow {
  n: number;
  cells: (Cell | undefined)[];
  /**
   * The fast reader's view of the same cells without a Cell object per cell (`cells` is then built on first
   * read): what a detail row's plain numbers, shared strings and dates hold, by column.
   */
  plain?: PlainCells;
}

/** `PlainCells.kind`: no cell (or a cell that reads empty). */
export const P_NONE = 0;
/** A number without a percent or date format: `num` is its value. */
export const P_NUMBER = 1;
/** A text from the shared-strings table: `si` is its index there, `shared[si]` its text (never null). */
export const P_SHARED = 2;
/** A date-formatted number: `num` is the Excel serial (`serialDay` gives its day). */
export const P_SERIAL = 3;
/** Anything else (inline text, a percent, an error, a boolean, a formula): read `cells`. */
export const P_CELL = 4;

/** A row's cells as kinds and numbers (see SheetRow.plain); reused row after row, like the row itself. */
export interface PlainCells {
  /** Per column below `width`: P_NONE … P_CELL. */
  readonly kind: Uint8Array;
  /** P_NUMBER: the value; P_SERIAL: the serial. */
  readonly num: Float64Array;
  /** P_SHARED: the index in `shared` (an integer array, so that using it as an index costs nothing). */
  readonly si: Int32Array;
  /** Columns in the row: `cells.length`. */
  readonly width: number;
  readonly shared: readonly (string | null)[];
  /** The workbook counts days from 1904 (`serialDay`). */
  readonly date1904: boolean;
}

/** The Date the reader makes of a date cell's serial (to the millisecond); null when it is no valid date. */
export function serialDate(serial: number, date1904: boolean): Date | null {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The day number of a date cell's serial, exactly as the day of the Date the reader would make of it (the
 * serial to the millisecond, then the day it falls in).
 */
export function serialDay(serial: number, date1904: boolean): number {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  if (Number.isInteger(days)) return days;
  return Math.floor(Math.round(days * 86_400_000) / 86_400_000);
}

export function isError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** Column letters for a 0-based index: 0 → A, 26 → AA. */
export function colName(index: number): string {
  let s = '';
  let i = index + 1;
  while (i > 0) {
    const r = (i - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    i = Math.floor((i - 1) / 26);
  }
  return s;
}

export function cellText(c: Cell | undefined): string {
  if (!c || c.v === null) return '';
  const v = c.v;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoOfDay(dayOfDate(v));
  return v.error;
}

export type NumberResult =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'bad'; found: string };

const BLANK_TEXT = new Set([
  '',
  '-',
  '—',
  '–',
  '--',
  '/',
  'n/a',
  'na',
  'N/A',
  '#N/A',
  '无',
  '無',
  '暂无',
  'null',
]);

/**
 * Reads a number cell. `percentColumn`: the header says `(%)`, so 5.3 means 5.3%. `ratio`: the metric is a
 * ratio, so a bare number above 2 under an un-labelled header is read as a percent number (85 → 85%).
 * Returns fractions for percentages.
 */
export function readNumber(c: Cell | undefined, percentColumn: boolean, ratio: boolean): NumberResult {
  if (!c || c.v === null) return { kind: 'blank' };
  const v = c.v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'bad', found: String(v) };
    if (c.fmt?.includes('%')) return { kind: 'number', value: v };
    if (percentColumn) return { kind: 'number', value: v / 100 };
    if (ratio && Math.abs(v) > 2) return { kind: 'number', value: v / 100 };
    return { kind: 'number', value: v };
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (BLANK_TEXT.has(t) || BLANK_TEXT.has(t.toLowerCase())) return { kind: 'blank' };
    const parsed = parseNumberText(t);
    if (parsed === undefined) return { kind: 'bad', found: t.length > 40 ? `${t.slice(0, 40)}…` : t };
    if (parsed.percent) return { kind: 'number', value: parsed.value / 100 };
    if (percentColumn) return { kind: 'number', value: parsed.value / 100 };
    if (ratio && Math.abs(parsed.value) > 2) return { kind: 'number', value: parsed.value / 100 };
    return { kind: 'number', value: parsed.value };
  }
  if (typeof v === 'boolean') return { kind: 'bad', found: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { kind: 'bad', found: isoOfDay(dayOfDate(v)) };
  return { kind: 'bad', found: v.error };
}

/** `92%`, `92.0 %`, `92％`, `1,234.5`, `¥1,234`, `$1.2K`? (no), `(1,234)`, `−3.5`, `12 万元`. */
export function parseNumberText(text: string): { value: number; percent: boolean } | undefined {
  let t = text
    .replace(/\s+/g, '')
    .replace(/[−–﹣－]/g, '-')
    .replace(/，/g, ',')
    .replace(/．/g, '.');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!;
  }
  let percent = false;
  if (/[%％]$/.test(t)) {
    percent = true;
    t = t.slice(0, -1);
  }
  t = t
    .replace(/^(RMB|CNY|NT\$|US\$|USD|TWD|HK\$|[¥￥$€£])/i, '')
    .replace(/(元|万元|萬元|个|家|人|天|RMB|CNY|USD)$/i, '');
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/.test(t)) return undefined;
  const value = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return { value: negative ? -value : value, percent };
}

/** A day, or a span named by a period label (`2026-04`, `2026-W27`, `2026-Q2`). */
export type When = { kind: 'day'; day: number } | { kind: 'month'; month: string };

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): When | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const day = dayOf(y, m, d);
  return isoOfDay(day) === `${y}-${pad(m)}-${pad(d)}` ? { kind: 'day', day } : undefined;
}

function validMonth(y: number, m: number): When | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12) return undefined;
  return { kind: 'month', month: `${y}-${pad(m)}` };
}

/** Excel 1900 serial → day number (serial 60 is the phantom 1900-02-29; 61+ are exact). */
export function serialToDay(serial: number): number {
  return Math.floor(serial) - 25569;
}

/** Reads a date or month cell: Date cells, Excel serials, `2026-04`, `2026/04`, `2026年4月`, `Apr 2026`, `20260415`. */
export function readWhen(c: Cell | undefined): When | undefined {
  if (!c || c.v === null) return undefined;
  const v = c.v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : { kind: 'day', day: dayOfDate(v) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    if (v >= 1990 && v <= 2100 && Number.isInteger(v)) return { kind: 'month', month: String(v) };
    if (v >= 190001 && v <= 220012 && Number.isInteger(v)) return validMonth(Math.floor(v / 100), v % 100);
    if (v >= 19000101 && v <= 22001231 && Number.isInteger(v))
      return validDay(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    if (v >= 61 && v < 110000) return { kind: 'day', day: serialToDay(v) };
    return undefined;
  }
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  let mm = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(t);
  if (mm) return validDay(Number(mm[1]), Number(mm[2]), Number(mm[3]));
  mm = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(份)?$/.exec(t);
  if (mm) return validMonth(Number(mm[1]), Number(mm[2]));
  const span = parsePeriod(t.replace(/\s+/g, ''));
  if (span && span.kind !== 'month') return { kind: 'month', month: span.label };
  mm = /^(\d{4})(\d{2})$/.exec(t);
  if (mm) return validMonth(Number(mm[1]), Number(mm[2]));
  mm = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (mm) return validDay(Number(mm[1]), Number(mm[2]), Number(mm[3]));
  mm = /^([A-Za-z]{3,9})\.?[\s\-,]*(\d{4})$/.exec(t);
  if (mm) {
    const i = MONTHS_EN.indexOf(mm[1]!.slice(0, 3).toLowerCase());
    if (i >= 0) return validMonth(Number(mm[2]), i + 1);
  }
  mm = /^(\d{4})[\s\-,]*([A-Za-z]{3,9})\.?$/.exec(t);
  if (mm) {
    const i = MONTHS_EN.indexOf(mm[2]!.slice(0, 3).toLowerCase());
    if (i >= 0) return validMonth(Number(mm[1]), i + 1);
  }
  mm = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (mm) return validDay(Number(mm[3]), Number(mm[1]), Number(mm[2]));
  if (/^\d+(\.\d+)?$/.test(t)) return readWhen({ v: Number(t) });
  return undefined;
}
