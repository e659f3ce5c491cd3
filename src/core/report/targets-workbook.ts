/**
 * The workbook `salesmeet targets --out targets.xlsx` writes, read back for the report's part two
 * (`report --targets targets.xlsx`), after a sales manager may have edited it in Excel, WPS or LibreOffice.
 *
 * The figures come from the visible cells a person edits, found by the sheets' names and the cells' labels in
 * zh-CN, zh-TW or en (rows and columns may be inserted or moved), never from a hidden copy:
 * - the months (company target and assigned target of each month) from the by-month sheet (按月 / 依月 / By month);
 * - the top organisation level (name, target, owner) from its sheet (按区域 / 依區域 / By region, or by team, rep);
 * - the period, the unit, the reserve and the SMART advice from the notes sheet (说明 / 說明 / Notes).
 * Totals are the sums of these details. Every other copy of a figure — a total cell, the notes' company target
 * and assigned total, the region × month matrix, the long table `salesmeet kpi` reads — is checked against
 * them, and each difference is a warning naming its sheet and cell, the two figures and which one the report
 * uses: an edit is never lost and a stale copy never silently used.
 * A detail that is a formula uses its stored result; one without (a file saved by a program that does not
 * calculate) is refused with its cell. A total without a stored result needs nothing: the sum is computed here.
 */
import { catalogue } from '../../i18n/index.js';
import { InputError } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import { interpolate, type Text } from '../i18n/messages.js';
import { type CellValue, colName } from '../kpi/values.js';
import { type TargetLabels, targetLabels } from '../targets/messages.js';
import { parsePeriod } from '../targets/period.js';
import { ORG_LEVELS, type OrgLevel } from '../targets/plan.js';
import type { TargetsDoc } from './targets.js';

/** One cell of a workbook: its value (a formula's stored result), and the formula when it is one. */
export interface GridCell {
  value: CellValue;
  /** The formula without its `=`, when the cell holds one. */
  formula?: string;
  /** False for a formula whose result was not stored (its value is then null). */
  computed?: boolean;
}

/** A sheet as a grid: rows and columns from 0 (A1 is rows[0][0]). */
export interface GridSheet {
  name: string;
  rows: (GridCell | undefined)[][];
}

/** A difference between two copies of a figure: where, and what it says. */
export interface TargetsWarning {
  sheet: string;
  cell: string;
  message: Text;
}

type Words = ReturnType<typeof catalogue>['report']['targetsFile'];
type StringKey = { [K in keyof Words]: Words[K] extends string ? K : never }[keyof Words];
type Params = Record<string, string | number | ((w: Words, lang: Lang) => string)>;

/** A message of the catalogue whose parameters may themselves depend on the language. */
const say =
  (key: StringKey, params: Params = {}): Text =>
  (lang) => {
    const w = catalogue(lang).report.targetsFile;
    const p = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'function' ? v(w, lang) : v]),
    );
    return interpolate(w[key], p);
  };

const LANGS: Lang[] = ['zh-CN', 'zh-TW', 'en'];
const LABELS: TargetLabels[] = LANGS.map(targetLabels);

/** Labels compare without case, width (（ and ( alike) or surrounding space. */
const key = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const anyOf = (pick: (l: TargetLabels) => string) => [...new Set(LABELS.map((l) => key(pick(l))))];

const address = (r: number, c: number) => `${colName(c)}${r + 1}`;

/** The cells of one row or column as a range: `B3:G3` when they are next to each other, else `B3, …, H3`. */
function span(cells: { r: number; c: number }[]): string {
  if (cells.length === 0) return '';
  const first = cells[0]!;
  const last = cells.at(-1)!;
  if (cells.length === 1) return address(first.r, first.c);
  const contiguous = cells.every(
    (x, i) =>
      i === 0 ||
      (x.r === cells[i - 1]!.r && x.c === cells[i - 1]!.c + 1) ||
      (x.c === cells[i - 1]!.c && x.r === cells[i - 1]!.r + 1),
  );
  return contiguous
    ? `${address(first.r, first.c)}:${address(last.r, last.c)}`
    : `${address(first.r, first.c)}, …, ${address(last.r, last.c)}`;
}

