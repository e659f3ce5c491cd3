import { describe, expect, it } from 'vitest';
import type { TrackedAction } from '../../../src/core/actions.js';
import {
  formatChange,
  formatDate,
  formatGap,
  formatNumber,
  formatPercent,
} from '../../../src/core/pack/format.js';
import { kpiCharts, kpiView } from '../../../src/core/pack/kpi-view.js';
import { actionRows } from '../../../src/core/pack/view.js';
import { buildIcs, escapeText, foldLine } from '../../../src/io/ics.js';
import { KPI_EXAMPLE } from '../../helpers/kpi-example.js';

describe('number formats', () => {
  it('percentages, changes and gaps as a sales director reads them', () => {
    expect(formatPercent(0.92, 'zh-CN')).toBe('92.0%');
    expect(formatPercent(0.9444, 'en')).toBe('94.4%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatChange(0.15, 'ratio', null, 'zh-CN')).toBe('+15.0%');
    expect(formatChange(-0.03, 'pp', null, 'zh-CN')).toBe('−3.0 个百分点');
    expect(formatChange(-0.03, 'pp', null, 'zh-TW')).toBe('−3.0 個百分點');
    expect(formatChange(-0.03, 'pp', null, 'en')).toBe('−3.0 pp');
    expect(formatChange(0, 'ratio', null, 'en')).toBe('±0.0%');
    expect(formatChange(null, 'ratio', 'turned-positive', 'zh-CN')).toBe('扭亏为盈');
    expect(formatChange(null, 'ratio', 'n/m', 'en')).toBe('n/m');
    // The same word as `kpi` and its workbook: 不可比 (no base to compare with), never 不适用.
    expect(formatChange(null, 'ratio', 'n/m', 'zh-CN')).toBe('不可比');
    expect(formatChange(null, 'ratio', 'n/m', 'zh-TW')).toBe('不可比');
    expect(formatChange(null, 'ratio', null, 'en')).toBe('—');
    expect(formatGap(0.92, 1, 'zh-CN')).toBe('落后 8.0 个百分点');
    expect(formatGap(0.55, 0.5, 'en')).toBe('ahead 5.0 pp');
    expect(formatNumber(12345.678, 'en')).toBe('12,345.68');
    expect(formatNumber(-800, 'zh-CN', 0)).toBe('-800');
    // Always the decimals asked for: 2,063.90 beside 3,093.55, never 2,063.9.
    expect(formatNumber(2063.9, 'en')).toBe('2,063.90');
    expect(formatNumber(-0.001, 'en')).toBe('0.00');
  });

  it('dates in the three languages', () => {
    expect(formatDate('2026-07-10', 'zh-CN')).toBe('2026年7月10日（星期五）');
    expect(formatDate('2026-07-10', 'zh-TW')).toBe('2026年7月10日（星期五）');
    expect(formatDate('2026-07-10', 'en')).toBe('Friday, 10 July 2026');
  });
});

describe('KPI section', () => {
  it('summary rows carry the worked example exactly', () => {
    const v = kpiView(KPI_EXAMPLE, 'zh-CN', []);
    expect(v.timeProgress).toBe('100.0%');
    expect(
      v.summary.map((r) => [r.label, r.target, r.actual, r.priorYear, r.achievement, r.yoy, r.status]),
    ).toEqual([
      ['销售额', '10,000', '9,200', '8,000', '92.0%', '+15.0%', '▲ 预警'],
      ['回款率', '90.0%', '85.0%', '88.0%', '94.4%', '−3.0 个百分点', '▲ 预警'],
      ['新客户数', '200', '180', '150', '90.0%', '+20.0%', '▲ 预警'],
    ]);
    expect(v.summary[1]!.variance).toBe('−5.0 个百分点');
  });

  it('the breakdown by region keeps share, rank and the gap to time progress', () => {
    const v = kpiView(KPI_EXAMPLE, 'en', []);
    expect(v.breakdowns).toHaveLength(1);
    const b = v.breakdowns[0]!;
    expect(b.dimension).toBe('Region');
    expect(b.rows.map((r) => [r.label, r.achievement, r.gap, r.share, r.rank, r.status])).toEqual([
      ['华东', '95.0%', 'behind 5.0 pp', '31.0%', '1', '▲ At risk'],
      ['华北', '98.0%', 'behind 2.0 pp', '26.6%', '2', '▲ At risk'],
      ['华南', '85.7%', 'behind 14.3 pp', '26.1%', '3', '▼ Off track'],
      ['西部', '88.2%', 'behind 11.8 pp', '16.3%', '4', '▼ Off track'],
    ]);
    expect(v.warnings).toEqual(['data/kpi-2026-h1.xlsx [明细]!A58: 2 blank rows skipped']);
  });

  it('mid-period, the legend says YoY and MoM compare the same days; a finished period does not', () => {
    const line = '期间未结束时，同比、环比按同期已过天数比较：去年同期与上期均截至对应的同一天。';
    expect(kpiView({ ...KPI_EXAMPLE, timeProgress: 0.5 }, 'zh-CN', []).legend).toContain(line);
    expect(kpiView(KPI_EXAMPLE, 'zh-CN', []).legend).not.toContain(line);
    expect(kpiView({ ...KPI_EXAMPLE, timeProgress: 0.5 }, 'en', []).legend).toContain(
      'Mid-period, YoY and MoM are like for like: the prior year and the previous period up to the same day.',
    );
  });

  it('no gap to time progress for a ratio, a distinct count or a lower-is-better metric: "—", and no column without a paced metric', () => {
    const mid = { ...KPI_EXAMPLE, timeProgress: 0.5 };
    const v = kpiView(mid, 'zh-CN', []);
    expect(v.gapColumn).toBe(true);
    expect(v.summary.map((r) => [r.label, r.gap])).toEqual([
      ['销售额', '领先 42.0 个百分点'],
      ['回款率', '—'],
      ['新客户数', '—'],
    ]);
    // A breakdown of the collection rate alone (a ratio): no gap column at all, in any language.
    const ratioRows = mid.rows.map((r) => ({
      ...r,
      metric: 'collection_rate',
      label: '回款率',
      kind: 'ratio' as const,
      unit: '%',
    }));
    for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
      const only = kpiView({ ...mid, rows: ratioRows, totals: [mid.totals[1]!] }, lang, []);
      expect(only.gapColumn).toBe(false);
      expect(only.breakdowns[0]!.gapColumn).toBe(false);
      expect(only.breakdowns[0]!.rows.every((r) => r.gap === '—')).toBe(true);
    }
    // An expense ratio (lower is better) neither.
    const expense = {
      ...mid.totals[1]!,
      metric: 'expense_ratio',
      label: '费用率',
      direction: 'lower' as const,
    };
    expect(kpiView({ ...mid, rows: [], totals: [expense] }, 'en', []).summary[0]!.gap).toBe('—');
  });

  it('charts: achievement against time progress, actual/target/prior year, YoY, for the revenue breakdown', () => {
    const charts = kpiCharts(KPI_EXAMPLE, 'zh-CN');
    expect(charts.map((c) => c.id)).toEqual(['achievement', 'actual-target', 'yoy']);
    // Highest achievement first: 华北 98.0%, 华东 95.0%, 西部 88.2%, 华南 85.7%.
    expect(charts[0]!.categories).toEqual(['华北', '华东', '西部', '华南']);
    expect(charts[0]!.status).toEqual(['at-risk', 'at-risk', 'off-track', 'off-track']);
    expect(charts[0]!.statusWords).toEqual({ 'at-risk': '▲ 预警', 'off-track': '▼ 落后' });
    expect(charts[0]!.markLine).toEqual({ value: 1, label: '时间进度 100.0%' });
    expect(charts[1]!.title).toBe('销售额（万元）：实际 vs 目标 vs 去年同期');
    expect(charts[1]!.series.map((s) => [s.name, s.pattern, s.values])).toEqual([
      ['实际', 'solid', [2450, 2850, 1500, 2400]],
      ['目标', 'hatch', [2500, 3000, 1700, 2800]],
      ['去年同期', 'dots', [1900, 2400, 1400, 2300]],
    ]);
  });

  it('a summary sheet without groups charts the metrics against each other', () => {
    const charts = kpiCharts({ ...KPI_EXAMPLE, rows: [], by: [] }, 'en');
    expect(charts[0]!.categories).toEqual(['回款率', '销售额', '新客户数']);
    // A ratio among them: against the 100% target, not time progress.
    expect(charts[0]!.title).toBe('achievement vs target');
    expect(charts[0]!.markLine).toEqual({ value: 1, label: 'Target 100%' });
    // YoY of a ratio metric is in pp and is not mixed with percent changes.
    expect(charts[2]!.categories).toEqual(['销售额', '新客户数']);
  });
});

