import { catalogue } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { funnelText } from '../kpi/funnel-present.js';
import { pacedByTime } from '../kpi/paced.js';
import { decimalsByMetric } from '../kpi/present.js';
import type { GroupKey, KpiResult, KpiRow, Status } from '../kpi/result.js';
import { formatChange, formatGap, formatNumber, formatPercent, formatValue } from './format.js';
import { fill, PACK_LABELS } from './labels.js';

/** Pre-rendered markup (inline SVG built by salesmeet) that a template may emit unescaped. */
export interface RawHtml {
  __raw: true;
  html: string;
}

/** A bar's status in a chart: the traffic light of its row (the same words and colours as the tables). */
export type ChartStatus = Exclude<Status, null>;

/** What a chart shows, independent of the charting library: the renderer turns it into SVG. */
export interface ChartSpec {
  id: string;
  kind: 'achievement' | 'actual-target' | 'yoy';
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[]; pattern: 'solid' | 'hatch' | 'dots' | 'grid' }[];
  /**
   * Per category, the status of its bar (the achievement chart): the bar takes the status's colour and pattern,
   * and the legend names the statuses shown with `statusWords`. Null: bars in the series' tone.
   */
  status: (ChartStatus | null)[] | null;
  statusWords: Partial<Record<ChartStatus, string>>;
  /** Values are fractions shown as percentages. */
  percent: boolean;
  /** A reference line: time progress for a metric judged against it, else the 100% target. */
  markLine: { value: number; label: string } | null;
  /** Further reference lines (the report's achievement chart: the 100% target beside time progress). */
  moreLines?: { value: number; label: string }[];
  unit: string | null;
}

export interface KpiTableRow {
  label: string;
  unit: string;
  target: string;
  actual: string;
  priorYear: string;
  achievement: string;
  variance: string;
  yoy: string;
  gap: string;
  share: string;
  rank: string;
  status: string;
  statusKey: string;
}

export interface KpiBreakdown {
  metric: string;
  unit: string;
  dimension: string;
  /** Whether the table has the "gap to time progress" column (a metric judged against time progress). */
  gapColumn: boolean;
  rows: KpiTableRow[];
}

/** A cell of the funnel table, already in words. */
export interface FunnelCell {
  text: string;
  numeric: boolean;
}

/** The funnel of opportunity exports (`kpi`'s): stages, totals, the win rate and coverage lines. */
export interface FunnelView {
  title: string;
  /** Which deals count. */
  caption: string;
  headers: FunnelCell[];
  /**
   * Stage rows, then the open and closed totals (`total`). `bar`: the width of the stage's bar, its amount (its
   * deals without amounts) against the largest open stage's (open stages) or the largest closed one's (won and
   * lost), as a CSS percentage; null for the totals.
   */
  rows: {
    cells: FunnelCell[];
    total: boolean;
    verdict: 'open' | 'won' | 'lost' | null;
    bar: string | null;
  }[];
  lines: string[];
  notes: string[];
}

export interface KpiView {
  period: string;
  asOf: string;
  timeProgress: string | null;
  /** Whether the summary has the "gap to time progress" column: some metric in it is judged against time progress. */
  gapColumn: boolean;
  summary: KpiTableRow[];
  breakdowns: KpiBreakdown[];
  charts: { id: string; title: string; svg: RawHtml }[];
  /** Only when the data has opportunity stages. */
  funnel: FunnelView | null;
  warnings: string[];
  legend: string[];
}

