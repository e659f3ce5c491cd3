/**
 * Periods (year, half, quarter, month, ISO week) as inclusive day ranges, and plain-date arithmetic on day
 * numbers (days since 1970-01-01, UTC), so no time zone can move a date.
 */

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'week';

export interface Period {
  kind: PeriodKind;
  label: string;
  /** Inclusive day numbers. */
  start: number;
  end: number;
}

const DAY = 86_400_000;

export function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function dayOfIso(s: string): number | undefined {
  const mm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!mm) return undefined;
  const [y, mo, d] = [Number(mm[1]), Number(mm[2]), Number(mm[3])];
  const day = dayOf(y, mo, d);
  return isoOfDay(day) === s ? day : undefined;
}

/** The calendar date of a Date as seen in UTC (exceljs reads and writes dates in UTC). */
export function dayOfDate(d: Date): number {
  return Math.floor(d.getTime() / DAY);
}

export function ymd(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function monthKey(day: number): string {
  return isoOfDay(day).slice(0, 7);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Monday of ISO week 1 of an ISO week-year. */
function isoWeekYearStart(y: number): number {
  const jan4 = dayOf(y, 1, 4);
  return jan4 - isoWeekday(jan4) + 1;
}

export function isoWeeksInYear(y: number): number {
  return (isoWeekYearStart(y + 1) - isoWeekYearStart(y)) / 7;
}

function monthRange(y: number, m: number, count: number): { start: number; end: number } {
  return { start: dayOf(y, m, 1), end: dayOf(y, m + count, 1) - 1 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Parses `2026`, `2026-H1`, `2026-Q2`, `2026-06`, `2026-W25`; undefined when it is none of these. */
export function parsePeriod(text: string): Period | undefined {
  const s = text.trim().toUpperCase();
  let mm = /^(\d{4})$/.exec(s);
  if (mm) {
    const y = Number(mm[1]);
    return { kind: 'year', label: `${y}`, ...monthRange(y, 1, 12) };
  }
  mm = /^(\d{4})-H([12])$/.exec(s);
  if (mm) {
    const y = Number(mm[1]);
    const h = Number(mm[2]);
    return { kind: 'half', label: `${y}-H${h}`, ...monthRange(y, h === 1 ? 1 : 7, 6) };
  }
  mm = /^(\d{4})-Q([1-4])$/.exec(s);
  if (mm) {
    const y = Number(mm[1]);
    const q = Number(mm[2]);
    return { kind: 'quarter', label: `${y}-Q${q}`, ...monthRange(y, (q - 1) * 3 + 1, 3) };
  }
  mm = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  if (mm) {
    const y = Number(mm[1]);
    const m = Number(mm[2]);
    return { kind: 'month', label: `${y}-${pad(m)}`, ...monthRange(y, m, 1) };
  }
  mm = /^(\d{4})-W(\d{2})$/.exec(s);
  if (mm) {
    const y = Number(mm[1]);
    const w = Number(mm[2]);
    if (w < 1 || w > isoWeeksInYear(y)) return undefined;
    const start = isoWeekYearStart(y) + (w - 1) * 7;
    return { kind: 'week', label: `${y}-W${pad(w)}`, start, end: start + 6 };
  }
  return undefined;
}

/**
 * The day range a period label names: a standard label (`2026-Q2`) or a stated range that is not one
 * (`2026-04-01~2026-05-15`, see stated.ts).
 */
export function spanOf(label: string): { start: number; end: number } | undefined {
  const p = parsePeriod(label);
  if (p) return { start: p.start, end: p.end };
  const mm = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/.exec(label);
  if (!mm) return undefined;
  const start = dayOfIso(mm[1]!);
  const end = dayOfIso(mm[2]!);
  return start !== undefined && end !== undefined ? { start, end } : undefined;
}

/** The ISO week containing a day. */
export function isoWeekOf(day: number): { year: number; week: number } {
  const thursday = day - isoWeekday(day) + 4;
  const year = ymd(thursday).y;
  return { year, week: Math.floor((thursday - isoWeekYearStart(year)) / 7) + 1 };
}

function yearOf(p: Period): number {
  return Number(p.label.slice(0, 4));
}

/** The same period one year earlier (same ISO week number for weeks, the last week when it does not exist). */
export function priorYearOf(p: Period): Period {
  const y = yearOf(p);
  if (p.kind === 'week') {
    const w = Math.min(Number(p.label.slice(6)), isoWeeksInYear(y - 1));
    return parsePeriod(`${y - 1}-W${pad(w)}`)!;
  }
  return parsePeriod(`${y - 1}${p.label.slice(4)}`)!;
}

/** The period just before (previous month, quarter, half, year or week). */
export function priorPeriodOf(p: Period): Period {
  const y = yearOf(p);
  switch (p.kind) {
    case 'year':
      return parsePeriod(`${y - 1}`)!;
    case 'half':
      return parsePeriod(p.label.endsWith('H2') ? `${y}-H1` : `${y - 1}-H2`)!;
    case 'quarter': {
      const q = Number(p.label.slice(6));
      return parsePeriod(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`)!;
    }
    case 'month': {
      const m = Number(p.label.slice(5));
      return parsePeriod(m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`)!;
    }
    case 'week': {
      const { year, week } = isoWeekOf(p.start - 7);
      return parsePeriod(`${year}-W${pad(week)}`)!;
    }
  }
}

/** Year to date: from 1 January (the first ISO week for weeks) to the end of the period. */
export function ytdOf(p: Period): Period {
  const y = yearOf(p);
  const start = p.kind === 'week' ? isoWeekYearStart(y) : dayOf(y, 1, 1);
  return { kind: p.kind, label: `${p.label} YTD`, start, end: p.end };
}

/** A range compared mid-period, stopped after the days elapsed; `whole` is the range it was cut from. */
export interface ComparedRange {
  start: number;
  end: number;
  /** Where a month's row counts: whole months up to the end of the month the range stops in. */
  monthEnd: number;
  whole: { start: number; end: number };
}

/** The same day a year earlier (28 February for 29 February). */
function yearBefore(day: number): number {
  const { y, m, d } = ymd(day);
  return Math.min(dayOf(y - 1, m, d), dayOf(y - 1, m + 1, 1) - 1);
}

/**
 * A range stopped at `end` (never past its own end). Months count whole up to the end of the month it stops in,
 * within the range (a week's range takes no month).
 */
function cut(whole: { start: number; end: number }, end: number, weeks: boolean): ComparedRange {
  const e = Math.min(whole.end, Math.max(whole.start - 1, end));
  const monthEnd = weeks ? e : Math.min(whole.end, dayOf(ymd(e).y, ymd(e).m + 1, 1) - 1);
  return { start: whole.start, end: e, monthEnd, whole };
}

/**
 * The three ranges a KPI compares: the period (year to date with `ytd`), the same period a year earlier and the
 * period before. Mid-period (the as-of day inside the period, before its last day), like for like: the actuals
 * to the as-of day, the prior year to the same day a year earlier (the same number of days into an ISO week),
 * the period before to as many days as have elapsed (15 June: 1–15 May). Rows dated by month count whole months
 * (`monthEnd`): June against June a year earlier and May. `toDate` says the ranges were cut.
 */
export function comparedRanges(
  period: Period,
  asOf: number,
  ytd: boolean,
): { ranges: [ComparedRange, ComparedRange, ComparedRange | null]; toDate: boolean } {
  const cur = ytd ? ytdOf(period) : period;
  const py = ytd ? ytdOf(priorYearOf(period)) : priorYearOf(period);
  const pp = ytd ? null : priorPeriodOf(period);
  const weeks = period.kind === 'week';
  const toDate = asOf >= cur.start && asOf < cur.end;
  if (!toDate) {
    const whole = (r: { start: number; end: number }) => cut(r, r.end, weeks);
    return { ranges: [whole(cur), whole(py), pp ? whole(pp) : null], toDate };
  }
  const elapsed = asOf - cur.start;
  return {
    ranges: [
      cut(cur, asOf, weeks),
      cut(py, weeks ? py.start + elapsed : yearBefore(asOf), weeks),
      pp ? cut(pp, pp.start + elapsed, weeks) : null,
    ],
    toDate,
  };
}

/** The month period that holds a day. */
export function monthPeriodOf(day: number): Period {
  return parsePeriod(monthKey(day))!;
}

/**
 * The mainland-China working calendar: public holidays (days off), make-up working days (调休) and the years
 * the data covers. Loaded by io (the `chinese-days` package) and passed in, so core holds no data that ages.
 */
export interface Calendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  years: ReadonlySet<number>;
}

/** No holiday data: Monday to Friday, every year uncovered. */
export const WEEKDAYS_ONLY: Calendar = { holidays: new Set(), workdays: new Set(), years: new Set() };

/** True when the day is a working day in mainland China (holidays off, 调休 Saturdays/Sundays on). */
export function isWorkday(day: number, cal: Calendar): boolean {
  const iso = isoOfDay(day);
  if (cal.workdays.has(iso)) return true;
  if (cal.holidays.has(iso)) return false;
  return isoWeekday(day) <= 5;
}

/**
 * Days in [start, end] (inclusive), counting working days only when a calendar is given (`--workdays`); false
 * counts calendar days.
 */
export function countDays(start: number, end: number, workdays: Calendar | false): number {
  if (end < start) return 0;
  if (!workdays) return end - start + 1;
  let n = 0;
  for (let d = start; d <= end; d++) if (isWorkday(d, workdays)) n++;
  return n;
}

export interface Progress {
  elapsed: number;
  total: number;
  /** elapsed / total in [0, 1], null when the period has no (working) days. */
  timeProgress: number | null;
}

/** Time progress as of a day: elapsed days include the as-of day. */
export function progressOf(
  range: { start: number; end: number },
  asOf: number,
  workdays: Calendar | false,
): Progress {
  const total = countDays(range.start, range.end, workdays);
  const elapsed = countDays(range.start, Math.min(asOf, range.end), workdays);
  return { elapsed, total, timeProgress: total > 0 ? elapsed / total : null };
}

/** Years a range touches that the holiday data does not cover. */
export function uncoveredYears(range: { start: number; end: number }, cal: Calendar): number[] {
  const out: number[] = [];
  for (let y = ymd(range.start).y; y <= ymd(range.end).y; y++) if (!cal.years.has(y)) out.push(y);
  return out;
}
