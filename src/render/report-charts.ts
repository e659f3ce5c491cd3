/**
 * The charts of the period report: the regions' achievement chart is the pack's (bar-chart.ts, salesmeet's own
 * SVG), the others are drawn with ECharts: the monthly trend (actual bars, target and prior-year lines), the growth bridge (a waterfall: stacked
 * bars on an invisible base) and the mix before and after (two 100% bars). Geometry is fixed here — plot area,
 * value axis — so that labels can be kept inside the chart; series never depend on colour alone (patterns,
 * line styles and symbols tell them apart in black-and-white print).
 */
import type { Lang } from '../core/i18n/lang.js';
import { STATUS_COLOURS } from '../core/kpi/status-colours.js';
import type {
  BridgeChartSpec,
  MixChartSpec,
  ReportChartSpec,
  TrendChartSpec,
} from '../core/report/charts.js';
import { drawBarCharts } from './bar-chart.js';
import {
  CHART_FONT,
  type ChartDrawing,
  COLORS,
  type DrawnChart,
  decal,
  drawCharts,
  formatAxis,
  niceStep,
  textWidth,
} from './charts.js';

/** The size of each chart in px; at the report's text width (17 cm) 1 px prints as about 0.25 mm. */
export const REPORT_CHART_SIZE: Record<ReportChartSpec['id'], { width: number; height: number }> = {
  regions: { width: 680, height: 300 },
  trend: { width: 680, height: 300 },
  bridge: { width: 680, height: 320 },
  mix: { width: 680, height: 210 },
};

const INK = '#1a1a1a';
const LEGEND = { top: 0, right: 0, itemWidth: 18, itemHeight: 12, textStyle: { fontFamily: CHART_FONT } };

/** A value axis from `lo` (0 unless given) to past `hi` in nice steps, and the width its tick labels take. */
function valueAxis(hi: number, lang: Lang, lo = 0) {
  const step = niceStep(hi - lo || 1);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step || step;
  const ticks: string[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(formatAxis(v, false, lang));
  return { min, max, interval: step, labelWidth: Math.max(...ticks.map((t) => textWidth(t, 12))) };
}

const base = {
  animation: false,
  aria: { enabled: true, decal: { show: true } },
  textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: INK },
};

function categoryAxis(categories: string[], width: number) {
  return {
    type: 'category',
    data: categories,
    axisLabel: { interval: 0, width, overflow: 'truncate' },
    axisLine: { lineStyle: { color: '#333' } },
    axisTick: { alignWithLabel: true },
  };
}

export function trendOption(spec: TrendChartSpec, lang: Lang, size: { width: number; height: number }) {
  const values = [spec.actual, spec.target, spec.priorYear]
    .flatMap((s) => s?.values ?? [])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const axis = valueAxis(Math.max(0, ...values), lang, Math.min(0, ...values));
  const grid = {
    left: 10 + Math.max(axis.labelWidth, spec.unit ? textWidth(spec.unit, 12) / 2 : 0) + 8,
    right: 16,
    top: 36,
    bottom: 30,
  };
  const plotWidth = size.width - grid.left - grid.right;
  const series: Record<string, unknown>[] = [
    {
      type: 'bar',
      name: spec.actual.name,
      barMaxWidth: 36,
      data: spec.actual.values.map((v) => v ?? '-'),
      // A light bar, so that the lines over it read (in black-and-white print too).
      itemStyle: { color: COLORS.hatch, borderColor: INK, borderWidth: 0.6, decal: decal('solid') },
    },
  ];
  if (spec.target)
    series.push({
      type: 'line',
      name: spec.target.name,
      data: spec.target.values.map((v) => v ?? '-'),
      symbol: 'rect',
      symbolSize: 7,
      lineStyle: { color: '#000', type: 'dashed', width: 1.5 },
      itemStyle: { color: '#000', decal: { symbol: 'none' } },
    });
  if (spec.priorYear)
    series.push({
      type: 'line',
      name: spec.priorYear.name,
      data: spec.priorYear.values.map((v) => v ?? '-'),
      symbol: 'emptyCircle',
      symbolSize: 7,
      lineStyle: { color: '#555', width: 1.5 },
      itemStyle: { color: '#555', borderWidth: 1.5, decal: { symbol: 'none' } },
    });
  return {
    ...base,
    legend: { ...LEGEND },
    grid: { ...grid, containLabel: false, outerBoundsMode: 'none' },
    xAxis: categoryAxis(spec.categories, Math.max(30, plotWidth / spec.categories.length - 4)),
    yAxis: amountAxis(axis, spec.unit, lang),
    series,
  };
}