/** The funnel section: the same table and lines as `kpi` prints under its table, with a bar per stage. */
export function funnelView(kpi: KpiResult, lang: Lang): FunnelView | null {
  const f = kpi.funnel;
  const text = funnelText(kpi, lang);
  if (!f || !text) return null;
  const size = (st: (typeof f.stages)[number]) =>
    f.stages.some((x) => x.amount !== null) ? (st.amount ?? 0) : st.count;
  // Open stages against the largest open stage (the funnel's shape), won and lost against the larger of the two.
  const isOpen = (st: (typeof f.stages)[number]) => st.verdict === 'open';
  const largestOpen = Math.max(0, ...f.stages.filter(isOpen).map(size));
  const largestClosed = Math.max(0, ...f.stages.filter((st) => !isOpen(st)).map(size));
  const numeric = text.table.numeric;
  return {
    title: catalogue(lang).kpi.funnel.title,
    caption: text.caption,
    headers: text.table.headers.map((h, i) => ({ text: h, numeric: numeric[i]! })),
    rows: text.table.rows.map((cells, i) => {
      const st = f.stages[i];
      const largest = st && isOpen(st) ? largestOpen : largestClosed;
      const bar =
        st === undefined
          ? null
          : largest > 0
            ? `${(Math.max(0, size(st) / largest) * 100).toFixed(1)}%`
            : '0.0%';
      return {
        cells: cells.map((c, j) => ({ text: c, numeric: numeric[j]! })),
        total: st === undefined,
        verdict: st?.verdict ?? null,
        bar,
      };
    }),
    lines: text.lines,
    notes: text.notes,
  };
}

/** "销售额（万元）" in Chinese, "Revenue (万元)" in English: the language's own brackets around a unit. */
export function withUnit(word: string, unit: string | null, lang: Lang): string {
  if (!unit) return word;
  const p = catalogue(lang).punctuation;
  return `${word}${p.lparen}${unit}${p.rparen}`;
}

function groupLabel(row: KpiRow, by: readonly GroupKey[]): string {
  const keys = by.length > 0 ? by : (Object.keys(row.group) as GroupKey[]);
  return keys
    .map((k) => row.group[k])
    .filter((v): v is string => v !== undefined && v !== '')
    .join(' / ');
}

const hasGroup = (r: KpiRow) => Object.values(r.group).some((v) => v !== undefined && v !== '');

/** "+1,200" / "−800": a variance reads as a signed difference, with the same minus sign as the changes. */
function signed(text: string, v: number | null): string {
  if (v === null || !Number.isFinite(v) || text === '0') return text;
  return v > 0 ? `+${text}` : `−${text.replace(/^-/, '')}`;
}

function tableRow(
  r: KpiRow,
  label: string,
  kpi: KpiResult,
  lang: Lang,
  digits: Map<string, 0 | 2>,
): KpiTableRow {
  const L = PACK_LABELS[lang];
  const d = digits.get(r.metric);
  return {
    label,
    unit: r.unit ?? '',
    target: formatValue(r.target, r, lang, d),
    actual: formatValue(r.actual, r, lang, d),
    priorYear: formatValue(r.priorYear, r, lang, d),
    achievement: formatPercent(r.achievement, lang),
    variance:
      r.kind === 'ratio' && (r.unit === null || r.unit === '%')
        ? formatChange(r.variance, 'pp', null, lang)
        : signed(formatNumber(r.variance, lang, d ?? (r.kind === 'count' ? 0 : 2)), r.variance),
    yoy: formatChange(r.yoy, r.yoyUnit, r.yoyNote, lang),
    // A ratio (collection rate, margin), a distinct count or a lower-is-better metric has no pace: "—".
    gap: pacedByTime(r) ? formatGap(r.achievement, kpi.timeProgress, lang) : '—',
    share: formatPercent(r.share, lang),
    rank: r.rank === null ? '—' : String(r.rank),
    status: r.status ? (L.statusWords[r.status] ?? r.status) : '—',
    statusKey: r.status ?? 'none',
  };
}

/** The summary rows: one per metric (the totals), or the ungrouped rows of a summary sheet. */
function summaryRows(kpi: KpiResult): KpiRow[] {
  if (kpi.totals.length > 0) return kpi.totals;
  return kpi.rows.filter((r) => !hasGroup(r));
}

/** The metric whose breakdown the charts show: the first amount metric, else the first metric. */
function chartMetric(kpi: KpiResult): string | undefined {
  const summary = summaryRows(kpi);
  const grouped = kpi.rows.filter(hasGroup);
  const candidates = grouped.length > 0 ? grouped : summary;
  return (candidates.find((r) => r.kind === 'amount') ?? candidates[0])?.metric;
}