/** Figures in messages: grouped digits, the decimals they have. */
const fmt = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 4 });

/** Sums without the float dust of decimal figures (79.2 + 79.2 + 105.6 is 264, not 264.00000000000006). */
const clean = (x: number) => Number(x.toFixed(6));
const sum = (xs: number[]) => clean(xs.reduce((a, b) => a + b, 0));
const agree = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** A text a person reads in a cell (numbers too, for names like a team "1"); null when empty. */
function textOf(cell: GridCell | undefined): string | null {
  const v = cell?.value;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

/** A cell that holds something: a value (not blank text) or a formula. */
const filled = (cell: GridCell | undefined) =>
  cell !== undefined &&
  (cell.formula !== undefined ||
    (cell.value !== null && !(typeof cell.value === 'string' && cell.value.trim() === '')));

/** A name as `salesmeet targets` wrote it: the apostrophe that kept `=…` from being a formula is taken off. */
const nameOf = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** `2026-07` (text) or a date (a header Excel turned into one) → `2026-07`; else null. */
function monthOf(cell: GridCell | undefined): string | null {
  const v = cell?.value;
  if (typeof v === 'string') {
    const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(v);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  }
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
  return null;
}

/** The sheets of a targets workbook, found by their names in one of the three languages. */
export interface TargetsSheetNames {
  lang: Lang;
  byMonth: string;
  notes: string;
}

/** The language whose by-month and notes sheets the workbook has; null when it is not a targets workbook. */
export function targetsSheetsOf(names: string[]): TargetsSheetNames | null {
  const have = new Map(names.map((n) => [key(n), n]));
  for (const [i, L] of LABELS.entries()) {
    const byMonth = have.get(key(L.sheets.byMonth));
    const notes = have.get(key(L.sheets.notes));
    if (byMonth !== undefined && notes !== undefined) return { lang: LANGS[i]!, byMonth, notes };
  }
  return null;
}

/** Exit 3 for a workbook that is not one `salesmeet targets` wrote: the sheets expected and those found. */
export function notTargetsWorkbook(file: string, names: string[]): InputError {
  const expected = LABELS.map((L) => `${L.sheets.byMonth} + ${L.sheets.notes}`).join(' | ');
  return new InputError(
    'report.notTargetsWorkbook',
    say('notWorkbook', { expected, found: names.length > 0 ? names.join(', ') : '—' }),
    { location: { file }, hint: say('notWorkbookHint') },
  );
}

/** A figure the report uses, and the cell it came from (for the messages about its copies). */
interface Figure {
  value: number;
  at: string;
}

/** Labels of every language, as compared. */
const WORDS = {
  total: new Set(anyOf((l) => l.total)),
  subtotal: new Set(anyOf((l) => l.subtotal)),
  month: new Set(anyOf((l) => l.month)),
  owner: new Set(anyOf((l) => l.owner)),
  company: anyOf((l) => l.companyTarget),
  target: anyOf((l) => l.target),
};
const labelOf = (cell: GridCell | undefined) => key(textOf(cell) ?? '');
/** `公司目标(万元)`, `Company target ($K)`: a label with or without its unit. */
const isCompany = (k: string) => WORDS.company.some((w) => k.startsWith(w));
/** `目标值(万元)`, `Target ($K)` (and not the company target). */
const isTarget = (k: string) => !isCompany(k) && WORDS.target.some((w) => k.startsWith(w));
const levelWords = (level: OrgLevel) => new Set(anyOf((l) => l.level[level]));
/** The first row with, for each test, a cell that passes it; -1 when none has. */
const rowWith = (s: GridSheet, ...tests: ((cell: GridCell | undefined) => boolean)[]) =>
  s.rows.findIndex((row) => tests.every((t) => (row ?? []).some(t)));

/** One reading of a workbook: its file and language, the sheets by name, the warnings so far. */
class Reader {
  readonly warnings: TargetsWarning[] = [];
  private readonly byName: Map<string, GridSheet>;

  constructor(
    readonly file: string,
    readonly L: TargetLabels,
    sheets: GridSheet[],
  ) {
    this.byName = new Map(sheets.map((s) => [key(s.name), s]));
  }

  sheet(name: string): GridSheet | undefined {
    return this.byName.get(key(name));
  }

  warn(s: GridSheet, cell: string, message: Text): void {
    this.warnings.push({ sheet: s.name, cell, message });
  }

  fail(s: GridSheet, cell: string | undefined, message: Text, hint?: Text): InputError {
    return new InputError('report.targetsCell', message, {
      location: { file: this.file, sheet: s.name, ...(cell ? { cell } : {}) },
      ...(hint ? { hint } : {}),
    });
  }

  /** No label found where one is needed. */
  missing(s: GridSheet, labels: string[], what: (w: Words) => string): InputError {
    return this.fail(
      s,
      undefined,
      say('missingLabel', { labels: labels.map((l) => `"${l}"`).join(' / '), what }),
      say('labelsHint'),
    );
  }

  /** A figure: a number, or a formula's stored number. Anything else stops the report with its cell. */
  figure(s: GridSheet, r: number, c: number): number {
    const cell = s.rows[r]?.[c];
    const at = address(r, c);
    if (cell?.formula !== undefined && cell.computed === false)
      throw this.fail(s, at, say('uncomputed', { formula: cell.formula }), say('uncomputedHint'));
    const v = cell?.value ?? null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === null || (typeof v === 'string' && v.trim() === '')) throw this.fail(s, at, say('empty'));
    if (typeof v === 'object' && !(v instanceof Date))
      throw this.fail(s, at, say('error', { code: v.error }));
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    throw this.fail(s, at, say('notNumber', { text }), say('notNumberHint'));
  }

  /** A total's stored value, or null when it has none (a formula not computed, an empty cell). */
  stored(s: GridSheet, r: number, c: number): number | null {
    const v = s.rows[r]?.[c]?.value;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  /** A total cell checked against the sum of its parts. */
  checkTotal(s: GridSheet, r: number, c: number, parts: (w: Words) => string, value: number, range: string) {
    const total = r >= 0 && c >= 0 ? this.stored(s, r, c) : null;
    if (total !== null && !agree(total, value))
      this.warn(s, address(r, c), say('totalDiffers', { total: fmt(total), parts, sum: fmt(value), range }));
  }
}

/** The months of 按月 / 依月 / By month: the company target and the assigned target of each. */
interface Months {
  sheet: GridSheet;
  rows: { period: string; companyTarget: number; target: number }[];
  companyTarget: number;
  assignedTotal: number;
  /** Each month's assigned target with its cell. */
  byMonth: Map<string, Figure>;
  /** The month cells of the company row and of the target row, as a range. */
  companyRange: string;
  targetRange: string;
}

function readMonths(x: Reader, s: GridSheet): Months {
  const headerRow = rowWith(s, (c) => monthOf(c) !== null);
  if (headerRow < 0) throw x.missing(s, ['2026-07'], (w) => w.what.months);
  const header = s.rows[headerRow] ?? [];
  const cols = header.flatMap((cell, c) => {
    const month = monthOf(cell);
    return month !== null ? [{ month, c }] : [];
  });
  /** The row whose label (its first text) passes the test. */
  const labelled = (test: (k: string) => boolean) =>
    s.rows.findIndex((row, r) => {
      const first = (row ?? []).map(textOf).find((t) => t !== null);
      return r > headerRow && first != null && test(key(first));
    });
  const companyRow = labelled(isCompany);
  if (companyRow < 0) throw x.missing(s, [x.L.companyTarget], (w) => w.what.companyTarget);
  const targetRow = labelled(isTarget);
  if (targetRow < 0) throw x.missing(s, [x.L.target], (w) => w.what.target);
  const rows = cols.map(({ month, c }) => ({
    period: month,
    companyTarget: x.figure(s, companyRow, c),
    target: x.figure(s, targetRow, c),
  }));
  const range = (r: number) => span(cols.map(({ c }) => ({ r, c })));
  const m: Months = {
    sheet: s,
    rows,
    companyTarget: sum(rows.map((m) => m.companyTarget)),
    assignedTotal: sum(rows.map((m) => m.target)),
    byMonth: new Map(rows.map((m, i) => [m.period, { value: m.target, at: address(targetRow, cols[i]!.c) }])),
    companyRange: range(companyRow),
    targetRange: range(targetRow),
  };
  const totalCol = header.findIndex((cell) => WORDS.total.has(labelOf(cell)));
  const months = (w: Words) => w.parts.months;
  x.checkTotal(s, companyRow, totalCol, months, m.companyTarget, m.companyRange);
  x.checkTotal(s, targetRow, totalCol, months, m.assignedTotal, m.targetRange);
  return m;
}

/** What 说明 / 說明 / Notes states: period and unit, the reserve, the advice. */
interface Notes {
  period: string;
  unit: string | null;
  reserve: number;
  reserveAmount: number;
  advice: { message: string }[];
}

function readNotes(x: Reader, s: GridSheet, m: Months): Notes {
  /** The value beside a label (the first non-empty cell to its right). */
  const beside = (pick: (n: TargetLabels['notes']) => string): { r: number; c: number } | null => {
    const words = new Set(anyOf((l) => pick(l.notes)));
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r] ?? [];
      const c = row.findIndex((cell) => words.has(labelOf(cell)));
      if (c < 0) continue;
      const v = row.findIndex((cell, i) => i > c && filled(cell));
      return { r, c: v < 0 ? c + 1 : v };
    }
    return null;
  };
  const cellAt = (at: { r: number; c: number } | null) => (at ? s.rows[at.r]?.[at.c] : undefined);

  const periodAt = beside((n) => n.period);
  if (!periodAt) throw x.missing(s, [x.L.notes.period], (w) => w.what.period);
  const periodText = textOf(cellAt(periodAt)) ?? '';
  const period = parsePeriod(periodText);
  if (!period) throw x.fail(s, address(periodAt.r, periodAt.c), say('badPeriod', { text: periodText }));
  const unitText = textOf(cellAt(beside((n) => n.unit)));

  /** A figure the notes state: checked against the months, never used over them. */
  const stated = (pick: (n: TargetLabels['notes']) => string): Figure | null => {
    const at = beside(pick);
    return at && cellAt(at) ? { value: x.figure(s, at.r, at.c), at: address(at.r, at.c) } : null;
  };
  const company = stated((n) => n.companyTarget);
  const assigned = stated((n) => n.assignedTotal);
  const reserveAmount = stated((n) => n.reserveAmount);
  for (const [f, value, range, item] of [
    [company, m.companyTarget, m.companyRange, (w: Words) => w.items.companyTarget],
    [assigned, m.assignedTotal, m.targetRange, (w: Words) => w.items.assignedTotal],
  ] as const)
    if (f && !agree(f.value, value))
      x.warn(
        s,
        f.at,
        say('notesDiffers', { item, stated: fmt(f.value), sum: fmt(value), sheet: m.sheet.name, range }),
      );
  const reserveValue = cellAt(beside((n) => n.reserve))?.value;
  const pct = typeof reserveValue === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(reserveValue) : null;
  const reserve =
    typeof reserveValue === 'number' && Number.isFinite(reserveValue)
      ? reserveValue
      : pct
        ? Number(pct[1]) / 100
        : null;
  // The reserve the notes state holds while the totals are the ones written; after an edit it is what the
  // figures give (assigned ÷ company − 1), so the report's "assigned = company × (1 + reserve)" stays true.
  const asWritten =
    company !== null &&
    assigned !== null &&
    agree(company.value, m.companyTarget) &&
    agree(assigned.value, m.assignedTotal);

  // The SMART advice `salesmeet targets` gave: the rows under the advice label, until an empty row.
  const advice: { message: string }[] = [];
  const adviceAt = beside((n) => n.advice);
  const none = new Set(anyOf((l) => l.notes.noAdvice));
  if (adviceAt && !none.has(labelOf(cellAt(adviceAt))))
    for (const row of s.rows.slice(adviceAt.r + 1)) {
      if ((row ?? []).every((cell) => textOf(cell) === null)) break;
      const message = textOf(row?.[adviceAt.c]);
      if (message !== null) advice.push({ message });
    }

  return {
    period: period.label,
    unit: unitText === null || unitText === '—' ? null : unitText,
    reserve:
      asWritten && reserve !== null
        ? reserve
        : m.companyTarget > 0
          ? clean(m.assignedTotal / m.companyTarget - 1)
          : 0,
    reserveAmount:
      asWritten && reserveAmount !== null ? reserveAmount.value : clean(m.assignedTotal - m.companyTarget),
    advice,
  };
}

