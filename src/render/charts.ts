import type { Lang } from '../core/i18n/lang.js';
import type { ChartSpec } from '../core/pack/kpi-view.js';
import { type Raw, raw } from './engine.js';

/** The font stack of the charts: the same CJK-capable fonts as the pack's CSS. */
export const CHART_FONT =
  "'Noto Sans CJK SC', 'Noto Sans CJK TC', 'Source Han Sans SC', 'PingFang SC', 'PingFang TC', 'Microsoft YaHei', 'Microsoft JhengHei', 'Helvetica Neue', Arial, sans-serif";

/**
 * Colours that stay apart in black-and-white print (dark, mid and light greys-blues), each paired with a
 * pattern (solid, hatch, dots, grid) so that a series never depends on colour alone.
 */
const COLORS = { solid: '#1f3a5f', hatch: '#8aa4c8', dots: '#d5dce6', grid: '#4d6f99' } as const;

type EChartsModule = typeof import('echarts');

function decal(pattern: ChartSpec['series'][number]['pattern']) {
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

function formatAxis(v: number, percent: boolean, lang: Lang): string {
  if (percent) return `${Math.round(v * 100)}%`;
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : lang, { maximumFractionDigits: 0 }).format(v);
}

function formatLabel(v: number, percent: boolean, lang: Lang): string {
  if (percent) return `${(v * 100).toFixed(1)}%`;
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : lang, { maximumFractionDigits: 1 }).format(v);
}

/** Makes the ids inside one SVG unique within the page (several charts share one HTML document). */
function scopeIds(svg: string, prefix: string): string {
  return svg
    .replace(/id="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

function option(spec: ChartSpec, lang: Lang, width: number) {
  const rotate = spec.categories.length > 6 || spec.categories.some((c) => c.length > 8) ? 30 : 0;
  const multi = spec.series.length > 1;
  return {
    animation: false,
    aria: { enabled: true, decal: { show: true } },
    textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#1a1a1a' },
    legend: multi
      ? { top: 0, right: 0, itemWidth: 18, itemHeight: 12, textStyle: { fontFamily: CHART_FONT } }
      : undefined,
    grid: { left: 8, right: 16, top: multi ? 32 : 20, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: spec.categories,
      axisLabel: {
        interval: 0,
        rotate,
        width: rotate ? 90 : Math.max(40, (width - 120) / spec.categories.length),
        overflow: 'truncate',
      },
      axisLine: { lineStyle: { color: '#333' } },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatAxis(v, spec.percent, lang) },
      splitLine: { lineStyle: { color: '#ccc', type: 'dashed' } },
      name: spec.unit ?? '',
      nameTextStyle: { align: 'left' },
    },
    series: spec.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 42,
      data: s.values.map((v) => (v === null ? '-' : v)),
      itemStyle: {
        color: COLORS[s.pattern],
        borderColor: '#1a1a1a',
        borderWidth: 0.6,
        decal: decal(s.pattern),
      },
      label: {
        show: true,
        position: 'top',
        fontSize: 10,
        color: '#1a1a1a',
        formatter: (p: { value: unknown }) =>
          typeof p.value === 'number' ? formatLabel(p.value, spec.percent, lang) : '',
      },
      markLine:
        i === 0 && spec.markLine
          ? {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#000', type: 'dashed', width: 1.5 },
              label: {
                position: 'insideEndTop',
                formatter: spec.markLine.label,
                color: '#000',
                fontSize: 11,
                backgroundColor: 'rgba(255,255,255,0.85)',
                padding: [1, 3],
              },
              data: [{ yAxis: spec.markLine.value }],
            }
          : undefined,
    })),
  };
}

/**
 * Renders chart specs to inline SVG with ECharts' server-side renderer. ECharts (the minified ESM build) is
 * loaded here, only when a pack with KPI data is built; every chart is disposed.
 */
export async function renderCharts(
  specs: readonly ChartSpec[],
  lang: Lang,
  size: { width: number; height: number } = { width: 680, height: 300 },
): Promise<{ id: string; title: string; svg: Raw }[]> {
  if (specs.length === 0) return [];
  const specifier = 'echarts/dist/echarts.esm.min.mjs';
  const echarts = (await import(specifier)) as EChartsModule;
  const out: { id: string; title: string; svg: Raw }[] = [];
  for (const spec of specs) {
    const chart = echarts.init(null, null, {
      renderer: 'svg',
      ssr: true,
      width: size.width,
      height: size.height,
    });
    try {
      chart.setOption(option(spec, lang, size.width) as Parameters<typeof chart.setOption>[0]);
      let svg = chart.renderToSVGString();
      svg = scopeIds(svg, `chart-${spec.id}`)
        .replace(/^<svg /, `<svg role="img" aria-label="${spec.title.replace(/[&"<>]/g, '')}" class="chart" `)
        .replace(/ width="\d+" height="\d+"/, '');
      out.push({ id: spec.id, title: spec.title, svg: raw(svg) });
    } finally {
      chart.dispose();
    }
  }
  return out;
}
