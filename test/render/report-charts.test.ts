/**
 * The report's charts as ECharts draws them: the bridge's floating bars and its axis, the mix's labels, the trend's
 * series, the two reference lines of the achievement chart mid-period — checked from the option and from the SVG
 * ECharts writes (text positions read back from it, not from our layout) — and the PNG copies for Word.
 */
import { describe, expect, it } from 'vitest';
import type { BridgeChartSpec, MixChartSpec, TrendChartSpec } from '../../src/core/report/charts.js';
import { CHART_FONT, textWidth } from '../../src/render/charts.js';
import { forRaster, RASTER_FONT, rasterise } from '../../src/render/raster.js';
import {
  bridgeAxis,
  bridgeOption,
  drawReportCharts,
  mixOption,
  REPORT_CHART_SIZE,
  trendOption,
} from '../../src/render/report-charts.js';

/** The half-year bridge (test/core/report/charts.test.ts works it out): 8,000 → four increases → 9,200. */
const BRIDGE: BridgeChartSpec = {
  id: 'bridge',
  title: '增长桥：各区域对增长的贡献（去年同期 → 本期）',
  key: 'region',
  bars: [
    { name: '去年同期', kind: 'total', from: 0, to: 8000, label: '8,000', note: null },
    { name: '华南', kind: 'increase', from: 8000, to: 8510.89, label: '+510.89', note: '+6.4 个百分点' },
    { name: '华东', kind: 'increase', from: 8510.89, to: 8842.14, label: '+331.25', note: '+4.2 个百分点' },
    { name: '华北', kind: 'decrease', from: 8842.14, to: 8559.18, label: '−282.96', note: '−3.5 个百分点' },
    { name: '西部', kind: 'increase', from: 8559.18, to: 8634.08, label: '+74.90', note: '+0.9 个百分点' },
    { name: '本期', kind: 'total', from: 0, to: 8634.08, label: '8,634.08', note: null },
  ],
  words: { increase: '增加', decrease: '减少', total: '合计' },
  unit: '万元',
};

const MIX: MixChartSpec = {
  id: 'mix',
  title: '产品线销售额构成：去年同期与本期',
  key: 'product',
  bars: ['去年同期', '本期'],
  segments: [
    { name: '工业软件', shares: [0.376, 0.494], labels: ['37.6%', '49.4%'] },
    { name: '智能硬件', shares: [0.594, 0.476], labels: ['59.4%', '47.6%'] },
    { name: '技术服务', shares: [0.03, 0.03], labels: ['3.0%', '3.0%'] },
  ],
};

const TREND: TrendChartSpec = {
  id: 'trend',
  title: '月度销售额：实际与目标',
  categories: ['1月', '2月', '3月'],
  actual: { name: '实际', values: [1257.85, 884.29, null] },
  target: { name: '目标', values: [1272.73, 1000, 1727.27] },
  priorYear: null,
  unit: '万元',
};

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The texts of an SVG ECharts drew, as boxes (position from its transform, width estimated per character). */
function texts(svg: string): (Box & { size: number })[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attrs = ` ${m[1]!}`;
    // ECharts writes the size in a style, the bar charts (bar-chart.ts) as an attribute.
    const size = Number(/font-size(?::|=")(\d+)/.exec(attrs)?.[1] ?? 12);
    const [tx, ty] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(attrs) ?? [0, '0', '0'])
      .slice(1)
      .map(Number) as [number, number];
    const x = tx + Number(/ x="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const y = ty + Number(/ y="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1];
    const w = textWidth(m[2]!, size);
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    return { text: m[2]!, size, left, right: left + w, top: y - size * 0.6, bottom: y + size * 0.6 };
  });
}

const meets = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the growth bridge', () => {
  it('floats each step on an invisible base: increases up from the level before, decreases down to the next', () => {
    const o = bridgeOption(BRIDGE, 'zh-CN', REPORT_CHART_SIZE.bridge);
    const s = Object.fromEntries(o.series.map((x) => [x.name as string, x.data as unknown[]]));
    expect(Object.keys(s)).toEqual(['', '合计', '增加', '减少']);
    expect(s['']).toEqual(['-', 8000, 8510.89, 8559.18, 8559.18, '-']);
    expect(s['合计']).toEqual([8000, '-', '-', '-', '-', 8634.08]);
    const up = s['增加'] as (number | string)[];
    expect(up[1]).toBeCloseTo(510.89, 9);
    expect(up[2]).toBeCloseTo(331.25, 9);
    expect(up[4]).toBeCloseTo(74.9, 9);
    expect((s['减少'] as (number | string)[])[3]).toBeCloseTo(282.96, 9);
    for (const x of o.series) expect(x.stack).toBe('bridge');
    expect(o.legend.data).toEqual(['合计', '增加', '减少']);
  });

  it('starts the axis above zero when every bar stands far above it, and always at zero otherwise', () => {
    // Levels 8,000…8,842.14 (span 842.14): from 8,000 − 0.6 × 842.14 = 7,494.7, steps of 500 (a fifth of the
    // 1,347 range, rounded up to a nice step) → 7,000; up to 8,842.14 and two label lines (34 px at 2,000 ÷ 254
    // per px = 268) → 9,110 → 9,500.
    const a = bridgeAxis(BRIDGE, 'zh-CN', 254);
    expect([a.min, a.max, a.interval]).toEqual([7000, 9500, 500]);
    const near: BridgeChartSpec = {
      ...BRIDGE,
      bars: [
        { name: 'a', kind: 'total', from: 0, to: 100, label: '100', note: null },
        { name: 'b', kind: 'increase', from: 100, to: 180, label: '+80', note: null },
        { name: 'c', kind: 'total', from: 0, to: 180, label: '180', note: null },
      ],
    };
    expect(bridgeAxis(near, 'zh-CN', 254).min).toBe(0);
  });

  it('as drawn: every label is in the chart, none overlaps another, the two lines of a step stack', async () => {
    const [c] = await drawReportCharts([BRIDGE], 'zh-CN');
    const svg = c!.file;
    const { width, height } = REPORT_CHART_SIZE.bridge;
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${width}" height="${height}"`));
    expect(svg).toContain('<rect width="100%" height="100%" fill="#fff"/>');
    const labels = texts(svg).filter((t) => t.size === 10);
    expect(labels.map((l) => l.text)).toEqual(
      expect.arrayContaining(['+510.89', '+6.4 个百分点', '−282.96', '−3.5 个百分点', '8,634.08']),
    );
    for (const l of labels) {
      expect(l.left, l.text).toBeGreaterThanOrEqual(0);
      expect(l.right, l.text).toBeLessThanOrEqual(width);
      expect(l.top, l.text).toBeGreaterThanOrEqual(0);
      for (const o of labels) if (o !== l) expect(meets(l, o), `${l.text} overlaps ${o.text}`).toBe(false);
    }
    const change = labels.find((l) => l.text === '+510.89')!;
    const points = labels.find((l) => l.text === '+6.4 个百分点')!;
    expect(points.top).toBeGreaterThan(change.top);
  });
});

