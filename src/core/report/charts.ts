/**
 * The charts of the period report, as data: achievement by region (or the first dimension), the monthly trend
 * against target, the growth bridge (prior-year total → each group's change → this period's total) and the mix
 * before and after. Built from the same analysis as the sentences and tables (the bridge from `bridge()`, its
 * steps the printed changes of the drivers table), in the words of the report's language; the renderer turns
 * them into SVG. A chart is only made when the data supports it, and only for the styles that show it.
 */
import { catalogue } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { interpolate, type Params } from '../i18n/messages.js';
import { pacedByTime } from '../kpi/paced.js';
import type { GroupKey, KpiRow } from '../kpi/result.js';
import { formatChange, formatFigure, formatPercent } from '../pack/format.js';
import type { ChartSpec, ChartStatus } from '../pack/kpi-view.js';
import { PACK_LABELS } from '../pack/labels.js';
import { bridge } from './analysis.js';
import { isRevenueDim, type ReportInput, type ReportStyle, revenueRows } from './view.js';

export const REPORT_CHART_IDS = ['regions', 'trend', 'bridge', 'mix'] as const;
export type ReportChartId = (typeof REPORT_CHART_IDS)[number];

/** Which charts each style shows: the emphasis of its part one (docs/report.md, "Five parts, five styles"). */
export const CHARTS_BY_STYLE: Record<ReportStyle, readonly ReportChartId[]> = {
  data: ['regions', 'trend', 'bridge', 'mix'],
  team: ['regions'],
  market: ['mix', 'bridge'],
  process: ['trend'],
  'key-accounts': ['bridge'],
};

/** Actual bars per month against the target line, with the prior year's line when the data has it. */
export interface TrendChartSpec {
  id: 'trend';
  title: string;
  /** Month labels: "1月" / "Jan" within one year, else "2026-01". */
  categories: string[];
  actual: { name: string; values: (number | null)[] };
  target: { name: string; values: (number | null)[] } | null;
  priorYear: { name: string; values: (number | null)[] } | null;
  unit: string | null;
}

/** One bar of the bridge: a total from zero, or a step from the level before it to the level after it. */
export interface BridgeBar {
  name: string;
  kind: 'total' | 'increase' | 'decrease';
  from: number;
  to: number;
  /** The figure printed on the bar: a total, or the step's change as the drivers table prints it. */
  label: string;
  /** Under a step's change: its contribution to growth in points, as the sentences print it. */
  note: string | null;
}

/** The growth bridge (waterfall): prior-year total, each group's change (largest first), this period's total. */
export interface BridgeChartSpec {
  id: 'bridge';
  title: string;
  key: GroupKey;
  bars: BridgeBar[];
  words: { increase: string; decrease: string; total: string };
  unit: string | null;
}

/** The mix before and after: two 100% bars (prior year, this period), one segment per group. */
export interface MixChartSpec {
  id: 'mix';
  title: string;
  key: GroupKey;
  /** The two bars, top to bottom: prior year, this period. */
  bars: [string, string];
  /** Largest first (this period); shares are fractions of each bar, labels as the mix table prints them. */
  segments: { name: string; shares: [number, number]; labels: [string, string] }[];
}

export type ReportChartSpec =
  | (ChartSpec & { id: 'regions' })
  | TrendChartSpec
  | BridgeChartSpec
  | MixChartSpec;

/** At most this many steps in the bridge and segments in the mix; the smallest of the rest go into "others". */
const MAX_STEPS = 8;
const MAX_SEGMENTS = 6;
/**
 * At most this many bars in the achievement chart: past it, the best and the worst half of them (表扬先进、鞭策落后),
 * named so in the title; the table above the chart has every group. More bars would not leave room for their labels.
 */
const MAX_BARS = 12;

const REVENUE = 'revenue';

/** Month labels of the trend: short within one calendar year, else the full key. */
export function monthLabels(months: string[], lang: Lang): string[] {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  if (years.size !== 1 || !months.every((m) => /^\d{4}-\d{2}$/.test(m))) return months;
  const fmt = new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : lang, { month: 'short', timeZone: 'UTC' });
  return months.map((m) => fmt.format(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1)));
}

