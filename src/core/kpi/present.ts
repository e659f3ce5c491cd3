/**
 * How a KPI result reads: headings, status words, notes and the legend in zh-CN, zh-TW and en, numbers with
 * the locale's grouping, percentages to one decimal, percentage points, "—" for an absent value. Builds a
 * plain table (strings per cell) that the terminal, Markdown and CSV outputs lay out.
 */

import { byLang } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { numberFormat } from '../i18n/number-format.js';
import type { RowExtra } from './compute.js';
import { km } from './messages.js';
import type { ChangeNote, GroupKey, KpiResult, KpiRow, Status } from './result.js';

export const DASH = '—';
const MINUS = '−';

/** Headings, status words, notes and the legend of a KPI table. */
export interface KpiWords {
  group: Record<GroupKey, string>;
  col: Record<string, string>;
  status: Record<Exclude<Status, null>, string>;
  note: Record<Exclude<ChangeNote, null>, string>;
  pp: string;
  total: string;
  subtotal: string;
  title: string;
  asOf: string;
  progress: string;
  ahead: string;
  behind: string;
  legend: string[];
  ytd: string;
  workdays: string;
}

/** The words, from the catalogue (`src/i18n`, namespace `kpi.words`). */
export const WORDS: Record<Lang, KpiWords> = byLang((c) => c.kpi.words);

export function legendLines(lang: Lang, thresholds: { onTrack: number; atRisk: number }): string[] {
  return WORDS[lang].legend.map((l) =>
    l.replace('{onTrack}', pct(thresholds.onTrack, lang)).replace('{atRisk}', pct(thresholds.atRisk, lang)),
  );
}

const signed = (s: string, v: number) => (v > 0 ? `+${s}` : v < 0 ? `${MINUS}${s}` : s);

/** 92.0% (to one decimal), with a leading + when asked. */
export function pct(v: number | null, lang: Lang, sign = false): string {
  if (v === null) return DASH;
  const s = numberFormat(lang, 1, 1).format(Math.abs(v) * 100);
  const r = Math.round(Math.abs(v) * 1000) === 0 ? 0 : v;
  return sign ? `${signed(s, r)}%` : `${r < 0 ? MINUS : ''}${s}%`;
}

/** −3.0 pp / −3.0 个百分点 from a fraction (−0.03). */
export function pp(v: number | null, lang: Lang): string {
  if (v === null) return DASH;
  const s = numberFormat(lang, 1, 1).format(Math.abs(v) * 100);
  const r = Math.round(Math.abs(v) * 1000) === 0 ? 0 : v;
  return `${signed(s, r)} ${WORDS[lang].pp}`;
}

const isWhole = (v: number) => Math.abs(v * 100 - Math.round(v) * 100) < 0.5;

/**
 * The decimals of each metric's numbers: 0 when every value of the metric (target, actual, prior year, prior
 * period, variance, forecast) is whole, else 2 — one number of decimals down a column, so 2,063.90 stands
 * beside 3,093.55 and 9,200 beside 10,000, never 2,063.9. Ratios are percentages and not counted here.
 */
export function decimalsByMetric(rows: readonly KpiRow[]): Map<string, 0 | 2> {
  const out = new Map<string, 0 | 2>();
  for (const r of rows) {
    if (out.get(r.metric) === 2) continue;
    const values = [r.target, r.actual, r.priorYear, r.priorPeriod, r.variance, r.forecast];
    out.set(r.metric, values.some((v) => v !== null && Number.isFinite(v) && !isWhole(v)) ? 2 : 0);
  }
  return out;
}

/** A number with the locale's grouping and `digits` decimals (by default: none for a whole number, else two). */
export function num(v: number | null, lang: Lang, sign = false, digits?: 0 | 2): string {
  if (v === null) return DASH;
  const d = digits ?? (isWhole(v) ? 0 : 2);
  const s = numberFormat(lang, d, d).format(Math.abs(v));
  const zero = s.replace(/[0.,]/g, '') === '';
  if (zero) return s;
  return sign ? signed(s, v) : `${v < 0 ? MINUS : ''}${s}`;
}

/** A value of the metric: percent for ratios, a number otherwise (with the metric's `digits`). */
export function value(row: KpiRow, v: number | null, lang: Lang, sign = false, digits?: 0 | 2): string {
  // A multiple (pipeline coverage 3.2×), not a percentage.
  if (row.unit === '×') return v === null ? DASH : `${v.toFixed(1)}×`;
  return row.kind === 'ratio' ? (sign ? pp(v, lang) : pct(v, lang)) : num(v, lang, sign, digits);
}

