import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/i18n/lang.js';
import type { KpiResult, KpiRow } from '../../src/core/kpi/result.js';
import { STATUS_COLOURS } from '../../src/core/kpi/status-colours.js';
import { type ChartSpec, kpiCharts } from '../../src/core/pack/kpi-view.js';
import { PACK_LABELS } from '../../src/core/pack/labels.js';
import { chartOption, LABEL, LINE_LABEL, renderCharts, textWidth } from '../../src/render/charts.js';
import { KPI_EXAMPLE } from '../helpers/kpi-example.js';

const SIZE = { width: 680, height: 300 };

/** Revenue by region with the given achievements (status as `kpi` decides it against time progress). */
function byRegion(timeProgress: number, achievements: number[], over: Partial<KpiRow> = {}): KpiResult {
  const base = KPI_EXAMPLE.rows[0]!;
  return {
    ...KPI_EXAMPLE,
    timeProgress,
    rows: achievements.map((a, i) => {
      const paced = a / timeProgress;
      return {
        ...base,
        group: { region: `区域${i + 1}` },
        target: 1000,
        actual: 1000 * a,
        achievement: a,
        status: paced >= 1 ? 'on-track' : paced >= 0.9 ? 'at-risk' : 'off-track',
        ...over,
      };
    }),
  };
}

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * What the rendered SVG shows: the value labels (10px text) and the reference line's label (11px text) as boxes,
 * and the reference line (the black dashed path) as its y. Read from ECharts' output, not from our layout.
 */
function drawn(svg: string) {
  const texts = [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attrs = m[1]!;
    const size = Number(/font-size:(\d+)px/.exec(attrs)?.[1]);
    const [tx, ty] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(attrs) ?? [0, '0', '0'])
      .slice(1)
      .map(Number) as [number, number];
    const dy = Number(/ y="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const dx = Number(/ x="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1];
    const w = textWidth(m[2]!, size);
    const x = tx + dx;
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    const cy = ty + dy;
    return {
      size,
      box: { text: m[2]!, left, right: left + w, top: cy - size * 0.7, bottom: cy + size * 0.7 },
    };
  });
  const line = /<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"[^>]*stroke="#000"[^>]*stroke-dasharray/.exec(
    svg,
  );
  return {
    values: texts.filter((t) => t.size === LABEL.fontSize).map((t) => t.box),
    lineLabels: texts.filter((t) => t.size === LINE_LABEL.fontSize).map((t) => t.box),
    line: line ? { y: Number(line[2]), left: Number(line[1]), right: Number(line[3]) } : null,
  };
}

const meets = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the achievement chart', () => {
  it('bars in order of achievement, highest first, each in the colour of its status (as the tables)', () => {
    const [spec] = kpiCharts(KPI_EXAMPLE, 'zh-CN');
    // 华北 98.0%, 华东 95.0%, 西部 88.2%, 华南 85.7%.
    expect(spec!.categories).toEqual(['华北', '华东', '西部', '华南']);
    const option = chartOption(spec!, 'zh-CN', SIZE);
    const bars = option.series.map((s) => ({
      name: s.name,
      fill: (s.itemStyle as { color: string }).color,
      regions: (s.data as unknown[]).flatMap((d, i) => (d === '-' ? [] : [spec!.categories[i]])),
    }));
    expect(bars).toEqual([
      { name: '▲ 预警', fill: STATUS_COLOURS['at-risk'].fill, regions: ['华北', '华东'] },
      { name: '▼ 落后', fill: STATUS_COLOURS['off-track'].fill, regions: ['西部', '华南'] },
    ]);
    // The legend names the statuses with the tables' words.
    expect(option.legend).toBeDefined();
  });

  it('the other charts of the breakdown keep the same order of regions', () => {
    const charts = kpiCharts(KPI_EXAMPLE, 'en');
    for (const c of charts) expect(c.categories).toEqual(['华北', '华东', '西部', '华南']);
    expect(charts[1]!.series[0]!.values).toEqual([2450, 2850, 1500, 2400]);
  });

  it('the SVG fills the bars with the status colours and the legend carries the status words', async () => {
    const [chart] = await renderCharts(kpiCharts(byRegion(0.5, [0.62, 0.47, 0.3]), 'zh-TW'), 'zh-TW');
    const svg = chart!.svg.html;
    for (const s of ['on-track', 'at-risk', 'off-track'] as const) {
      expect(svg.toLowerCase()).toContain(`fill="${STATUS_COLOURS[s].fill.toLowerCase()}"`);
      expect(svg).toContain(PACK_LABELS['zh-TW'].statusWords[s]!);
    }
  });

  it('no ratio metric is compared with time progress: its chart has the 100% target line, in every language', () => {
    const ratio = byRegion(0.5, [0.97, 0.94, 0.9], {
      metric: 'collection_rate',
      label: '回款率',
      kind: 'ratio',
      unit: '%',
    });
    for (const lang of LANGS) {
      const L = PACK_LABELS[lang];
      const [spec] = kpiCharts({ ...ratio, totals: [] }, lang);
      expect(spec!.markLine).toEqual({ value: 1, label: L.targetLine });
      expect(spec!.title).not.toContain(L.timeProgress);
      // A summary sheet mixing revenue with ratios: no time-progress line for the lot.
      const [summary] = kpiCharts({ ...KPI_EXAMPLE, timeProgress: 0.5, rows: [], by: [] }, lang);
      expect(summary!.markLine).toEqual({ value: 1, label: L.targetLine });
      expect(summary!.title).not.toContain(L.timeProgress);
      // Revenue alone is compared with time progress.
      const [revenue] = kpiCharts(byRegion(0.5, [0.6, 0.4]), lang);
      expect(revenue!.markLine).toEqual({ value: 0.5, label: `${L.timeProgress} 50.0%` });
    }
  });
});

