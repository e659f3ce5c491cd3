/**
 * The bar charts of the pack and of the report's regions chart (a ChartSpec), written as SVG by salesmeet itself.
 * They are plain pictures — an axis, dashed grid lines, bars, value labels, reference lines, a legend — whose
 * geometry chartLayout() and placeLabel() already fix, so drawing them needs no chart engine: ECharts cost the
 * pack some 60–100 ms at every run (loading it, then its option pipeline on cold code) for what is a few dozen
 * elements here. The look is ECharts' (same font stack, colours, patterns, sizes and places), so they sit beside
 * the report's trend, bridge and mix charts, which ECharts still draws. Nothing depends on colour alone: each
 * status and each series has its pattern, as in the legend.
 */
import type { Lang } from '../core/i18n/lang.js';
import { numberFormat } from '../core/i18n/number-format.js';
import { STATUS_COLOURS } from '../core/kpi/status-colours.js';
import type { ChartSpec, ChartStatus } from '../core/pack/kpi-view.js';
import {
  CHART_FONT,
  type ChartLayout,
  COLORS,
  chartLayout,
  type DrawnChart,
  drawnChart,
  formatAxis,
  LABEL,
  LINE_LABEL,
  labelBox,
  placeLabel,
  referenceLines,
  textWidth,
  xRotation,
} from './charts.js';
import type { Raw } from './engine.js';

type Pattern = ChartSpec['series'][number]['pattern'];

/** Text colours: value labels as the body text, axis and legend labels a softer grey (as ECharts draws them). */
const INK = '#1a1a1a';
const AXIS_INK = '#54555a';
const AXIS_FONT = 12;
/** Bars at most this wide; bars of one category 30% of a bar apart, categories 20% of their slot apart. */
const BAR_MAX_WIDTH = 42;
const BAR_GAP = 0.3;
const CATEGORY_GAP = 0.2;
/** Legend: swatch size, the gap after it, the gap between items and the legend's padding. */
const LEGEND = { swatchWidth: 18, swatchHeight: 12, gap: 5, itemGap: 10, padding: 5 } as const;
/** How far the category labels sit below the plot. */
const CATEGORY_MARGIN = 8;

const STATUS_PATTERN: Record<ChartStatus, Pattern> = {
  'on-track': 'solid',
  met: 'solid',
  'at-risk': 'hatch',
  'off-track': 'dots',
  'not-met': 'dots',
};

/** A fill with the pattern laid over it (in `ink`, with an opacity), as one bar or legend swatch shows it. */
export interface BarPaint {
  fill: string;
  stroke: string;
  strokeWidth: number;
  pattern: Pattern;
  /** The pattern's colour and opacity. */
  ink: string;
  inkOpacity: number;
}

export interface DrawnBar {
  category: number;
  /** The series (or, for a status chart, the status) the bar belongs to: its legend entry. */
  name: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  paint: BarPaint;
  /** The value label: its text, centre and whether it sits inside the bar's top on a white ground. */
  label: { text: string; x: number; y: number; inside: boolean };
}

/** Everything the chart shows, placed in px: what the SVG is written from, and what tests read. */
export interface BarChartPlan {
  layout: ChartLayout;
  ticks: { y: number; text: string }[];
  categories: { x: number; text: string; rotate: number }[];
  bars: DrawnBar[];
  /**
   * Whether the value labels are drawn: only when each fits the width of its bar and the gap beside it. With many
   * groups (20 reps, three bars each) the numbers would run into each other; the table above the chart has them.
   */
  valueLabels: boolean;
  lines: { y: number; dotted: boolean; label: string; labelY: number }[];
  legend: { name: string; paint: BarPaint }[];
  unit: string | null;
}

function formatLabel(v: number, percent: boolean, lang: Lang): string {
  if (percent) return `${(v * 100).toFixed(1)}%`;
  return numberFormat(lang, 0, 1).format(v);
}

function seriesPaint(pattern: Pattern): BarPaint {
  const ink =
    pattern === 'grid'
      ? { ink: '#ffffff', inkOpacity: 0.55 }
      : { ink: '#000000', inkOpacity: pattern === 'dots' ? 0.6 : 0.55 };
  return { fill: COLORS[pattern], stroke: INK, strokeWidth: 0.6, pattern, ...ink };
}

function statusPaint(status: ChartStatus | null): BarPaint {
  if (status === null) return { ...seriesPaint('solid'), stroke: INK, strokeWidth: 1 };
  const c = STATUS_COLOURS[status];
  return {
    fill: c.fill,
    stroke: c.ink,
    strokeWidth: 1,
    pattern: STATUS_PATTERN[status],
    ink: c.ink,
    inkOpacity: 0.4,
  };
}