export function change(v: number | null, unit: 'ratio' | 'pp', note: ChangeNote, lang: Lang): string {
  if (note) return WORDS[lang].note[note];
  if (v === null) return DASH;
  return unit === 'pp' ? pp(v, lang) : pct(v, lang, true);
}

export function statusText(s: Status, lang: Lang): string {
  return s === null ? DASH : WORDS[lang].status[s];
}

export interface Table {
  headers: string[];
  /** Columns that hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  /** Status of each row, for colour. */
  status: Status[];
  /** Index of the first totals row (rows after it are totals), or -1. */
  totalsFrom: number;
  /** For a capped table (see TABLE_CAP): the line that says how many rows are not shown, after the groups. */
  more?: string;
}

/**
 * A terminal table of a very wide breakdown (by customer) is cut, the way a person reads it: a metric with more
 * than TABLE_CAP rows shows its first TABLE_TOP (the table is in rank order), and one line says how many rows
 * are left out. CSV, Markdown, xlsx and JSON output stay complete.
 */
export const TABLE_CAP = 50;
export const TABLE_TOP = 20;

/** The rows a capped table shows: each metric's first TABLE_TOP when it has more than TABLE_CAP. */
function capRows(rows: readonly KpiRow[]): { shown: KpiRow[]; hidden: number } {
  const shown: KpiRow[] = [];
  let hidden = 0;
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.metric === rows[i]!.metric) j++;
    const keep = j - i > TABLE_CAP ? TABLE_TOP : j - i;
    for (let k = i; k < i + keep; k++) shown.push(rows[k]!);
    hidden += j - i - keep;
    i = j;
  }
  return { shown, hidden };
}

type ColDef = {
  key: string;
  numeric: boolean;
  cell: (r: KpiRow, x: RowExtra | undefined) => string;
  has: (r: KpiRow, x: RowExtra | undefined) => boolean;
};