/** The top organisation level: its members with target and owner, and each member's figure with its cell. */
interface TopLevel {
  level: OrgLevel;
  sheet: GridSheet;
  org: TargetsDoc['org'];
  members: Map<string, Figure>;
}

function readTopLevel(x: Reader, s: GridSheet, level: OrgLevel, m: Months): TopLevel {
  const names = levelWords(level);
  const hr = rowWith(
    s,
    (c) => names.has(labelOf(c)),
    (c) => isTarget(labelOf(c)),
  );
  if (hr < 0)
    throw x.missing(s, [x.L.level[level], x.L.target], (w) =>
      interpolate(w.what.members, { level: w.level[level] }),
    );
  const h = s.rows[hr] ?? [];
  const nameCol = h.findIndex((c) => names.has(labelOf(c)));
  const targetCol = h.findIndex((c) => isTarget(labelOf(c)));
  const ownerCol = h.findIndex((c) => WORDS.owner.has(labelOf(c)));
  const org: TargetsDoc['org'] = [];
  const members = new Map<string, Figure>();
  const cells: { r: number; c: number }[] = [];
  let totalRow = -1;
  for (let r = hr + 1; r < s.rows.length; r++) {
    const text = textOf(s.rows[r]?.[nameCol]);
    if (text === null || WORDS.subtotal.has(key(text))) continue;
    if (WORDS.total.has(key(text))) {
      totalRow = r;
      break;
    }
    const name = nameOf(text);
    const target = x.figure(s, r, targetCol);
    org.push({ level, name, target, share: 0, owner: ownerCol >= 0 ? textOf(s.rows[r]?.[ownerCol]) : null });
    members.set(name, { value: target, at: address(r, targetCol) });
    cells.push({ r, c: targetCol });
  }
  const total = sum(org.map((o) => o.target));
  for (const o of org) o.share = total > 0 ? o.target / total : 0;
  const groups = (w: Words) => w.groups[level];
  x.checkTotal(s, totalRow, targetCol, groups, total, span(cells));
  if (org.length > 0 && !agree(total, m.assignedTotal))
    x.warn(
      s,
      span(cells),
      say('orgVsMonths', {
        groups,
        org: fmt(total),
        range: span(cells),
        months: fmt(m.assignedTotal),
        sheet: m.sheet.name,
        monthRange: m.targetRange,
        level: (w) => w.level[level],
      }),
    );
  return { level, sheet: s, org, members };
}

