import { describe, expect, it } from 'vitest';
import { buildTable, decimalsByMetric } from '../../../src/core/kpi/present.js';
import type { KpiResult } from '../../../src/core/kpi/result.js';
import { kpiView } from '../../../src/core/pack/kpi-view.js';
import { KPI_EXAMPLE } from '../../helpers/kpi-example.js';

/** KPI_EXAMPLE with the regions' actuals in cents, as a detail export sums them (figures written by hand). */
const CENTS: KpiResult = {
  ...KPI_EXAMPLE,
  rows: KPI_EXAMPLE.rows.map((r, i) => {
    const actual = [3093.55, 2063.9, 2400, 1642.55][i]!;
    return { ...r, actual, variance: actual - r.target! };
  }),
  totals: KPI_EXAMPLE.totals.map((r) =>
    r.metric === 'revenue' ? { ...r, actual: 9200, variance: -800 } : r,
  ),
};

describe('one number of decimals per column', () => {
  it('a metric with any value in cents prints every value with two decimals; a whole metric none', () => {
    const d = decimalsByMetric([...CENTS.rows, ...CENTS.totals]);
    expect(d.get('revenue')).toBe(2);
    expect(d.get('new_customers')).toBe(0);
    expect(decimalsByMetric(KPI_EXAMPLE.rows).get('revenue')).toBe(0);
  });

  it('in the terminal table: 2,063.90 beside 3,093.55, and the total 9,200.00 in the same column', () => {
    const t = buildTable(CENTS, new Map(), 'en');
    const actual = t.headers.indexOf('Actual');
    const revenue = t.rows.filter((r) => r.includes('销售额')).map((r) => r[actual]);
    expect(revenue).toEqual(['3,093.55', '2,063.90', '2,400.00', '1,642.55', '9,200.00']);
    const customers = t.rows.filter((r) => r.includes('新客户数')).map((r) => r[actual]);
    expect(customers).toEqual(['180']);
  });

  it('in the pack: the breakdown with cents has two decimals throughout; the whole-number summary none', () => {
    const v = kpiView(CENTS, 'zh-CN', []);
    expect(v.breakdowns[0]!.rows.map((r) => [r.label, r.target, r.actual])).toEqual([
      ['华东', '3,000.00', '3,093.55'],
      ['华北', '2,500.00', '2,063.90'],
      ['华南', '2,800.00', '2,400.00'],
      ['西部', '1,700.00', '1,642.55'],
    ]);
    expect(v.breakdowns[0]!.rows[1]!.variance).toBe('−436.10');
    expect(v.summary[0]).toMatchObject({ target: '10,000', actual: '9,200', variance: '−800' });
  });
});

describe('units in chart titles', () => {
  it('take the language’s brackets: Revenue (万元) in English, 销售额（万元） in Chinese', async () => {
    const { kpiCharts } = await import('../../../src/core/pack/kpi-view.js');
    const en = kpiCharts(CENTS, 'en').find((c) => c.id === 'actual-target')!;
    expect(en.title).toContain('销售额 (万元)');
    expect(en.title).not.toContain('（');
    const cn = kpiCharts(CENTS, 'zh-CN').find((c) => c.id === 'actual-target')!;
    expect(cn.title).toContain('销售额（万元）');
  });
});
