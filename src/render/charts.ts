import type { Lang } from '../core/i18n/lang.js';
import { numberFormat } from '../core/i18n/number-format.js';
import type { ChartSpec } from '../core/pack/kpi-view.js';
import { type Raw, raw } from './engine.js';

/**
 * The font stack of the charts, as the pack's CSS: a TrueType Latin font first (Chromium embeds it in the PDF;
 * the OpenType/CFF Noto Sans CJK can only go in as Type 3), then the CJK-capable fonts for Chinese.
 */
export const CHART_FONT =
  "Arial, 'Liberation Sans', 'Noto Sans CJK SC', 'Noto Sans CJK TC', 'Source Han Sans SC', 'PingFang SC', 'PingFang TC', 'Microsoft YaHei', 'Microsoft JhengHei', 'Helvetica Neue', sans-serif";

/**
 * Colours that stay apart in black-and-white print (dark, mid and light greys-blues), each paired with a
 * pattern (solid, hatch, dots, grid) so that a series never depends on colour alone.
 */
export const COLORS = { solid: '#1f3a5f', hatch: '#8aa4c8', dots: '#d5dce6', grid: '#4d6f99' } as const;

export function decal(pattern: ChartSpec['series'][number]['pattern']) {
  switch (pattern) {
    case 'solid':
      return { symbol: 'none' };
    case 'hatch':
      return {
        symbol: 'rect',
        dashArrayX: [1, 0],
        dashArrayY: [2, 4],
        rotation: Math.PI / 4,
        color: 'rgba(0, 0, 0, 0.55)',
      };
    case 'dots':
      return {
        symbol: 'circle',
        symbolSize: 0.6,
        dashArrayX: [4, 4],
        dashArrayY: [4, 4],
        color: 'rgba(0,0,0,0.6)',
      };
    case 'grid':
      return {
        symbol: 'rect',
        dashArrayX: [[1, 3]],
        dashArrayY: [1, 3],
        color: 'rgba(255, 255, 255, 0.55)',
      };
  }
}

export function formatAxis(v: number, percent: boolean, lang: Lang): string {
  if (percent) return `${Math.round(v * 100)}%`;
  return numberFormat(lang, 0, 0).format(v);
}