/** The amount axis of the trend and the bridge: its fixed bounds and step, dashed grid lines, the unit above. */
function amountAxis(axis: { min: number; max: number; interval: number }, unit: string | null, lang: Lang) {
  return {
    type: 'value',
    min: axis.min,
    max: axis.max,
    interval: axis.interval,
    axisLabel: { formatter: (v: number) => formatAxis(v, false, lang) },
    splitLine: { lineStyle: { color: '#ccc', type: 'dashed' } },
    name: unit ?? '',
    nameTextStyle: { align: 'left' },
  };
}

/** The two lines of a step's label (its change, its points of growth) and the one of a total, in px. */
const BRIDGE_LABEL = { fontSize: 10, lineHeight: 13, distance: 4 } as const;

/**
 * The value axis of the bridge. When every bar stands far above zero (a change of 15% on a large total), the
 * axis starts above zero so the steps can be told apart; the totals are then cut at the axis, which the axis
 * labels show.
 */
export function bridgeAxis(spec: BridgeChartSpec, lang: Lang, plotHeight: number) {
  const levels = spec.bars.flatMap((b) => (b.kind === 'total' ? [b.to] : [b.from, b.to]));
  const hi = Math.max(0, ...levels);
  const lo = Math.min(...levels);
  const span = hi - lo;
  let start = 0;
  if (lo > 0 && span > 0 && lo > 2 * span) start = lo - span * 0.6;
  // Room above the highest bar for its two-line label.
  const labelRoom = 2 * BRIDGE_LABEL.lineHeight + BRIDGE_LABEL.distance + 4;
  let axis = valueAxis(hi, lang, start);
  for (let i = 0; i < 3; i++) {
    const perPx = (axis.max - axis.min) / plotHeight;
    const need = hi + labelRoom * perPx;
    if (axis.max >= need) break;
    axis = valueAxis(need, lang, start);
  }
  return axis;
}

export function bridgeOption(spec: BridgeChartSpec, lang: Lang, size: { width: number; height: number }) {
  const grid = { left: 0, right: 16, top: 36, bottom: 30 };
  const axis = bridgeAxis(spec, lang, size.height - grid.top - grid.bottom);
  grid.left = 10 + Math.max(axis.labelWidth, spec.unit ? textWidth(spec.unit, 12) / 2 : 0) + 8;
  const plotWidth = size.width - grid.left - grid.right;
  const good = STATUS_COLOURS['on-track'];
  const bad = STATUS_COLOURS['off-track'];
  const label = (position: 'top' | 'bottom', color: string, bold = false) => ({
    show: true,
    position,
    distance: BRIDGE_LABEL.distance,
    fontSize: BRIDGE_LABEL.fontSize,
    lineHeight: BRIDGE_LABEL.lineHeight,
    fontWeight: bold ? 'bold' : 'normal',
    color,
    formatter: (p: { dataIndex: number }) => {
      const b = spec.bars[p.dataIndex]!;
      return b.note ? `${b.label}\n${b.note}` : b.label;
    },
  });
  const pick = (f: (b: BridgeChartSpec['bars'][number]) => number | null) =>
    spec.bars.map((b) => {
      const v = f(b);
      return v === null ? '-' : v;
    });
  const has = (k: BridgeChartSpec['bars'][number]['kind']) => spec.bars.some((b) => b.kind === k);
  const common = { type: 'bar', stack: 'bridge', barMaxWidth: 46, clip: true };
  const series: Record<string, unknown>[] = [
    {
      ...common,
      name: '',
      // The invisible base a step stands on (totals stand on zero).
      data: pick((b) => (b.kind === 'total' ? null : Math.min(b.from, b.to))),
      itemStyle: { color: 'transparent', borderWidth: 0, decal: { symbol: 'none' } },
      emphasis: { disabled: true },
      silent: true,
      // Dashed connectors from each bar's end level to the next bar.
      markLine: {
        symbol: 'none',
        silent: true,
        label: { show: false },
        lineStyle: { color: '#555', type: 'dashed', width: 0.8 },
        data: spec.bars.slice(0, -1).map((b, i) => [
          { xAxis: i, yAxis: b.to },
          { xAxis: i + 1, yAxis: b.to },
        ]),
      },
    },
  ];
  if (has('total'))
    series.push({
      ...common,
      name: spec.words.total,
      data: pick((b) => (b.kind === 'total' ? b.to : null)),
      itemStyle: { color: COLORS.solid, borderColor: INK, borderWidth: 0.6, decal: decal('solid') },
      label: label('top', INK, true),
    });
  if (has('increase'))
    series.push({
      ...common,
      name: spec.words.increase,
      data: pick((b) => (b.kind === 'increase' ? b.to - b.from : null)),
      itemStyle: { color: good.fill, borderColor: good.ink, borderWidth: 1, decal: decal('solid') },
      label: label('top', good.ink),
    });
  if (has('decrease'))
    series.push({
      ...common,
      name: spec.words.decrease,
      data: pick((b) => (b.kind === 'decrease' ? b.from - b.to : null)),
      itemStyle: {
        color: bad.fill,
        borderColor: bad.ink,
        borderWidth: 1,
        decal: { ...decal('dots'), color: `${bad.ink}66` },
      },
      label: label('bottom', bad.ink),
    });
  return {
    ...base,
    legend: {
      ...LEGEND,
      data: [spec.words.total, spec.words.increase, spec.words.decrease].filter((n) =>
        series.some((s) => s.name === n),
      ),
    },
    grid: { ...grid, containLabel: false, outerBoundsMode: 'none' },
    xAxis: categoryAxis(
      spec.bars.map((b) => b.name),
      Math.max(30, plotWidth / spec.bars.length - 4),
    ),
    yAxis: amountAxis(axis, spec.unit, lang),
    series,
  };
}

