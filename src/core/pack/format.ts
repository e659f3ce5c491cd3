import { catalogue } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { interpolate } from '../i18n/messages.js';
import { numberFormat } from '../i18n/number-format.js';
import type { ChangeNote, ChangeUnit, KpiRow } from '../kpi/result.js';
import { PACK_LABELS } from './labels.js';

const DASH = '—';

/** A number in the language's grouping with exactly `digits` decimals; "—" when missing. */
export function formatNumber(v: number | null | undefined, lang: Lang, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const s = numberFormat(lang, digits, digits).format(v);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/**
 * A figure in running text: no decimals when it is whole (9,200 万元), else exactly `digits` (2,063.90). Tables
 * use formatNumber with the column's decimals instead.
 */
export function formatFigure(v: number | null | undefined, lang: Lang, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const whole = Math.abs(v * 10 ** digits - Math.round(v) * 10 ** digits) < 0.5;
  return formatNumber(v, lang, whole ? 0 : digits);
}

/** A fraction as a percentage with one decimal: 0.92 → "92.0%". */
export function formatPercent(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return `${numberFormat(lang, 1, 1).format(v * 100)}%`;
}

/** A signed change: +15.0% for a relative change, −3.0 pp (−3.0 个百分点) for a ratio difference. */
export function formatChange(v: number | null, unit: ChangeUnit, note: ChangeNote, lang: Lang): string {
  const L = PACK_LABELS[lang];
  if (v === null || !Number.isFinite(v)) return note ? (L.changeNotes[note] ?? note) : DASH;
  const n = Math.round(v * 1000) / 10;
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  const abs = numberFormat(lang, 1, 1).format(Math.abs(n));
  if (unit === 'pp') return `${sign}${abs} ${L.pp}`;
  return `${sign}${abs}%`;
}

/** The gap between achievement and time progress in percentage points, with ahead / behind. */
export function formatGap(achievement: number | null, timeProgress: number | null, lang: Lang): string {
  if (achievement === null || timeProgress === null) return DASH;
  const L = PACK_LABELS[lang];
  const pp = Math.round((achievement - timeProgress) * 1000) / 10;
  const abs = numberFormat(lang, 1, 1).format(Math.abs(pp));
  const word = pp >= 0 ? L.ahead : L.behind;
  return `${word} ${abs} ${L.pp}`;
}

/**
 * A metric value in its unit: ratios stored as fractions show as percentages; other numbers with the metric's
 * `digits` (`decimalsByMetric`: the same decimals down a column), by default none for a count, two otherwise.
 */
export function formatValue(
  v: number | null,
  row: Pick<KpiRow, 'kind' | 'unit'>,
  lang: Lang,
  digits: number = row.kind === 'count' ? 0 : 2,
): string {
  if (row.kind === 'ratio' && (row.unit === null || row.unit === '%')) return formatPercent(v, lang);
  return formatNumber(v, lang, digits);
}

/** "2026年7月10日（星期五）" (zh-CN and zh-TW), "Friday, 10 July 2026"; independent of the ICU version. */
export function formatDate(date: string, lang: Lang): string {
  const d = new Date(`${date}T00:00:00Z`);
  const [y, m, day, wd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()];
  const words = catalogue(lang).dates;
  return interpolate(words.date, { year: y, month: words.months[m], day, weekday: words.weekdays[wd] });
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