/** One figure of a copy: a member's (or the company's) target in a month, and its cell. */
interface CopyCell {
  name: string | null;
  month: string;
  value: number;
  r: number;
  c: number;
}

/** The top level × month matrix (区域×月份): one row per member, one column per month. */
function matrixCells(x: Reader, s: GridSheet, level: OrgLevel): CopyCell[] {
  const names = levelWords(level);
  const hr = rowWith(
    s,
    (c) => names.has(labelOf(c)),
    (c) => monthOf(c) !== null,
  );
  if (hr < 0) return [];
  const h = s.rows[hr] ?? [];
  const nameCol = h.findIndex((c) => names.has(labelOf(c)));
  const cols = h.flatMap((cell, c) => {
    const month = monthOf(cell);
    return month !== null ? [{ month, c }] : [];
  });
  const out: CopyCell[] = [];
  for (let r = hr + 1; r < s.rows.length; r++) {
    const name = textOf(s.rows[r]?.[nameCol]);
    if (name === null || WORDS.total.has(key(name))) continue;
    for (const { month, c } of cols) out.push({ name: nameOf(name), month, value: x.figure(s, r, c), r, c });
  }
  return out;
}

/** The long table `salesmeet kpi` reads (目标明细): one row per leaf × month. */
function longCells(x: Reader, s: GridSheet, level: OrgLevel | undefined): CopyCell[] {
  const hr = rowWith(
    s,
    (c) => WORDS.month.has(labelOf(c)),
    (c) => isTarget(labelOf(c)),
  );
  if (hr < 0) return [];
  const h = s.rows[hr] ?? [];
  const monthCol = h.findIndex((c) => WORDS.month.has(labelOf(c)));
  const targetCol = h.findIndex((c) => isTarget(labelOf(c)));
  const names = level !== undefined ? levelWords(level) : null;
  const nameCol = names ? h.findIndex((c) => names.has(labelOf(c))) : -1;
  const out: CopyCell[] = [];
  for (let r = hr + 1; r < s.rows.length; r++) {
    const month = monthOf(s.rows[r]?.[monthCol]);
    if (month === null) continue;
    const name = nameCol >= 0 ? textOf(s.rows[r]?.[nameCol]) : null;
    out.push({
      name: name === null ? null : nameOf(name),
      month,
      value: x.figure(s, r, targetCol),
      r,
      c: targetCol,
    });
  }
  return out;
}