/** Highest achievement first; rows without one keep their order, last. */
function byAchievement<T extends Pick<KpiRow, 'achievement'>>(rows: readonly T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = a.r.achievement;
      const y = b.r.achievement;
      if (x === null || y === null) return x === null && y === null ? a.i - b.i : x === null ? 1 : -1;
      return y - x || a.i - b.i;
    })
    .map(({ r }) => r);
}

/**
 * The achievement chart: bars sorted by achievement, coloured by status, against time progress when every metric
 * shown grows with the days (revenue…), else against the 100% target — a ratio (collection rate, margin) is never
 * compared with time progress.
 */
function achievementChart(
  rows: KpiRow[],
  labels: string[],
  metric: string,
  kpi: KpiResult,
  lang: Lang,
): ChartSpec {
  const L = PACK_LABELS[lang];
  const paced = kpi.timeProgress !== null && rows.every(pacedByTime);
  const title = fill(paced ? L.chartAchievement : L.chartAchievementTarget, { metric }).replace(
    /^[:：\s]+/,
    '',
  );
  const status = rows.map((r) => r.status);
  const statusWords: ChartSpec['statusWords'] = {};
  for (const st of status) if (st !== null) statusWords[st] = L.statusWords[st] ?? st;
  return {
    id: 'achievement',
    kind: 'achievement',
    title,
    categories: labels,
    series: [{ name: L.achievement, values: rows.map((r) => r.achievement), pattern: 'solid' }],
    status,
    statusWords,
    percent: true,
    markLine:
      paced && kpi.timeProgress !== null
        ? { value: kpi.timeProgress, label: `${L.timeProgress} ${formatPercent(kpi.timeProgress, lang)}` }
        : { value: 1, label: L.targetLine },
    unit: null,
  };
}

/** The three charts of the KPI section, as data; the groups (or metrics) in order of achievement. */
export function kpiCharts(kpi: KpiResult, lang: Lang): ChartSpec[] {
  const L = PACK_LABELS[lang];
  const metric = chartMetric(kpi);
  if (metric === undefined) return [];
  const grouped = byAchievement(kpi.rows.filter((r) => r.metric === metric && hasGroup(r)));
  const charts: ChartSpec[] = [];
  const plain = { status: null, statusWords: {} };

  if (grouped.length > 0) {
    const first = grouped[0]!;
    const name = first.label;
    const cats = grouped.map((r) => groupLabel(r, kpi.by));
    charts.push(achievementChart(grouped, cats, name, kpi, lang));
    charts.push({
      id: 'actual-target',
      kind: 'actual-target',
      title: fill(L.chartActualTarget, { metric: withUnit(name, first.unit, lang) }),
      categories: cats,
      series: [
        { name: L.actual, values: grouped.map((r) => r.actual), pattern: 'solid' },
        { name: L.target, values: grouped.map((r) => r.target), pattern: 'hatch' },
        { name: L.priorYear, values: grouped.map((r) => r.priorYear), pattern: 'dots' },
      ],
      ...plain,
      percent: first.kind === 'ratio',
      markLine: null,
      unit: first.unit,
    });
    if (grouped.some((r) => r.yoy !== null))
      charts.push({
        id: 'yoy',
        kind: 'yoy',
        title: fill(L.chartYoy, { metric: name }),
        categories: cats,
        series: [{ name: L.yoy, values: grouped.map((r) => r.yoy), pattern: 'grid' }],
        ...plain,
        percent: true,
        markLine: null,
        unit: null,
      });
    return charts;
  }

  // A summary sheet without groups: compare the metrics with each other.
  const summary = byAchievement(summaryRows(kpi));
  charts.push(
    achievementChart(
      summary,
      summary.map((r) => r.label),
      '',
      kpi,
      lang,
    ),
  );
  const main = summary.find((r) => r.metric === metric)!;
  charts.push({
    id: 'actual-target',
    kind: 'actual-target',
    title: fill(L.chartActualTarget, { metric: withUnit(main.label, main.unit, lang) }),
    categories: [main.label],
    series: [
      { name: L.actual, values: [main.actual], pattern: 'solid' },
      { name: L.target, values: [main.target], pattern: 'hatch' },
      { name: L.priorYear, values: [main.priorYear], pattern: 'dots' },
    ],
    ...plain,
    percent: main.kind === 'ratio',
    markLine: null,
    unit: main.unit,
  });
  const yoyRows = summary.filter((r) => r.yoy !== null && r.yoyUnit === 'ratio');
  if (yoyRows.length > 0)
    charts.push({
      id: 'yoy',
      kind: 'yoy',
      title: fill(L.chartYoy, { metric: '' }).replace(/^[:：\s]+/, ''),
      categories: yoyRows.map((r) => r.label),
      series: [{ name: L.yoy, values: yoyRows.map((r) => r.yoy), pattern: 'grid' }],
      ...plain,
      percent: true,
      markLine: null,
      unit: null,
    });
  return charts;
}