/** Lays a result out as a table; columns without any value are left out. */
export function buildTable(
  result: KpiResult,
  extras: Map<KpiRow, RowExtra>,
  lang: Lang,
  opts: { cap?: boolean } = {},
): Table {
  const w = WORDS[lang];
  const by = result.by;
  const grouped = by.length > 0;
  const full = grouped ? [...result.rows, ...result.totals] : result.rows;
  // Decimals and the columns shown are decided on the whole table, capped or not.
  const digits = decimalsByMetric(full);
  const capped = grouped && opts.cap ? capRows(result.rows) : null;
  const all = capped && capped.hidden > 0 ? [...capped.shown, ...result.totals] : full;
  const val = (r: KpiRow, v: number | null, sign = false) => value(r, v, lang, sign, digits.get(r.metric));
  const cols: ColDef[] = [
    ...by.map(
      (k, i): ColDef => ({
        key: `g:${k}`,
        numeric: false,
        cell: (r) => {
          const depth = Object.keys(r.group).length;
          if (depth === 0) return i === 0 ? w.total : '';
          return r.group[k] ?? (i === depth ? w.subtotal : '');
        },
        has: () => true,
      }),
    ),
    { key: 'metric', numeric: false, cell: (r) => r.label, has: () => true },
    { key: 'unit', numeric: false, cell: (r) => r.unit ?? '', has: (r) => r.unit !== null },
    { key: 'target', numeric: true, cell: (r) => val(r, r.target), has: (r) => r.target !== null },
    { key: 'actual', numeric: true, cell: (r) => val(r, r.actual), has: () => true },
    {
      key: 'achievement',
      numeric: true,
      cell: (r) =>
        r.achievement === null && (r.status === 'met' || r.status === 'not-met')
          ? DASH
          : pct(r.achievement, lang),
      has: (r) => r.achievement !== null,
    },
    {
      key: 'variance',
      numeric: true,
      cell: (r) => val(r, r.variance, true),
      has: (r) => r.variance !== null,
    },
    {
      key: 'priorYear',
      numeric: true,
      cell: (r) => val(r, r.priorYear),
      has: (r) => r.priorYear !== null,
    },
    {
      key: 'yoy',
      numeric: true,
      cell: (r) => change(r.yoy, r.yoyUnit, r.yoyNote, lang),
      has: (r) => r.yoy !== null || r.yoyNote !== null,
    },
    {
      key: 'priorPeriod',
      numeric: true,
      cell: (r) => val(r, r.priorPeriod),
      has: (r) => r.priorPeriod !== null,
    },
    {
      key: 'mom',
      numeric: true,
      cell: (r) => change(r.mom, r.momUnit, r.momNote, lang),
      has: (r) => r.mom !== null || r.momNote !== null,
    },
    {
      key: 'gap',
      numeric: true,
      cell: (_r, x) =>
        x?.progressGap == null
          ? DASH
          : `${pp(x.progressGap, lang)} ${x.progressGap >= 0 ? w.ahead : w.behind}`,
      has: (_r, x) => x?.progressGap != null && result.timeProgress !== null && result.timeProgress < 1,
    },
    {
      key: 'forecast',
      numeric: true,
      cell: (r) => val(r, r.forecast),
      has: (r) => r.forecast !== null && result.timeProgress !== null && result.timeProgress < 1,
    },
    {
      key: 'forecastAchievement',
      numeric: true,
      cell: (r) => pct(r.forecastAchievement, lang),
      has: (r) => r.forecastAchievement !== null && result.timeProgress !== null && result.timeProgress < 1,
    },
    {
      key: 'pace',
      numeric: true,
      cell: (r, x) => value(r, x?.requiredPace ?? null, lang),
      has: (_r, x) => (x?.requiredPace ?? 0) > 0 && result.timeProgress !== null && result.timeProgress < 1,
    },
    { key: 'share', numeric: true, cell: (r) => pct(r.share, lang), has: (r) => r.share !== null },
    {
      key: 'rank',
      numeric: true,
      cell: (r) => (r.rank === null ? DASH : String(r.rank)),
      has: (r) => r.rank !== null,
    },
    { key: 'status', numeric: false, cell: (r) => statusText(r.status, lang), has: (r) => r.status !== null },
  ];
  const used = cols.filter(
    (c) =>
      c.key === 'metric' ||
      c.key === 'actual' ||
      c.key.startsWith('g:') ||
      full.some((r) => c.has(r, extras.get(r))),
  );
  const table: Table = {
    headers: used.map((c) => (c.key.startsWith('g:') ? w.group[c.key.slice(2) as GroupKey] : w.col[c.key]!)),
    numeric: used.map((c) => c.numeric),
    rows: all.map((r) => used.map((c) => c.cell(r, extras.get(r)))),
    status: all.map((r) => r.status),
    totalsFrom: grouped ? all.length - result.totals.length : -1,
  };
  if (capped && capped.hidden > 0)
    table.more = km.moreRows({ count: num(capped.hidden, lang, false, 0) })(lang);
  return table;
}

/** The line above the table: period, as-of day, time progress. */
export function caption(result: KpiResult, lang: Lang, opts: { ytd: boolean; workdays: boolean }): string {
  const w = WORDS[lang];
  const parts = [`${w.title} ${result.period.label.replace(' YTD', '')}${opts.ytd ? ` ${w.ytd}` : ''}`];
  parts.push(`${result.period.start} ~ ${result.period.end}`);
  parts.push(`${w.asOf} ${result.asOf}`);
  if (result.timeProgress !== null)
    parts.push(`${w.progress} ${pct(result.timeProgress, lang)}${opts.workdays ? ` (${w.workdays})` : ''}`);
  // Where the period came from, when nobody asked for it.
  const from = result.period.from;
  if (from === 'data') parts.push(km.fromData()(lang));
  else if (from === 'stated') parts.push(km.fromStated({ where: result.period.where ?? '' })(lang));
  else if (from === 'today') parts.push(km.fromToday({ asOf: result.asOf })(lang));
  return parts.join(' · ');
}

/** The formulas of the metrics counted from order lines and opportunity exports, for those the result has. */
export function metricLegend(result: KpiResult, lang: Lang): string[] {
  const has = (keys: string[]) => result.totals.some((r) => keys.includes(r.metric));
  const out: string[] = [];
  if (has(['win_rate', 'pipeline', 'lost_deals'])) out.push(km.legendPipeline()(lang));
  if (has(['orders', 'avg_order_value']) && result.totals.some((r) => r.metric === 'avg_order_value'))
    out.push(km.legendOrders()(lang));
  if (has(['active_customers', 'repeat_rate'])) out.push(km.legendCustomers()(lang));
  if (has(['revenue_per_rep'])) out.push(km.legendPerRep()(lang));
  return out;
}
