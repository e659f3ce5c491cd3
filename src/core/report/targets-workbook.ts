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
import { ORG_LEVELS } from '../targets/plan.js';
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
  const byName = new Map(sheets.map((s) => [key(s.name), s]));
  const sheet = (name: string) => byName.get(key(name));
  const warnings: TargetsWarning[] = [];
  const warn = (s: GridSheet, cell: string, message: Text) => warnings.push({ sheet: s.name, cell, message });

  const fail = (s: GridSheet, cell: string | undefined, message: Text, hint?: Text) =>
    new InputError('report.targetsCell', message, {
      location: { file, sheet: s.name, ...(cell ? { cell } : {}) },
      ...(hint ? { hint } : {}),
    });

  /** A figure: a number, or a formula's stored number. Anything else stops the report with its cell. */
  const figure = (s: GridSheet, r: number, c: number): number => {
    const cell = s.rows[r]?.[c];
    const at = address(r, c);
    if (cell?.formula !== undefined && cell.computed === false)
      throw fail(s, at, say('uncomputed', { formula: cell.formula }), say('uncomputedHint'));
    const v = cell?.value ?? null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === null || (typeof v === 'string' && v.trim() === '')) throw fail(s, at, say('empty'));
    if (typeof v === 'string') throw fail(s, at, say('notNumber', { text: v }), say('notNumberHint'));
    if (typeof v === 'object' && !(v instanceof Date)) throw fail(s, at, say('error', { code: v.error }));
    throw fail(
      s,
      at,
      say('notNumber', { text: v instanceof Date ? v.toISOString().slice(0, 10) : String(v) }),
      say('notNumberHint'),
    );
  };
  /** A total's stored value, or null when it has none (a formula not computed, an empty cell). */
  const stored = (s: GridSheet, r: number, c: number): number | null => {
    const v = s.rows[r]?.[c]?.value;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const missing = (s: GridSheet, labels: string[], what: (w: Words) => string) =>
    fail(
      s,
      undefined,
      say('missingLabel', { labels: labels.map((l) => `"${l}"`).join(' / '), what: (w) => what(w) }),
      say('labelsHint'),
    );

  // -- The months: 按月 / 依月 / By month -------------------------------------------------------------------
  const monthSheet = sheet(found.byMonth)!;
  const headerRow = monthSheet.rows.findIndex((row) => (row ?? []).some((c) => monthOf(c) !== null));
  if (headerRow < 0) throw missing(monthSheet, ['2026-07'], (w) => w.what.months);
  const header = monthSheet.rows[headerRow] ?? [];
  const monthCols: { month: string; c: number }[] = [];
  header.forEach((cell, c) => {
    const month = monthOf(cell);
    if (month !== null) monthCols.push({ month, c });
  });
  const totals = new Set(anyOf((l) => l.total));
  const totalCol = header.findIndex((cell) => totals.has(key(textOf(cell) ?? '')));
  const rowLabelled = (s: GridSheet, from: number, test: (k: string) => boolean) => {
    for (let r = from; r < s.rows.length; r++) {
      const first = (s.rows[r] ?? []).map(textOf).find((t) => t !== null);
      if (first !== undefined && first !== null && test(key(first))) return r;
    }
    return -1;
  };
  const companyWords = anyOf((l) => l.companyTarget);
  const targetWords = anyOf((l) => l.target);
  const isCompany = (k: string) => companyWords.some((w) => k.startsWith(w));
  const isTarget = (k: string) => !isCompany(k) && targetWords.some((w) => k.startsWith(w));
  const companyRow = rowLabelled(monthSheet, headerRow + 1, isCompany);
  if (companyRow < 0) throw missing(monthSheet, [L.companyTarget], (w) => w.what.companyTarget);
  const targetRow = rowLabelled(monthSheet, headerRow + 1, isTarget);
  if (targetRow < 0) throw missing(monthSheet, [L.target], (w) => w.what.target);
  const months = monthCols.map(({ month, c }) => ({
    period: month,
    companyTarget: figure(monthSheet, companyRow, c),
    target: figure(monthSheet, targetRow, c),
  }));
  const companyTarget = sum(months.map((m) => m.companyTarget));
  const assignedTotal = sum(months.map((m) => m.target));
  const monthRange = (r: number) => span(monthCols.map(({ c }) => ({ r, c })));
  const monthsWord = (w: Words) => w.parts.months;
  if (totalCol >= 0)
    for (const [r, value] of [
      [companyRow, companyTarget],
      [targetRow, assignedTotal],
    ] as const) {
      const total = stored(monthSheet, r, totalCol);
      if (total !== null && !agree(total, value))
        warn(
          monthSheet,
          address(r, totalCol),
          say('totalDiffers', {
            total: fmt(total),
            parts: monthsWord,
            sum: fmt(value),
            range: monthRange(r),
          }),
        );
    }

  // -- The notes: 说明 / 說明 / Notes -----------------------------------------------------------------------
  const notesSheet = sheet(found.notes)!;
  /** The value beside a label of the notes (the first non-empty cell to its right). */
  const noteAt = (pick: (n: TargetLabels['notes']) => string): { r: number; c: number } | null => {
    const words = new Set(anyOf((l) => pick(l.notes)));
    for (let r = 0; r < notesSheet.rows.length; r++) {
      const row = notesSheet.rows[r] ?? [];
      const c = row.findIndex((cell) => words.has(key(textOf(cell) ?? '')));
      if (c < 0) continue;
      for (let v = c + 1; v < row.length; v++) {
        const cell = row[v];
        const blank =
          cell === undefined ||
          cell.value === null ||
          (typeof cell.value === 'string' && cell.value.trim() === '');
        if (!blank || cell?.formula !== undefined) return { r, c: v };
      }
      return { r, c: c + 1 };
    }
    return null;
  };
  const periodAt = noteAt((n) => n.period);
  if (!periodAt) throw missing(notesSheet, [L.notes.period], (w) => w.what.period);
  const periodText = textOf(notesSheet.rows[periodAt.r]?.[periodAt.c]) ?? '';
  const period = parsePeriod(periodText);
  if (!period)
    throw fail(notesSheet, address(periodAt.r, periodAt.c), say('badPeriod', { text: periodText }));
  const unitAt = noteAt((n) => n.unit);
  const unitText = unitAt ? textOf(notesSheet.rows[unitAt.r]?.[unitAt.c]) : null;
  const unit = unitText === null || unitText === '—' ? null : unitText;

  /** The notes' company target and assigned total: checked against the months, never used over them. */
  const noteFigure = (pick: (n: TargetLabels['notes']) => string) => {
    const at = noteAt(pick);
    return at && notesSheet.rows[at.r]?.[at.c] ? { value: figure(notesSheet, at.r, at.c), at } : null;
  };
  const statedCompany = noteFigure((n) => n.companyTarget);
  const statedAssigned = noteFigure((n) => n.assignedTotal);
  const statedReserveAmount = noteFigure((n) => n.reserveAmount);
  for (const [stated, value, r, item] of [
    [statedCompany, companyTarget, companyRow, (w: Words) => w.items.companyTarget],
    [statedAssigned, assignedTotal, targetRow, (w: Words) => w.items.assignedTotal],
  ] as const)
    if (stated && !agree(stated.value, value))
      warn(
        notesSheet,
        address(stated.at.r, stated.at.c),
        say('notesDiffers', {
          item,
          stated: fmt(stated.value),
          sum: fmt(value),
          sheet: monthSheet.name,
          range: monthRange(r),
        }),
      );
  const reserveAt = noteAt((n) => n.reserve);
  const reserveCell = reserveAt ? notesSheet.rows[reserveAt.r]?.[reserveAt.c] : undefined;
  const statedReserve = (() => {
    const v = reserveCell?.value;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(v) : null;
    return m ? Number(m[1]) / 100 : null;
  })();
  // The reserve the notes state holds while the totals are the ones written; after an edit it is what the
  // figures give (assigned ÷ company − 1), so the report's "assigned = company × (1 + reserve)" stays true.
  const asWritten =
    statedCompany !== null &&
    statedAssigned !== null &&
    agree(statedCompany.value, companyTarget) &&
    agree(statedAssigned.value, assignedTotal);
  const reserve =
    asWritten && statedReserve !== null
      ? statedReserve
      : companyTarget > 0
        ? clean(assignedTotal / companyTarget - 1)
        : 0;
  const reserveAmount =
    asWritten && statedReserveAmount !== null
      ? statedReserveAmount.value
      : clean(assignedTotal - companyTarget);

  // The SMART advice `salesmeet targets` gave: the rows under the advice label, until an empty row.
  const advice: { message: string }[] = [];
  const adviceAt = noteAt((n) => n.advice);
  if (adviceAt) {
    const none = new Set(anyOf((l) => l.notes.noAdvice));
    const own = textOf(notesSheet.rows[adviceAt.r]?.[adviceAt.c]);
    if (own === null || !none.has(key(own)))
      for (let r = adviceAt.r + 1; r < notesSheet.rows.length; r++) {
        const row = notesSheet.rows[r] ?? [];
        if (row.every((cell) => textOf(cell) === null)) break;
        const message = textOf(row[adviceAt.c]);
        if (message !== null) advice.push({ message });
      }
  }

  // -- The top organisation level: 按区域 / 依區域 / By region (or team, rep) ---------------------------------
  const levels = ORG_LEVELS.filter((l) => sheet(L.sheets.byLevel[l]) !== undefined);
  const top = levels[0];
  const org: TargetsDoc['org'] = [];
  const members = new Map<string, { target: number; at: string }>();
  let topSheet: GridSheet | undefined;
  if (top !== undefined) {
    topSheet = sheet(L.sheets.byLevel[top])!;
    const levelWords = new Set(anyOf((l) => l.level[top]));
    const ownerWords = new Set(anyOf((l) => l.owner));
    const subtotals = new Set(anyOf((l) => l.subtotal));
    const s = topSheet;
    const hr = s.rows.findIndex(
      (row) =>
        (row ?? []).some((c) => levelWords.has(key(textOf(c) ?? ''))) &&
        (row ?? []).some((c) => isTarget(key(textOf(c) ?? ''))),
    );
    if (hr < 0)
      throw missing(s, [L.level[top], L.target], (w) => interpolate(w.what.members, { level: w.level[top] }));
    const h = s.rows[hr] ?? [];
    const nameCol = h.findIndex((c) => levelWords.has(key(textOf(c) ?? '')));
    const targetCol = h.findIndex((c) => isTarget(key(textOf(c) ?? '')));
    const ownerCol = h.findIndex((c) => ownerWords.has(key(textOf(c) ?? '')));
    const cells: { r: number; c: number }[] = [];
    let totalRow = -1;
    for (let r = hr + 1; r < s.rows.length; r++) {
      const name = textOf(s.rows[r]?.[nameCol]);
      if (name === null || subtotals.has(key(name))) continue;
      if (totals.has(key(name))) {
        totalRow = r;
        break;
      }
      const target = figure(s, r, targetCol);
      const owner = ownerCol >= 0 ? textOf(s.rows[r]?.[ownerCol]) : null;
      org.push({ level: top, name: nameOf(name), target, share: 0, owner });
      members.set(nameOf(name), { target, at: address(r, targetCol) });
      cells.push({ r, c: targetCol });
    }
    const orgTotal = sum(org.map((o) => o.target));
    for (const o of org) o.share = orgTotal > 0 ? o.target / orgTotal : 0;
    const total = totalRow >= 0 ? stored(s, totalRow, targetCol) : null;
    const groups = (w: Words) => w.groups[top];
    if (total !== null && !agree(total, orgTotal))
      warn(
        s,
        address(totalRow, targetCol),
        say('totalDiffers', { total: fmt(total), parts: groups, sum: fmt(orgTotal), range: span(cells) }),
      );
    if (org.length > 0 && !agree(orgTotal, assignedTotal))
      warn(
        s,
        span(cells),
        say('orgVsMonths', {
          groups,
          org: fmt(orgTotal),
          range: span(cells),
          months: fmt(assignedTotal),
          sheet: monthSheet.name,
          monthRange: monthRange(targetRow),
          level: (w) => w.level[top],
        }),
      );
  }

  // -- The other copies: the top level × month matrix and the long table salesmeet kpi reads ------------------
  const byMonth = new Map(
    months.map((m, i) => [m.period, { target: m.target, at: address(targetRow, monthCols[i]!.c) }]),
  );
  const compare = (
    s: GridSheet,
    kpi: boolean,
    rows: { name: string | null; month: string; value: number; r: number; c: number }[],
  ) => {
    const group = <K extends string>(pick: (x: (typeof rows)[number]) => K | null) => {
      const out = new Map<K, { value: number; cells: { r: number; c: number }[] }>();
      for (const x of rows) {
        const k = pick(x);
        if (k === null) continue;
        const g = out.get(k) ?? { value: 0, cells: [] };
        g.value += x.value;
        g.cells.push({ r: x.r, c: x.c });
        out.set(k, g);
      }
      return out;
    };
    const check = (
      groups: Map<string, { value: number; cells: { r: number; c: number }[] }>,
      truth: Map<string, { target: number; at: string }>,
      truthSheet: GridSheet,
    ) => {
      for (const [name, g] of groups) {
        const t = truth.get(name);
        const at = span(g.cells);
        if (!t) warn(s, at, say('copyMissing', { name, sheet: truthSheet.name }));
        else if (!agree(clean(g.value), t.target))
          warn(
            s,
            at,
            say(kpi ? 'copyDiffersKpi' : 'copyDiffers', {
              name,
              found: fmt(clean(g.value)),
              expected: fmt(t.target),
              sheet: truthSheet.name,
              cell: t.at,
            }),
          );
      }
    };
    if (topSheet)
      check(
        group((x) => x.name),
        members,
        topSheet,
      );
    check(
      group((x) => x.month),
      byMonth,
      monthSheet,
    );
  };
  if (top !== undefined) {
    const matrix = sheet(L.sheets.matrix(top));
    if (matrix) {
      const levelWords = new Set(anyOf((l) => l.level[top]));
      const hr = matrix.rows.findIndex(
        (row) =>
          (row ?? []).some((c) => levelWords.has(key(textOf(c) ?? ''))) &&
          (row ?? []).some((c) => monthOf(c) !== null),
      );
      if (hr >= 0) {
        const h = matrix.rows[hr] ?? [];
        const nameCol = h.findIndex((c) => levelWords.has(key(textOf(c) ?? '')));
        const cols = h.flatMap((cell, c) => {
          const month = monthOf(cell);
          return month !== null ? [{ month, c }] : [];
        });
        const rows: Parameters<typeof compare>[2] = [];
        for (let r = hr + 1; r < matrix.rows.length; r++) {
          const name = textOf(matrix.rows[r]?.[nameCol]);
          if (name === null || totals.has(key(name))) continue;
          for (const { month, c } of cols)
            rows.push({ name: nameOf(name), month, value: figure(matrix, r, c), r, c });
        }
        compare(matrix, false, rows);
      }
    }
  }
  const long = sheet(L.sheets.long);
  if (long) {
    const monthWords = new Set(anyOf((l) => l.month));
    const levelWords = top !== undefined ? new Set(anyOf((l) => l.level[top])) : null;
    const hr = long.rows.findIndex(
      (row) =>
        (row ?? []).some((c) => monthWords.has(key(textOf(c) ?? ''))) &&
        (row ?? []).some((c) => isTarget(key(textOf(c) ?? ''))),
    );
    if (hr >= 0) {
      const h = long.rows[hr] ?? [];
      const monthCol = h.findIndex((c) => monthWords.has(key(textOf(c) ?? '')));
      const targetCol = h.findIndex((c) => isTarget(key(textOf(c) ?? '')));
      const nameCol = levelWords ? h.findIndex((c) => levelWords.has(key(textOf(c) ?? ''))) : -1;
      const rows: Parameters<typeof compare>[2] = [];
      for (let r = hr + 1; r < long.rows.length; r++) {
        const month = monthOf(long.rows[r]?.[monthCol]);
        if (month === null) continue;
        const name = nameCol >= 0 ? textOf(long.rows[r]?.[nameCol]) : null;
        rows.push({
          name: name === null ? null : nameOf(name),
          month,
          value: figure(long, r, targetCol),
          r,
          c: targetCol,
        });
      }
      compare(long, true, rows);
    }
  }

  const doc: TargetsDoc = {
    schema: 'salesmeet.targets/1',
    period: period.label,
    months: months.map((m) => m.period),
    unit,
    companyTarget,
    reserve,
    reserveAmount,
    assignedTotal,
    levels,
    time: {
      months: months.map((m) => ({
        ...m,
        share: assignedTotal > 0 ? m.target / assignedTotal : 0,
      })),
    },
    org,
    advice,
  };
  return { doc, warnings };
}
