import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/i18n/lang.js';
import type { KpiResult, KpiRow } from '../../src/core/kpi/result.js';
import { STATUS_COLOURS } from '../../src/core/kpi/status-colours.js';
import { type ChartSpec, kpiCharts } from '../../src/core/pack/kpi-view.js';
import { PACK_LABELS } from '../../src/core/pack/labels.js';
import { type DrawnBar, planBarChart, renderCharts } from '../../src/render/bar-chart.js';
import { LABEL, LINE_LABEL, textWidth } from '../../src/render/charts.js';
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
 * and the reference line (the black dashed path) as its y. Read from the SVG, not from the plan it was written from.
 */
function drawn(svg: string) {
  const texts = [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attrs = m[1]!;
    const size = Number(/font-size="(\d+)"/.exec(attrs)?.[1]);
    const x = Number(/ x="([-\d.]+)"/.exec(` ${attrs}`)?.[1]);
    const cy = Number(/ y="([-\d.]+)"/.exec(attrs)?.[1]);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1];
    expect(/dominant-baseline="central"/.test(attrs)).toBe(true);
    const w = textWidth(m[2]!, size);
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    return {
      size,
      box: { text: m[2]!, left, right: left + w, top: cy - size * 0.7, bottom: cy + size * 0.7 },
    };
  });
  const line = /<path d="M([\d.]+) ([\d.]+)H([\d.]+)"[^>]*stroke="#000"[^>]*stroke-dasharray/.exec(svg);
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
    const plan = planBarChart(spec!, 'zh-CN', SIZE);
    const bars = plan.bars.map((b) => ({
      region: spec!.categories[b.category],
      name: b.name,
      fill: b.paint.fill,
    }));
    expect(bars).toEqual([
      { region: '华北', name: '▲ 预警', fill: STATUS_COLOURS['at-risk'].fill },
      { region: '华东', name: '▲ 预警', fill: STATUS_COLOURS['at-risk'].fill },
      { region: '西部', name: '▼ 落后', fill: STATUS_COLOURS['off-track'].fill },
      { region: '华南', name: '▼ 落后', fill: STATUS_COLOURS['off-track'].fill },
    ]);
    // The legend names the statuses with the tables' words, each with its bars' paint.
    expect(plan.legend.map((e) => [e.name, e.paint.fill, e.paint.pattern])).toEqual([
      ['▲ 预警', STATUS_COLOURS['at-risk'].fill, 'hatch'],
      ['▼ 落后', STATUS_COLOURS['off-track'].fill, 'dots'],
    ]);
  });

  it('the other charts of the breakdown keep the same order of regions', () => {
    const charts = kpiCharts(KPI_EXAMPLE, 'en');
    for (const c of charts) expect(c.categories).toEqual(['华北', '华东', '西部', '华南']);
    expect(charts[1]!.series[0]!.values).toEqual([2450, 2850, 1500, 2400]);
  });

  it('the SVG fills the bars with the status colours and the legend carries the status words', () => {
    const [chart] = renderCharts(kpiCharts(byRegion(0.5, [0.62, 0.47, 0.3]), 'zh-TW'), 'zh-TW');
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

  it.each(cases)('%s: as planned', (_name, tp, achievements) => {
    const [spec] = kpiCharts(byRegion(tp, achievements), 'zh-CN') as [ChartSpec];
    const plan = planBarChart(spec, 'zh-CN', SIZE);
    const lineY = plan.lines[0]!.y;
    const plotRight = SIZE.width - plan.layout.grid.right;
    const lineLabel: Box = {
      text: spec.markLine!.label,
      left: plotRight + LINE_LABEL.distance,
      right: plotRight + LINE_LABEL.distance + textWidth(spec.markLine!.label, LINE_LABEL.fontSize),
      top: lineY - LINE_LABEL.height / 2,
      bottom: lineY + LINE_LABEL.height / 2,
    };
    let moved = 0;
    for (const b of plan.bars) {
      const w = textWidth(b.label.text, LABEL.fontSize);
      const box: Box = {
        text: b.label.text,
        left: b.label.x - w / 2,
        right: b.label.x + w / 2,
        top: b.label.y - LABEL.height / 2,
        bottom: b.label.y + LABEL.height / 2,
      };
      // Not in its default place: just above its bar.
      if (b.label.inside || Math.abs(box.bottom - (b.y - LABEL.distance)) > 0.1) moved++;
      expect(lineY < box.top || lineY > box.bottom, `${box.text}: the line crosses its label`).toBe(true);
      expect(meets(box, lineLabel), `${box.text} overlaps "${lineLabel.text}"`).toBe(false);
      expect(box.top, `${box.text} stays in the chart`).toBeGreaterThanOrEqual(0);
    }
    // The cases are chosen so that labels above their bars would hit the line: some had to move.
    expect(moved).toBeGreaterThan(0);
  });

  it.each(cases)('%s: as drawn (SVG)', (_name, tp, achievements) => {
    const [chart] = renderCharts(kpiCharts(byRegion(tp, achievements), 'en'), 'en');
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

describe('the bar chart as written', () => {
  const spec = (over: Partial<ChartSpec>): ChartSpec => ({
    id: 'yoy',
    kind: 'yoy',
    title: 'YoY',
    categories: ['North', 'South'],
    series: [{ name: 'YoY', values: [0.2, -0.07], pattern: 'grid' }],
    status: null,
    statusWords: {},
    percent: true,
    markLine: null,
    unit: null,
    ...over,
  });

  it('a negative bar hangs from the zero line, which is the category axis; the grid lines are the ticks', () => {
    const plan = planBarChart(spec({}), 'en', SIZE);
    // Ticks every 10% from -10% to 20%: 4 lines, 0% drawn as the axis.
    expect(plan.ticks.map((t) => t.text)).toEqual(['-10%', '0%', '10%', '20%']);
    const zero = plan.layout.y(0);
    const [up, down] = plan.bars as [DrawnBar, DrawnBar];
    expect(up.y + up.height).toBeCloseTo(zero, 0);
    expect(down.y).toBeCloseTo(zero, 0);
    expect(down.height).toBeCloseTo(plan.layout.y(-0.07) - zero, 0);
    expect([up.label.text, down.label.text]).toEqual(['20.0%', '-7.0%']);
    // Each label at its bar's end: above the bar going up, under the bar going down.
    expect(up.label.y + LABEL.height / 2).toBeCloseTo(up.y - LABEL.distance, 0);
    expect(down.label.y - LABEL.height / 2).toBeCloseTo(down.y + down.height + LABEL.distance, 0);
    // A bar down to the axis' lowest tick: its label inside its end, on a white ground.
    const [, deepest] = planBarChart(
      spec({ series: [{ name: 'YoY', values: [0.2, -0.2], pattern: 'grid' }] }),
      'en',
      SIZE,
    ).bars as [DrawnBar, DrawnBar];
    expect(deepest.label.inside).toBe(true);
    expect(deepest.label.y + LABEL.height / 2).toBeCloseTo(deepest.y + deepest.height - LABEL.distance, 0);
    const svg = renderCharts([spec({})], 'en')[0]!.svg.html;
    expect(svg).toContain(`<path d="M${plan.layout.grid.left} ${Math.round(zero) + 0.5}H`);
    expect(svg).toMatch(/stroke="#333"/);
  });

  it('many or long categories are turned 30° and cut with an ellipsis; text is escaped', () => {
    const categories = [
      'R&D <West>',
      'A very long region name indeed, longer than the slot',
      'C',
      'D',
      'E',
      'F',
      'G',
    ];
    const s = spec({
      categories,
      series: [{ name: 'x', values: categories.map(() => 0.1), pattern: 'grid' }],
    });
    const plan = planBarChart(s, 'en', SIZE);
    expect(plan.categories.every((c) => c.rotate === 30)).toBe(true);
    expect(plan.categories[0]!.text).toBe('R&D <West>');
    expect(plan.categories[1]!.text.endsWith('…')).toBe(true);
    expect(textWidth(plan.categories[1]!.text, 12)).toBeLessThanOrEqual(90);
    const svg = renderCharts([s], 'en')[0]!.svg.html;
    expect(svg).toContain('>R&amp;D &lt;West&gt;</text>');
    expect(svg).toContain('rotate(-30)');
    expect(svg).not.toMatch(/<text[^>]*>[^<]*[<>"][^<]*<\/text>/);
  });

  it('the unit is named above the plot, inside the picture, with or without a legend', () => {
    for (const series of [
      [{ name: 'Actual', values: [5000, 3000], pattern: 'solid' as const }],
      [
        { name: 'Actual', values: [5000, 3000], pattern: 'solid' as const },
        { name: 'Target', values: [4000, 4000], pattern: 'hatch' as const },
      ],
    ]) {
      const s = spec({ kind: 'actual-target', percent: false, unit: '万元', series });
      const plan = planBarChart(s, 'zh-CN', SIZE);
      expect(plan.layout.grid.top).toBe(36);
      const svg = renderCharts([s], 'zh-CN')[0]!.svg.html;
      const y = Number(/ y="([-\d.]+)"[^>]*>万元</.exec(svg)?.[1]);
      expect(y - 6).toBeGreaterThanOrEqual(0);
      expect(y + 6).toBeLessThanOrEqual(plan.layout.grid.top);
      expect(plan.legend.map((e) => e.name)).toEqual(series.length > 1 ? ['Actual', 'Target'] : []);
    }
  });

  it('series side by side in their patterns, each pattern defined once per chart', () => {
    const s = spec({
      kind: 'actual-target',
      percent: false,
      series: [
        { name: 'Actual', values: [5000, 3000], pattern: 'solid' },
        { name: 'Target', values: [4000, null], pattern: 'hatch' },
        { name: 'Prior year', values: [3500, 2800], pattern: 'dots' },
      ],
    });
    const plan = planBarChart(s, 'en', SIZE);
    // A missing value leaves its place empty; the others keep theirs.
    expect(plan.bars.map((b) => [b.category, b.name])).toEqual([
      [0, 'Actual'],
      [1, 'Actual'],
      [0, 'Target'],
      [0, 'Prior year'],
      [1, 'Prior year'],
    ]);
    const [a, t, p] = plan.bars.filter((b) => b.category === 0) as [DrawnBar, DrawnBar, DrawnBar];
    expect(a.x < t.x && t.x < p.x).toBe(true);
    expect(t.x - (a.x + a.width)).toBeCloseTo(a.width * 0.3, 0);
    const svg = renderCharts([s], 'en')[0]!.svg.html;
    expect(svg.match(/<pattern /g)).toHaveLength(2);
    expect(svg).toContain('id="chart-yoy-p0"');
    expect(svg).toContain('id="chart-yoy-p1"');
  });

  it('leaves the value labels out when they do not fit beside each other (20 reps, three bars each)', () => {
    const reps = Array.from({ length: 20 }, (_, i) => `销售${String(i + 1).padStart(2, '0')}`);
    const wide = spec({
      kind: 'actual-target',
      percent: false,
      categories: reps,
      series: [
        { name: '实际', values: reps.map((_, i) => 1234.5 + i * 37.3), pattern: 'solid' },
        { name: '目标', values: reps.map(() => 1300), pattern: 'hatch' },
      ],
    });
    const plan = planBarChart(wide, 'zh-CN', SIZE);
    expect(plan.valueLabels).toBe(false);
    const svg = renderCharts([wide], 'zh-CN')[0]!.svg.html;
    expect(svg).not.toContain('font-size="10"');
    // Bars, categories and the legend are all there.
    expect(svg.match(/<rect [^>]*stroke-width="0.6"/g)).toHaveLength(40);
    for (const r of reps) expect(svg).toContain(`>${r}</text>`);
    // Four groups: every bar has its number.
    const few = spec({ ...wide, categories: reps.slice(0, 4) });
    few.series = wide.series.map((s) => ({ ...s, values: s.values.slice(0, 4) }));
    expect(planBarChart(few, 'zh-CN', SIZE).valueLabels).toBe(true);
    expect(renderCharts([few], 'zh-CN')[0]!.svg.html.match(/font-size="10"/g)).toHaveLength(8);
  });
});