/** Makes the ids inside one SVG unique within the page (several charts share one HTML document). */
export function scopeIds(svg: string, prefix: string): string {
  return svg
    .replace(/id="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

/** The size of a value label and of the reference line's label, in px: what the layout keeps apart. */
export const LABEL = { fontSize: 10, height: 14, distance: 5 } as const;
export const LINE_LABEL = { fontSize: 11, height: 16, distance: 6 } as const;

/** Width of a text in px at a font size: CJK and full-width characters one em, the rest about 0.62 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/u.test(ch) ? fontSize : fontSize * 0.62;
  return Math.ceil(w);
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^n) for about `range / 5`. */
export function niceStep(range: number): number {
  const raw = range / 5;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** Where a bar's value label goes: above the bar, inside its top, or lifted above the reference line. */
export type LabelPlacement = { position: 'top' | 'insideTop'; offsetY: number };

/**
 * A bar chart's geometry (bar-chart.ts draws it), fixed here so that the labels can be placed: the plot area, the
 * value axis (min, max, step) and the pixel row of a value.
 */
export interface ChartLayout {
  width: number;
  height: number;
  grid: { left: number; right: number; top: number; bottom: number };
  axis: { min: number; max: number; interval: number };
  /** y in px of a value. */
  y: (v: number) => number;
}

export function chartLayout(
  spec: ChartSpec,
  lang: Lang,
  size: { width: number; height: number },
): ChartLayout {
  const values = spec.series
    .flatMap((s) => s.values)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const hi = Math.max(0, ...values, ...referenceLines(spec).map((l) => l.value));
  const lo = Math.min(0, ...values);
  // The tallest bar's label may use the margin above the plot (under the legend), so no head room is added.
  const step = niceStep(hi - lo || 1);
  const max = Math.ceil(hi / step) * step || step;
  const min = Math.floor(lo / step) * step;
  const ticks: string[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(formatAxis(v, spec.percent, lang));
  const rotate = xRotation(spec);
  const legend = spec.series.length > 1 || spec.status !== null;
  const grid = {
    left:
      10 + Math.max(...ticks.map((t) => textWidth(t, 12)), spec.unit ? textWidth(spec.unit, 12) / 2 : 0) + 8,
    right: referenceLines(spec).length
      ? LINE_LABEL.distance +
        Math.max(...referenceLines(spec).map((l) => textWidth(l.label, LINE_LABEL.fontSize))) +
        14
      : 16,
    // The legend and the unit's name sit above the plot.
    top: legend || spec.unit ? 36 : 24,
    bottom: rotate ? 74 : 30,
  };
  const plotTop = grid.top;
  const plotBottom = size.height - grid.bottom;
  return {
    width: size.width,
    height: size.height,
    grid,
    axis: { min, max, interval: step },
    y: (v: number) => plotBottom - ((v - min) / (max - min)) * (plotBottom - plotTop),
  };
}

/** The reference lines of a chart: its mark line and any more. */
export function referenceLines(spec: ChartSpec): { value: number; label: string }[] {
  return [...(spec.markLine ? [spec.markLine] : []), ...(spec.moreLines ?? [])];
}

/** How far a chart's category labels are turned: 30° when there are many or a long one, else none. */
export function xRotation(spec: ChartSpec): number {
  return spec.categories.length > 6 || spec.categories.some((c) => c.length > 8) ? 30 : 0;
}

/** The vertical extent [top, bottom] in px of a value label with a placement. */
export function labelBox(layout: ChartLayout, v: number, p: LabelPlacement): [number, number] {
  const rectTop = Math.min(layout.y(v), layout.y(0));
  const top = p.position === 'top' ? rectTop - LABEL.distance - LABEL.height : rectTop + LABEL.distance;
  return [top + p.offsetY, top + p.offsetY + LABEL.height];
}

/**
 * Places a bar's value label clear of the reference lines: above the bar when no line crosses that spot; else
 * inside the top of the bar when the bar is tall enough; else lifted to just above the line(s) in the way.
 */
export function placeLabel(layout: ChartLayout, v: number, line: number | null | number[]): LabelPlacement {
  const top: LabelPlacement = { position: 'top', offsetY: 0 };
  const ys = (Array.isArray(line) ? line : line === null ? [] : [line]).map((l) => layout.y(l));
  if (ys.length === 0) return top;
  const hit = (p: LabelPlacement) => {
    const [a, b] = labelBox(layout, v, p);
    return ys.filter((yl) => yl >= a - 2 && yl <= b + 2);
  };
  if (hit(top).length === 0) return top;
  const inside: LabelPlacement = { position: 'insideTop', offsetY: 0 };
  const barHeight = Math.abs(layout.y(0) - layout.y(v));
  if (barHeight >= LABEL.distance * 2 + LABEL.height && hit(inside).length === 0) return inside;
  // Lift above the line in the way, then above the next one if that is now in the way.
  let p = top;
  for (let i = 0; i <= ys.length; i++) {
    const inWay = hit(p);
    if (inWay.length === 0) break;
    const [, bottom] = labelBox(layout, v, p);
    p = { position: 'top', offsetY: p.offsetY + Math.min(...inWay) - 3 - bottom };
  }
  return p;
}

/** A chart drawn: inline SVG for an HTML page, and the same drawing as a file of its own. */
export interface DrawnChart {
  id: string;
  title: string;
  /** For inline use: ids scoped to the chart, no fixed size (CSS scales it). */
  svg: Raw;
  /** A standalone SVG document: its size in px, a white ground, the title as its accessible name. */
  file: string;
  width: number;
  height: number;
}

/** What ECharts draws one chart from: its option and its size in px. */
export interface ChartDrawing {
  id: string;
  title: string;
  option: unknown;
  size: { width: number; height: number };
}

/** A chart's SVG document as the pages use it (see DrawnChart); `svg` has its ids already unique in the page. */
export function drawnChart(
  id: string,
  title: string,
  svg: string,
  size: { width: number; height: number },
): DrawnChart {
  const label = title.replace(/[&"<>]/g, '');
  const named = svg.replace(/^<svg /, `<svg role="img" aria-label="${label}" class="chart" `);
  return {
    id,
    title,
    svg: raw(named.replace(/ width="\d+" height="\d+"/, '')),
    file: named
      .replace(' class="chart"', '')
      .replace(/(<svg [^>]*>)/, `$1<rect width="100%" height="100%" fill="#fff"/>`),
    width: size.width,
    height: size.height,
  };
}

/**
 * Draws ECharts options as SVG with the server-side renderer (the report's trend, bridge and mix charts).
 * ECharts (the parts in ./echarts.ts) is loaded here, only when such a chart is drawn; every chart is disposed.
 */
export async function drawCharts(drawings: readonly ChartDrawing[]): Promise<DrawnChart[]> {
  if (drawings.length === 0) return [];
  const echarts = await import('./echarts.js');
  const out: DrawnChart[] = [];
  for (const d of drawings) {
    const chart = echarts.init(null, null, {
      renderer: 'svg',
      ssr: true,
      width: d.size.width,
      height: d.size.height,
    });
    try {
      chart.setOption(d.option as Parameters<typeof chart.setOption>[0]);
      out.push(drawnChart(d.id, d.title, scopeIds(chart.renderToSVGString(), `chart-${d.id}`), d.size));
    } finally {
      chart.dispose();
    }
  }
  return out;
}