/** The chart specs of the report for its style, in the order they appear; none without the data for them. */
export function reportChartSpecs(input: ReportInput): ReportChartSpec[] {
  const { lang } = input;
  const w = catalogue(lang).report;
  const by = catalogue(lang).pack.by;
  const L = PACK_LABELS[lang];
  const t = (tpl: string, p: Params = {}) => interpolate(tpl, p);
  const dimIn = (k: GroupKey) => (lang === 'en' ? by[k].toLowerCase() : by[k]);
  const n = (v: number | null) => formatFigure(v, lang, 2);
  const signedNum = (v: number) => (v > 0 ? `+${n(v)}` : v < 0 ? `−${n(-v)}` : n(0));
  const pc = (v: number | null) => formatPercent(v, lang).replace(/^-/, '−');
  const kpi = input.kpi;
  const unit = kpi?.totals.find((r) => r.metric === REVENUE)?.unit ?? null;
  const dims = input.dimensions.filter(isRevenueDim);
  const first = dims[0];
  const wanted = new Set(CHARTS_BY_STYLE[input.style]);
  const out: ReportChartSpec[] = [];

  // Achievement by the first dimension, highest first, against the 100% target (and time progress mid-period).
  if (wanted.has('regions') && first && kpi) {
    const rows = revenueRows(first.current, first.key)
      .filter((r) => r.achievement !== null)
      .map((r, i) => ({ r, i }))
      .sort((a, b) => b.r.achievement! - a.r.achievement! || a.i - b.i)
      .map(({ r }) => r);
    const count = rows.length;
    if (count > MAX_BARS) rows.splice(MAX_BARS / 2, count - MAX_BARS);
    if (rows.length >= 2) {
      const tp = kpi.timeProgress;
      const paced = tp !== null && tp < 1 && rows.every(pacedByTime);
      const status = rows.map((r) => r.status);
      const statusWords: ChartSpec['statusWords'] = {};
      for (const st of status) if (st !== null) statusWords[st] = L.statusWords[st] ?? st;
      out.push({
        id: 'regions',
        kind: 'achievement',
        title:
          count > MAX_BARS
            ? t(w.charts.regionsTopBottom, { dim: dimIn(first.key), n: MAX_BARS / 2, count })
            : t(w.charts.regions, { dim: dimIn(first.key) }),
        categories: rows.map((r) => r.group[first.key]!),
        series: [{ name: w.columns.achievement, values: rows.map((r) => r.achievement), pattern: 'solid' }],
        status: status as (ChartStatus | null)[],
        statusWords,
        percent: true,
        markLine: { value: 1, label: L.targetLine },
        moreLines: paced ? [{ value: tp!, label: `${L.timeProgress} ${formatPercent(tp, lang)}` }] : [],
        unit: null,
      });
    }
  }

  // The month-by-month actual against target (and the prior year), from the same figures as the trend table.
  if (wanted.has('trend')) {
    const months = input.months.map((m) => {
      const r = m.result.totals.find((x) => x.metric === REVENUE);
      return {
        label: m.label,
        actual: r?.actual ?? null,
        target: r?.target ?? null,
        priorYear: r?.priorYear ?? null,
      };
    });
    if (months.filter((m) => m.actual !== null).length >= 2) {
      const anyTarget = months.some((m) => m.target !== null);
      const anyPrior = months.some((m) => m.priorYear !== null);
      out.push({
        id: 'trend',
        title: w.charts.trend,
        categories: monthLabels(
          months.map((m) => m.label),
          lang,
        ),
        actual: { name: w.columns.actual, values: months.map((m) => m.actual) },
        target: anyTarget ? { name: w.columns.target, values: months.map((m) => m.target) } : null,
        priorYear: anyPrior ? { name: w.columns.priorYear, values: months.map((m) => m.priorYear) } : null,
        unit,
      });
    }
  }

  // The growth bridge by the first dimension: the same bridge as the contribution sentences and table.
  if (wanted.has('bridge') && first) {
    const b = bridge(
      revenueRows(first.current, first.key).map((r) => ({
        name: r.group[first.key]!,
        current: r.actual,
        base: r.priorYear,
      })),
    );
    if (b && b.growth !== null && b.delta !== 0 && b.items.length >= 2) {
      const pp = (v: number) => formatChange(v, 'pp', null, lang);
      let steps = b.items.map((i) => ({
        name: i.name,
        delta: i.delta,
        printed: i.printed.delta,
        contribution: i.printed.contribution,
      }));
      if (steps.length > MAX_STEPS) {
        // Keep the largest changes either way in their order; the rest are one step, last.
        const keep = new Set(
          [...steps]
            .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta))
            .slice(0, MAX_STEPS - 1)
            .map((s) => s.name),
        );
        const rest = steps.filter((s) => !keep.has(s.name));
        steps = [
          ...steps.filter((s) => keep.has(s.name)),
          {
            name: w.charts.others,
            delta: rest.reduce((s, x) => s + x.delta, 0),
            printed: Math.round(rest.reduce((s, x) => s + x.printed, 0) * 100) / 100,
            contribution: Math.round(rest.reduce((s, x) => s + x.contribution, 0) * 1000) / 1000,
          },
        ];
      }
      const bars: BridgeBar[] = [
        { name: w.columns.priorYear, kind: 'total', from: 0, to: b.base, label: n(b.base), note: null },
      ];
      let level = b.base;
      steps.forEach((s, i) => {
        // The last step lands exactly on this period's total (the groups' sum), not on a sum with rounding error.
        const next = i === steps.length - 1 ? b.current : level + s.delta;
        bars.push({
          name: s.name,
          kind: s.delta >= 0 ? 'increase' : 'decrease',
          from: level,
          to: next,
          label: signedNum(s.printed),
          note: pp(s.contribution),
        });
        level = next;
      });
      bars.push({
        name: w.charts.thisPeriod,
        kind: 'total',
        from: 0,
        to: b.current,
        label: n(b.current),
        note: null,
      });
      out.push({
        id: 'bridge',
        title: t(w.charts.bridge, { dim: dimIn(first.key) }),
        key: first.key,
        bars,
        words: { increase: w.charts.increase, decrease: w.charts.decrease, total: w.charts.total },
        unit,
      });
    }
  }

  // The mix before and after: product lines (market style: else the first dimension), prior year and now.
  if (wanted.has('mix')) {
    const keys: GroupKey[] =
      input.style === 'market' ? ['product', ...(first ? [first.key] : [])] : ['product'];
    const d = keys.map((k) => dims.find((x) => x.key === k)).find((x) => x !== undefined);
    const rows = d ? revenueRows(d.current, d.key) : [];
    const totalNow = rows.reduce((s, r) => s + (r.actual ?? 0), 0);
    const totalPrior = rows.every((r) => r.priorYear !== null)
      ? rows.reduce((s, r) => s + r.priorYear!, 0)
      : 0;
    if (d && rows.length >= 2 && totalNow > 0 && totalPrior > 0) {
      const sorted = [...rows].sort((a, b) => (b.actual ?? 0) - (a.actual ?? 0));
      const seg = (name: string, rs: KpiRow[]) => {
        const now = rs.reduce((s, r) => s + (r.actual ?? 0), 0) / totalNow;
        const prior = rs.reduce((s, r) => s + (r.priorYear ?? 0), 0) / totalPrior;
        return {
          name,
          shares: [prior, now] as [number, number],
          labels: [pc(prior), pc(now)] as [string, string],
        };
      };
      const shown = sorted.length > MAX_SEGMENTS ? sorted.slice(0, MAX_SEGMENTS - 1) : sorted;
      const rest = sorted.slice(shown.length);
      out.push({
        id: 'mix',
        title: t(w.charts.mix, { dim: dimIn(d.key) }),
        key: d.key,
        bars: [w.columns.priorYear, w.charts.thisPeriod],
        segments: [
          ...shown.map((r) => seg(r.group[d.key]!, [r])),
          ...(rest.length ? [seg(w.charts.others, rest)] : []),
        ],
      });
    }
  }
  return out;
}