describe('previous actions', () => {
  const a = (id: string, status: TrackedAction['status'], due?: string): TrackedAction => ({
    id,
    meeting: 'prev',
    what: `do ${id}`,
    status,
    due,
    carried: 1,
    updates: [],
  });
  it('overdue first (oldest first), then open by due date, then done and dropped', () => {
    const rows = actionRows(
      [
        a('d', 'done', '2026-07-01'),
        a('o2', 'open', '2026-07-31'),
        a('x', 'dropped'),
        a('late2', 'in-progress', '2026-07-17'),
        a('late1', 'open', '2026-07-15'),
        a('o1', 'open', '2026-07-20'),
      ],
      '2026-07-20',
      'en',
    );
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['late1', 'Overdue · Open'],
      ['late2', 'Overdue · In progress'],
      ['o1', 'Open'],
      ['o2', 'Open'],
      ['d', 'Done'],
      ['x', 'Dropped'],
    ]);
  });
});

describe('.ics text', () => {
  it('escapes TEXT values and folds at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `DESCRIPTION:${'华东回款率下滑与应收账款风险'.repeat(8)}`;
    const folded = foldLine(long).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
  });

  it('CRLF line ends, UTC times, quoted parameter values', () => {
    const ics = buildIcs(
      {
        uid: 'u@salesmeet',
        stamp: new Date('2026-07-08T02:00:00Z'),
        start: new Date('2026-07-10T01:00:00Z'),
        end: new Date('2026-07-10T07:30:00Z'),
        summary: 'Review',
        description: 'x',
        organizer: { name: 'Chen, Jianguo', email: 'chen@example.com' },
        attendees: [{ name: 'Li Na', required: false }],
      },
      '0.1.0',
    );
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(ics).toContain('DTSTART:20260710T010000Z\r\n');
    expect(ics).toContain('ORGANIZER;CN="Chen, Jianguo":mailto:chen@example.com\r\n');
    expect(ics).toContain('ATTENDEE;CN=Li Na;ROLE=OPT-PARTICIPANT;');
  });
});