/** How far a reference line's label moves (px, + is down) so that it keeps clear of the other lines' labels. */
function lineLabelShift(layout: ChartLayout, refs: { value: number }[], i: number): number {
  const y = layout.y(refs[i]!.value);
  const near = refs
    .map((r) => layout.y(r.value))
    .filter((o, j) => j !== i && Math.abs(o - y) < LINE_LABEL.height);
  if (near.length === 0) return 0;
  const gap = (LINE_LABEL.height - Math.abs(near[0]! - y)) / 2;
  return near[0]! > y || (near[0] === y && i === 0) ? -gap : gap;
}

/**
 * Width of a value label in px: digits and signs at their widths in Arial and Liberation Sans (the first fonts of
 * the charts' stack; digits 0.556 em, separators 0.278 em), anything else as `textWidth` counts it.
 */
function figureWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') em += 0.556;
    else if (ch === ',' || ch === '.' || ch === ' ') em += 0.278;
    else if (ch === '%') em += 0.889;
    else if (ch === '-') em += 0.333;
    else if (ch === '+' || ch === '−' || ch === '±') em += 0.584;
    else em += textWidth(ch, fontSize) / fontSize;
  }
  return em * fontSize;
}

/** A category label cut to a width, with an ellipsis. */
function truncate(text: string, width: number): string {
  if (textWidth(text, AXIS_FONT) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, AXIS_FONT) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** One pixel-crisp coordinate for a line of odd width: on the half pixel. */
const crisp = (v: number) => Math.round(v) + 0.5;
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Places every element of a bar chart. */
export function planBarChart(
  spec: ChartSpec,
  lang: Lang,
  size: { width: number; height: number },
): BarChartPlan {
  const layout = chartLayout(spec, lang, size);
  const { grid } = layout;
  const plotLeft = grid.left;
  const plotRight = size.width - grid.right;
  const plotBottom = size.height - grid.bottom;
  const n = Math.max(1, spec.categories.length);
  const slot = (plotRight - plotLeft) / n;
  const centre = (i: number) => plotLeft + slot * (i + 0.5);

  const ticks: BarChartPlan['ticks'] = [];
  const { min, max, interval } = layout.axis;
  for (let k = 0; min + k * interval <= max + interval / 2; k++) {
    const v = min + k * interval;
    ticks.push({ y: layout.y(v), text: formatAxis(v, spec.percent, lang) });
  }

  const rotate = xRotation(spec);
  const labelWidth = rotate ? 90 : Math.max(40, slot - 4);
  const categories = spec.categories.map((c, i) => ({ x: centre(i), text: truncate(c, labelWidth), rotate }));

  // The bars of one category: one per series side by side, or (status chart) one bar in its status's paint.
  const refs = referenceLines(spec);
  const lineValues = refs.map((l) => l.value);
  const statusChart = spec.status !== null;
  const perSlot = statusChart ? 1 : Math.max(1, spec.series.length);
  const room = slot * (1 - CATEGORY_GAP);
  const barWidth = Math.min(BAR_MAX_WIDTH, room / (perSlot + (perSlot - 1) * BAR_GAP));
  const groupWidth = barWidth * perSlot + barWidth * BAR_GAP * (perSlot - 1);
  const bars: DrawnBar[] = [];
  const legend: BarChartPlan['legend'] = [];
  const zero = layout.y(0);

  const bar = (i: number, k: number, v: number, name: string, paint: BarPaint): DrawnBar => {
    const left = centre(i) - groupWidth / 2 + k * barWidth * (1 + BAR_GAP);
    const top = Math.min(layout.y(v), zero);
    let place = placeLabel(layout, v, lineValues);
    let [labelTop, labelBottom] = labelBox(layout, v, place);
    // A bar below zero has its label under its end (the reference lines are at or above zero); inside its end
    // when that would run into the category labels; above the zero line when the bar is too short for that.
    if (v < 0) {
      const end = layout.y(v);
      if (end + LABEL.distance + LABEL.height <= plotBottom) {
        labelTop = end + LABEL.distance;
        place = { position: 'top', offsetY: 0 };
      } else if (end - zero >= LABEL.distance * 2 + LABEL.height) {
        labelTop = end - LABEL.distance - LABEL.height;
        place = { position: 'insideTop', offsetY: 0 };
      }
      labelBottom = labelTop + LABEL.height;
    }
    return {
      category: i,
      name,
      value: v,
      x: round1(left),
      y: round1(top),
      width: round1(barWidth),
      height: round1(Math.abs(layout.y(v) - zero)),
      paint,
      label: {
        text: formatLabel(v, spec.percent, lang),
        x: round1(left + barWidth / 2),
        y: round1((labelTop + labelBottom) / 2),
        inside: place.position === 'insideTop',
      },
    };
  };

  if (statusChart) {
    const status = spec.status ?? [];
    const values = spec.series[0]?.values ?? [];
    const shown = (st: ChartStatus | null) => status.some((s, i) => s === st && values[i] != null);
    const order: (ChartStatus | null)[] = ['on-track', 'met', 'at-risk', 'off-track', 'not-met', null];
    for (const st of order) {
      if (!shown(st)) continue;
      const name = st === null ? (spec.series[0]?.name ?? '') : (spec.statusWords[st] ?? st);
      legend.push({ name, paint: statusPaint(st) });
    }
    values.forEach((v, i) => {
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const st = status[i] ?? null;
      const name = st === null ? (spec.series[0]?.name ?? '') : (spec.statusWords[st] ?? st);
      bars.push(bar(i, 0, v, name, statusPaint(st)));
    });
  } else {
    spec.series.forEach((s, k) => {
      const paint = seriesPaint(s.pattern);
      if (spec.series.length > 1) legend.push({ name: s.name, paint });
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) return;
        bars.push(bar(i, k, v, s.name, paint));
      });
    });
  }

  const lines = refs.map((l, i) => ({
    y: layout.y(l.value),
    // A further line (time progress beside the target) is dotted.
    dotted: i > 0,
    label: l.label,
    // Two lines close together: their labels move apart (the upper one up, the lower one down).
    labelY: layout.y(l.value) + lineLabelShift(layout, refs, i),
  }));
  const pitch = perSlot > 1 ? barWidth * (1 + BAR_GAP) : slot * (1 - CATEGORY_GAP / 2);
  const valueLabels = bars.every((b) => figureWidth(b.label.text, LABEL.fontSize) + 2 <= pitch);
  return { layout, ticks, categories, bars, valueLabels, lines, legend, unit: spec.unit };
}