/** The segments' fills and patterns, darkest first; each pair stays apart in black-and-white print. */
const MIX_FILLS: { color: string; decal: Record<string, unknown> }[] = [
  { color: COLORS.solid, decal: decal('solid') },
  { color: COLORS.hatch, decal: decal('hatch') },
  { color: COLORS.dots, decal: decal('dots') },
  { color: COLORS.grid, decal: decal('grid') },
  { color: '#b9c6d8', decal: { ...decal('hatch'), rotation: -Math.PI / 4 } },
  { color: '#f3f5f8', decal: decal('solid') },
];

export const MIX_LABEL = { fontSize: 10, padding: 2 } as const;

export function mixOption(spec: MixChartSpec, lang: Lang, size: { width: number; height: number }) {
  const grid = {
    left: 10 + Math.max(...spec.bars.map((b) => textWidth(b, 12))) + 8,
    right: 20,
    top: 40,
    bottom: 30,
  };
  const plotWidth = size.width - grid.left - grid.right;
  const series = spec.segments.map((s, i) => {
    const fill = MIX_FILLS[i % MIX_FILLS.length]!;
    return {
      type: 'bar',
      name: s.name,
      stack: 'mix',
      barWidth: 40,
      data: s.shares.map((v, j) => {
        const text = s.labels[j]!;
        // A label only where the segment is wide enough to hold it.
        const fits = v * plotWidth >= textWidth(text, MIX_LABEL.fontSize) + 2 * MIX_LABEL.padding + 6;
        return { value: v, label: { show: fits } };
      }),
      itemStyle: { color: fill.color, borderColor: INK, borderWidth: 0.6, decal: fill.decal },
      label: {
        position: 'inside',
        fontSize: MIX_LABEL.fontSize,
        color: INK,
        backgroundColor: '#fff',
        padding: [1, MIX_LABEL.padding],
        formatter: (p: { dataIndex: number }) => s.labels[p.dataIndex] ?? '',
      },
    };
  });
  return {
    ...base,
    legend: { ...LEGEND },
    grid: { ...grid, containLabel: false, outerBoundsMode: 'none' },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.25,
      axisLabel: { formatter: (v: number) => formatAxis(v, true, lang) },
      splitLine: { lineStyle: { color: '#ccc', type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: spec.bars,
      axisLine: { lineStyle: { color: '#333' } },
      axisTick: { show: false },
    },
    series,
  };
}

/** The ECharts option of a report chart drawn by ECharts (all but the regions chart), at its size. */
export function reportChartOption(spec: Exclude<ReportChartSpec, { id: 'regions' }>, lang: Lang) {
  const size = REPORT_CHART_SIZE[spec.id];
  const option = (() => {
    switch (spec.id) {
      case 'trend':
        return trendOption(spec, lang, size);
      case 'bridge':
        return bridgeOption(spec, lang, size);
      case 'mix':
        return mixOption(spec, lang, size);
    }
  })();
  return { option, size };
}

/**
 * Draws the report's charts as SVG (inline for the HTML, a file each for report.md and Word), in the order given:
 * the regions chart as the pack draws it, the others with ECharts (loaded only if one is drawn).
 */
export async function drawReportCharts(specs: readonly ReportChartSpec[], lang: Lang): Promise<DrawnChart[]> {
  const byEcharts: ChartDrawing[] = [];
  for (const spec of specs) {
    if (spec.id === 'regions') continue;
    const { option, size } = reportChartOption(spec, lang);
    byEcharts.push({ id: spec.id, title: spec.title, option, size });
  }
  const drawn = await drawCharts(byEcharts);
  return specs.map((spec) =>
    spec.id === 'regions'
      ? drawBarCharts([{ spec, size: REPORT_CHART_SIZE.regions }], lang)[0]!
      : drawn.find((d) => d.id === spec.id)!,
  );
}