/** A copy's sums by member and by month, checked against the figures the report uses. */
function checkCopy(
  x: Reader,
  s: GridSheet,
  kpi: boolean,
  cells: CopyCell[],
  m: Months,
  top: TopLevel | null,
) {
  const check = (by: (c: CopyCell) => string | null, truth: Map<string, Figure>, truthSheet: GridSheet) => {
    const groups = new Map<string, { value: number; cells: { r: number; c: number }[] }>();
    for (const c of cells) {
      const k = by(c);
      if (k === null) continue;
      const g = groups.get(k) ?? { value: 0, cells: [] };
      g.value += c.value;
      g.cells.push(c);
      groups.set(k, g);
    }
    for (const [name, g] of groups) {
      const t = truth.get(name);
      const at = span(g.cells);
      if (!t) x.warn(s, at, say('copyMissing', { name, sheet: truthSheet.name }));
      else if (!agree(clean(g.value), t.value))
        x.warn(
          s,
          at,
          say(kpi ? 'copyDiffersKpi' : 'copyDiffers', {
            name,
            found: fmt(clean(g.value)),
            expected: fmt(t.value),
            sheet: truthSheet.name,
            cell: t.at,
          }),
        );
    }
  };
  if (top) check((c) => c.name, top.members, top.sheet);
  check((c) => c.month, m.byMonth, m.sheet);
}