/** Text for SVG: XML-escaped, without the control characters XML forbids. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const n1 = (v: number) => String(round1(v));

function text(
  x: number,
  y: number,
  body: string,
  o: { size: number; fill: string; anchor: 'start' | 'middle' | 'end'; transform?: string },
): string {
  const at = o.transform ? `transform="${o.transform}"` : `x="${n1(x)}" y="${n1(y)}"`;
  return `<text ${at} text-anchor="${o.anchor}" dominant-baseline="central" font-size="${o.size}" font-family="${CHART_FONT}" fill="${o.fill}">${xml(body)}</text>`;
}

/** The <pattern> of a paint that has one; `id` is unique within the page. */
function patternDef(id: string, pattern: Exclude<Pattern, 'solid'>, p: BarPaint): string {
  const ink = `fill="${p.ink}" fill-opacity="${p.inkOpacity}"`;
  switch (pattern) {
    case 'hatch':
      return `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="1.6" height="6" ${ink}/></pattern>`;
    case 'dots':
      return `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><circle cx="3" cy="3" r="1.2" ${ink}/></pattern>`;
    case 'grid':
      return `<pattern id="${id}" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="1" height="1" ${ink}/></pattern>`;
  }
}

/**
 * The chart as an SVG document (viewBox and size in px, no background): ids start with `idPrefix`, so several
 * charts can share one HTML page.
 */