const COUNTED = new Set([
  'orders',
  'active_customers',
  'avg_order_value',
  'revenue_per_rep',
  'repeat_rate',
  'pipeline_coverage',
]);

/** The KPI section's tables, legend and warnings; charts come pre-rendered (SVG) from the renderer. */
export function kpiView(
  kpi: KpiResult,
  lang: Lang,
  charts: { id: string; title: string; svg: RawHtml }[],
): KpiView {
  const L = PACK_LABELS[lang];
  // The same decimals down a column of each table: the summary's from the totals, a breakdown's from its rows.
  const summaryDigits = decimalsByMetric(summaryRows(kpi));
  const summary = summaryRows(kpi).map((r) => tableRow(r, r.label, kpi, lang, summaryDigits));
  const grouped = kpi.rows.filter(hasGroup);
  const groupDigits = decimalsByMetric(grouped);
  const metrics: string[] = [];
  // Metrics counted from order lines (orders, customers, 客单价…) stay in the summary: a breakdown of each
  // would double the pack's length for figures the discussion rarely splits.
  for (const r of grouped) if (!metrics.includes(r.metric) && !COUNTED.has(r.metric)) metrics.push(r.metric);
  const keys = kpi.by.length > 0 ? kpi.by : (Object.keys(grouped[0]?.group ?? {}) as GroupKey[]);
  const dimension = keys.map((k) => L.by[k] ?? k).join(' / ');
  const breakdowns = metrics.map((metric) => {
    const rows = grouped.filter((r) => r.metric === metric);
    const first = rows[0]!;
    return {
      metric: first.label,
      unit: first.unit ?? '',
      dimension,
      gapColumn: kpi.timeProgress !== null && rows.some(pacedByTime),
      rows: rows.map((r) => tableRow(r, groupLabel(r, kpi.by), kpi, lang, groupDigits)),
    };
  });
  const hasLower =
    kpi.rows.some((r) => r.direction === 'lower') || kpi.totals.some((r) => r.direction === 'lower');
  return {
    period: kpi.period.label,
    asOf: kpi.asOf,
    timeProgress: kpi.timeProgress === null ? null : formatPercent(kpi.timeProgress, lang),
    gapColumn: kpi.timeProgress !== null && summaryRows(kpi).some(pacedByTime),
    summary,
    breakdowns,
    charts,
    funnel: funnelView(kpi, lang),
    warnings: kpi.warnings.map((w) => {
      const where = [w.file, w.sheet ? `[${w.sheet}]${w.cell ? `!${w.cell}` : ''}` : null]
        .filter(Boolean)
        .join(' ');
      return where ? `${where}: ${w.message}` : w.message;
    }),
    legend: [
      L.legendAchievement,
      ...(hasLower ? [L.legendLower] : []),
      L.legendYoy,
      ...(kpi.timeProgress !== null && kpi.timeProgress > 0 && kpi.timeProgress < 1 ? [L.legendToDate] : []),
      L.legendStatus,
      L.legendBlank,
    ],
  };
}