describe('the mix', () => {
  it('labels a segment only where the label fits inside it', () => {
    const o = mixOption(MIX, 'zh-CN', REPORT_CHART_SIZE.mix);
    const shown = o.series.map((s) => s.data.map((d) => d.label.show));
    // 3% of the plot (about 19 px) cannot hold "3.0%" (about 25 px with its box).
    expect(shown).toEqual([
      [true, true],
      [true, true],
      [false, false],
    ]);
    expect(o.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['去年同期', '本期'] });
  });

  it('as drawn: each shown label inside its segment', async () => {
    const [c] = await drawReportCharts([MIX], 'en');
    const labels = texts(c!.file).filter((t) => t.size === 10);
    expect(labels.map((l) => l.text).sort()).toEqual(['37.6%', '47.6%', '49.4%', '59.4%']);
  });
});

describe('the trend', () => {
  it('bars for the actual (a month without one left blank), a dashed line with squares for the target', () => {
    const o = trendOption(TREND, 'zh-CN', REPORT_CHART_SIZE.trend);
    expect(o.series.map((s) => [s.type, s.name])).toEqual([
      ['bar', '实际'],
      ['line', '目标'],
    ]);
    expect(o.series[0]!.data).toEqual([1257.85, 884.29, '-']);
    expect(o.series[1]).toMatchObject({ symbol: 'rect', lineStyle: { type: 'dashed' } });
    expect(o.yAxis).toMatchObject({ min: 0, max: 2000, name: '万元' });
  });
});

describe('the achievement chart mid-period', () => {
  it('draws the target and time-progress lines with labels apart, even when the two lines nearly meet', async () => {
    const [c] = await drawReportCharts(
      [
        {
          id: 'regions',
          kind: 'achievement',
          title: '各区域销售额达成率',
          categories: ['华南', '华北', '华东'],
          series: [{ name: '达成率', values: [1.01, 0.97, 0.9], pattern: 'solid' }],
          status: ['on-track', 'on-track', 'at-risk'],
          statusWords: { 'on-track': '● 正常', 'at-risk': '▲ 预警' },
          percent: true,
          markLine: { value: 1, label: '目标 100%' },
          moreLines: [{ value: 0.96, label: '时间进度 96.0%' }],
          unit: null,
        },
      ],
      'zh-CN',
    );
    const all = texts(c!.file);
    const lines = all.filter((t) => t.size === 11);
    expect(lines.map((l) => l.text)).toEqual(['目标 100%', '时间进度 96.0%']);
    expect(meets(lines[0]!, lines[1]!)).toBe(false);
    const values = all.filter((t) => t.size === 10);
    expect(values).toHaveLength(3);
    const ys = [
      ...c!.file.matchAll(/<path d="M[\d.]+ ([\d.]+)H[\d.]+"[^>]*stroke="#000"[^>]*stroke-dasharray/g),
    ].map((m) => Number(m[1]));
    expect(ys).toHaveLength(2);
    for (const v of values)
      for (const y of ys) expect(y < v.top || y > v.bottom, `a line at ${y} crosses "${v.text}"`).toBe(true);
  });
});

describe('the PNG copies for Word', () => {
  it('give a text with Chinese a CJK font first and the others a Latin font', () => {
    const svg = `<svg><text style="font-family:${CHART_FONT};">华北</text><text style="font-family:${CHART_FONT};">8,000</text></svg>`;
    const out = forRaster(svg, 'zh-TW');
    expect(out).toContain(`font-family:${RASTER_FONT['zh-TW']};">华北<`);
    expect(out).toMatch(/font-family:'Liberation Sans', Arial[^;]*;">8,000</);
    expect(out).not.toContain(CHART_FONT);
  });

  it('are PNGs at 1.75 px per px of the chart (about 178 dpi at the 17 cm text width)', async () => {
    const drawn = await drawReportCharts([BRIDGE, MIX], 'zh-CN');
    const [bridge, mix] = await rasterise(drawn, 'zh-CN');
    for (const r of [bridge!, mix!])
      expect(Buffer.from(r.png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect([bridge!.width, bridge!.height]).toEqual([1190, 560]);
    expect([mix!.width, mix!.height]).toEqual([1190, Math.round(REPORT_CHART_SIZE.mix.height * 1.75)]);
    // The IHDR says the same.
    const ihdr = Buffer.from(bridge!.png.subarray(16, 24));
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)]).toEqual([1190, 560]);
  });
});