export function barChartSvg(
  spec: ChartSpec,
  lang: Lang,
  size: { width: number; height: number },
  idPrefix: string,
): string {
  const plan = planBarChart(spec, lang, size);
  const { grid } = plan.layout;
  const plotLeft = grid.left;
  const plotRight = size.width - grid.right;
  const plotBottom = size.height - grid.bottom;
  const defs: string[] = [];
  const patternIds = new Map<string, string>();
  // A solid paint has no pattern; each other pattern and ink is defined once.
  const patternOf = (p: BarPaint): string | null => {
    const pattern = p.pattern;
    if (pattern === 'solid') return null;
    const key = `${pattern} ${p.ink} ${p.inkOpacity}`;
    let id = patternIds.get(key);
    if (id === undefined) {
      id = `${idPrefix}-p${patternIds.size}`;
      patternIds.set(key, id);
      defs.push(patternDef(id, pattern, p));
    }
    return id;
  };
  const out: string[] = [];
  // Grid lines at each tick, the category axis at zero.
  for (const t of plan.ticks)
    out.push(
      `<path d="M${plotLeft} ${crisp(t.y)}H${plotRight}" fill="none" stroke="#ccc" stroke-dasharray="4,2"/>`,
    );
  out.push(`<path d="M${plotLeft} ${crisp(plan.layout.y(0))}H${plotRight}" fill="none" stroke="#333"/>`);
  for (const t of plan.ticks)
    out.push(text(plotLeft - 8, t.y, t.text, { size: AXIS_FONT, fill: AXIS_INK, anchor: 'end' }));
  if (plan.unit)
    out.push(text(plotLeft, grid.top - 21, plan.unit, { size: AXIS_FONT, fill: AXIS_INK, anchor: 'start' }));
  for (const c of plan.categories) {
    const y = plotBottom + CATEGORY_MARGIN;
    out.push(
      c.rotate
        ? text(0, 0, c.text, {
            size: AXIS_FONT,
            fill: AXIS_INK,
            anchor: 'end',
            transform: `translate(${n1(c.x)} ${y + 6}) rotate(-${c.rotate})`,
          })
        : text(c.x, y + AXIS_FONT / 2, c.text, { size: AXIS_FONT, fill: AXIS_INK, anchor: 'middle' }),
    );
  }
  // Bars: the fill with its outline, the pattern over it.
  for (const b of plan.bars) {
    const box = `x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}"`;
    out.push(
      `<rect ${box} fill="${b.paint.fill}" stroke="${b.paint.stroke}" stroke-width="${b.paint.strokeWidth}"/>`,
    );
    const p = patternOf(b.paint);
    if (p) out.push(`<rect ${box} fill="url(#${p})"/>`);
  }
  for (const b of plan.valueLabels ? plan.bars : []) {
    const l = b.label;
    if (l.inside) {
      const w = textWidth(l.text, LABEL.fontSize) + 4;
      out.push(
        `<rect x="${n1(l.x - w / 2)}" y="${n1(l.y - LABEL.height / 2 - 1)}" width="${w}" height="${LABEL.height + 2}" fill="#fff"/>`,
      );
    }
    out.push(text(l.x, l.y, l.text, { size: LABEL.fontSize, fill: INK, anchor: 'middle' }));
  }
  // Reference lines over the bars, their labels right of the plot.
  for (const l of plan.lines) {
    const dash = l.dotted ? '1.5,1.5' : '6,3';
    out.push(
      `<path d="M${plotLeft} ${n1(l.y)}H${plotRight}" fill="none" stroke="#000" stroke-width="1.5" stroke-dasharray="${dash}"/>`,
    );
    out.push(
      text(plotRight + LINE_LABEL.distance, l.labelY, l.label, {
        size: LINE_LABEL.fontSize,
        fill: '#000',
        anchor: 'start',
      }),
    );
  }
  // The legend, top right: a swatch in each paint, then its name.
  if (plan.legend.length > 0) {
    const widths = plan.legend.map((e) => LEGEND.swatchWidth + LEGEND.gap + textWidth(e.name, AXIS_FONT));
    const total = widths.reduce((a, b) => a + b, 0) + LEGEND.itemGap * (widths.length - 1);
    let x = size.width - LEGEND.padding - total;
    const top = LEGEND.padding + 1;
    plan.legend.forEach((e, i) => {
      const box = `x="${n1(x)}" y="${top}" width="${LEGEND.swatchWidth}" height="${LEGEND.swatchHeight}" rx="3"`;
      out.push(`<rect ${box} fill="${e.paint.fill}" stroke="${e.paint.stroke}" stroke-width="1.5"/>`);
      const p = patternOf(e.paint);
      if (p) out.push(`<rect ${box} fill="url(#${p})"/>`);
      out.push(
        text(x + LEGEND.swatchWidth + LEGEND.gap, top + LEGEND.swatchHeight / 2, e.name, {
          size: AXIS_FONT,
          fill: AXIS_INK,
          anchor: 'start',
        }),
      );
      x += widths[i]! + LEGEND.itemGap;
    });
  }
  const { width, height } = size;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${defs.length ? `<defs>${defs.join('')}</defs>` : ''}${out.join('')}</svg>`;
}

/** Draws bar-chart specs (the pack's charts, the report's regions chart), each at its size. */
export function drawBarCharts(
  specs: readonly { spec: ChartSpec; size: { width: number; height: number } }[],
  lang: Lang,
): DrawnChart[] {
  return specs.map(({ spec, size }) =>
    drawnChart(spec.id, spec.title, barChartSvg(spec, lang, size, `chart-${spec.id}`), size),
  );
}

/** Renders the pack's chart specs to inline SVG. */
export function renderCharts(
  specs: readonly ChartSpec[],
  lang: Lang,
  size: { width: number; height: number } = { width: 680, height: 300 },
): { id: string; title: string; svg: Raw }[] {
  return drawBarCharts(
    specs.map((spec) => ({ spec, size })),
    lang,
  ).map(({ id, title, svg }) => ({ id, title, svg }));
}