describe('value labels never collide with the reference line or its label', () => {
  /** Achievements just under, at and over the line, where a label above its bar would sit on the line. */
  const cases: [string, number, number[]][] = [
    ['period end, 100% line', 1, [0.938, 0.836, 1.104, 0.802]],
    ...[0.1, 0.3, 0.5, 0.834, 1].map((tp): [string, number, number[]] => [
      `time progress ${tp}`,
      tp,
      [-0.06, -0.035, -0.02, -0.008, 0, 0.012, 0.04].map((d) => Math.max(0, tp + d)),
    ]),
  ];

  it.each(cases)('%s: computed from the chart option', (_name, tp, achievements) => {
    const [spec] = kpiCharts(byRegion(tp, achievements), 'zh-CN') as [ChartSpec];
    const option = chartOption(spec, 'zh-CN', SIZE);
    const { grid, yAxis } = option;
    const plotTop = grid.top;
    const plotBottom = SIZE.height - grid.bottom;
    const y = (v: number) =>
      plotBottom - ((v - yAxis.min) / (yAxis.max - yAxis.min)) * (plotBottom - plotTop);
    const lineY = y(spec.markLine!.value);
    const plotRight = SIZE.width - grid.right;
    const lineLabel: Box = {
      text: spec.markLine!.label,
      left: plotRight + LINE_LABEL.distance,
      right: plotRight + LINE_LABEL.distance + textWidth(spec.markLine!.label, LINE_LABEL.fontSize),
      top: lineY - LINE_LABEL.height / 2,
      bottom: lineY + LINE_LABEL.height / 2,
    };
    const slot = (plotRight - grid.left) / spec.categories.length;
    let moved = 0;
    for (const s of option.series) {
      (s.data as unknown[]).forEach((d, i) => {
        if (d === '-') return;
        const item =
          typeof d === 'number' ? { value: d } : (d as { value: number; label?: Record<string, unknown> });
        const position = (item.label?.position as string | undefined) ?? 'top';
        const offsetY = ((item.label?.offset as number[] | undefined) ?? [0, 0])[1]!;
        if (position !== 'top' || offsetY !== 0) moved++;
        const barTop = Math.min(y(item.value), y(0));
        const top =
          (position === 'top' ? barTop - LABEL.distance - LABEL.height : barTop + LABEL.distance) + offsetY;
        const text = `${(item.value * 100).toFixed(1)}%`;
        const cx = grid.left + slot * (i + 0.5);
        const box: Box = {
          text,
          left: cx - textWidth(text, LABEL.fontSize) / 2,
          right: cx + textWidth(text, LABEL.fontSize) / 2,
          top,
          bottom: top + LABEL.height,
        };
        expect(lineY < box.top || lineY > box.bottom, `${text}: the line crosses its label`).toBe(true);
        expect(meets(box, lineLabel), `${text} overlaps "${lineLabel.text}"`).toBe(false);
        expect(box.top, `${text} stays in the chart`).toBeGreaterThanOrEqual(0);
      });
    }
    // The cases are chosen so that labels above their bars would hit the line: some had to move.
    expect(moved).toBeGreaterThan(0);
  });

  it.each(cases)('%s: as ECharts drew it (SVG)', async (_name, tp, achievements) => {
    const [chart] = await renderCharts(kpiCharts(byRegion(tp, achievements), 'en'), 'en');
    const { values, lineLabels, line } = drawn(chart!.svg.html);
    expect(line).not.toBeNull();
    expect(lineLabels).toHaveLength(1);
    expect(values.length).toBe(achievements.filter((a) => a > 0 || a === 0).length);
    for (const v of values) {
      expect(line!.y < v.top || line!.y > v.bottom, `the line at y=${line!.y} crosses "${v.text}"`).toBe(
        true,
      );
      expect(meets(v, lineLabels[0]!), `"${v.text}" overlaps "${lineLabels[0]!.text}"`).toBe(false);
    }
    // The line's label sits right of the line's end, inside the picture.
    expect(lineLabels[0]!.left).toBeGreaterThanOrEqual(line!.right);
    expect(lineLabels[0]!.right).toBeLessThanOrEqual(SIZE.width);
  });
});
