/** Target periods: a year, a half, a quarter or a month, and the months and quarters they hold. */

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface TargetPeriod {
  /** As written: `2026`, `2026-H2`, `2026-Q3`, `2026-07`. */
  label: string;
  kind: PeriodKind;
  year: number;
  /** `YYYY-MM`, in calendar order. */
  months: string[];
  /** `YYYY-Qn` of the quarters the months fall in, in order. */
  quarters: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-07` → `2026-Q3`. */
export function quarterOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** `2026-07` plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** Parses a target period, or returns undefined when the text is not one. */
export function parsePeriod(text: string): TargetPeriod | undefined {
  const s = text.trim().toUpperCase();
  const mm = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(s);
  if (!mm) return undefined;
  const year = Number(mm[1]);
  if (year < 1900 || year > 2999) return undefined;
  const part = mm[2];
  let first: number;
  let count: number;
  let kind: PeriodKind;
  if (part === undefined) [first, count, kind] = [1, 12, 'year'];
  else if (part.startsWith('H')) [first, count, kind] = [part === 'H1' ? 1 : 7, 6, 'half'];
  else if (part.startsWith('Q')) [first, count, kind] = [(Number(part[1]) - 1) * 3 + 1, 3, 'quarter'];
  else {
    const m = Number(part);
    if (m < 1 || m > 12) return undefined;
    [first, count, kind] = [m, 1, 'month'];
  }
  const months = Array.from({ length: count }, (_, i) => `${year}-${pad(first + i)}`);
  const quarters = [...new Set(months.map(quarterOf))];
  return { label: part === undefined ? String(year) : `${year}-${part}`, kind, year, months, quarters };
}

/**
 * Resolves a month written in a plan or a flag against the period: `2026-07`, `7`, `07` or `7月`.
 * Returns undefined when it is not one of the period's months.
 */
export function resolveMonth(key: string | number, period: TargetPeriod): string | undefined {
  const s = String(key).trim();
  const full = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (full) {
    const m = `${full[1]}-${pad(Number(full[2]))}`;
    return period.months.includes(m) ? m : undefined;
  }
  const short = /^(\d{1,2})\s*月?$/.exec(s);
  if (short) {
    const m = `${period.year}-${pad(Number(short[1]))}`;
    return period.months.includes(m) ? m : undefined;
  }
  return undefined;
}