/** Reads the workbook's grid; throws InputError (exit 3) with the file, sheet and cell of a problem. */
export function targetsFromWorkbook(
  sheets: GridSheet[],
  file: string,
): { doc: TargetsDoc; warnings: TargetsWarning[] } {
  const found = targetsSheetsOf(sheets.map((s) => s.name));
  if (!found)
    throw notTargetsWorkbook(
      file,
      sheets.map((s) => s.name),
    );
  const L = targetLabels(found.lang);
  const x = new Reader(file, L, sheets);
  const months = readMonths(x, x.sheet(found.byMonth)!);
  const notes = readNotes(x, x.sheet(found.notes)!, months);
  const levels = ORG_LEVELS.filter((l) => x.sheet(L.sheets.byLevel[l]) !== undefined);
  const level = levels[0];
  const top = level !== undefined ? readTopLevel(x, x.sheet(L.sheets.byLevel[level])!, level, months) : null;
  // The other copies: the top level × month matrix, and the long table salesmeet kpi reads.
  const matrix = level !== undefined ? x.sheet(L.sheets.matrix(level)) : undefined;
  if (matrix && level !== undefined) checkCopy(x, matrix, false, matrixCells(x, matrix, level), months, top);
  const long = x.sheet(L.sheets.long);
  if (long) checkCopy(x, long, true, longCells(x, long, level), months, top);

  const doc: TargetsDoc = {
    schema: 'salesmeet.targets/1',
    period: notes.period,
    months: months.rows.map((r) => r.period),
    unit: notes.unit,
    companyTarget: months.companyTarget,
    reserve: notes.reserve,
    reserveAmount: notes.reserveAmount,
    assignedTotal: months.assignedTotal,
    levels,
    time: {
      months: months.rows.map((r) => ({
        ...r,
        share: months.assignedTotal > 0 ? r.target / months.assignedTotal : 0,
      })),
    },
    org: top?.org ?? [],
    advice: notes.advice,
  };
  return { doc, warnings: x.warnings };
}
