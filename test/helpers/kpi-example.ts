import type { KpiResult, KpiRow } from '../../src/core/kpi/result.js';

/**
 * The half-year worked example of DESIGN.md as `salesmeet kpi --json` prints it: revenue 10000 → 9200 万元
 * (92.0%, +15.0% YoY), collection rate 90% → 85% (94.4%, −3.0 pp), new customers 200 → 180 (90.0%, +20.0%),
 * and revenue by region. Test input for the pack, written out by hand (not produced by the code under test).
 */
/** A KPI row with every field blank but the ones given (a ratio's changes in pp). */
export function row(p: Partial<KpiRow> & Pick<KpiRow, 'metric' | 'label' | 'kind'>): KpiRow {
  return {
    direction: 'higher',
    unit: null,
    group: {},
    target: null,
    actual: null,
    priorYear: null,
    priorPeriod: null,
    achievement: null,
    variance: null,
    yoy: null,
    yoyUnit: p.kind === 'ratio' ? 'pp' : 'ratio',
    yoyNote: null,
    mom: null,
    momUnit: p.kind === 'ratio' ? 'pp' : 'ratio',
    momNote: null,
    share: null,
    rank: null,
    status: null,
    forecast: null,
    forecastAchievement: null,
    ...p,
  };
}

const region = (
  name: string,
  target: number,
  actual: number,
  priorYear: number,
  achievement: number,
  yoy: number,
  share: number,
  rank: number,
  status: KpiRow['status'],
) =>
  row({
    metric: 'revenue',
    label: '销售额',
    kind: 'amount',
    unit: '万元',
    group: { region: name },
    target,
    actual,
    priorYear,
    achievement,
    variance: actual - target,
    yoy,
    share,
    rank,
    status,
  });

export const KPI_EXAMPLE: KpiResult = {
  schema: 'salesmeet.kpi/1',
  period: { label: '2026-H1', start: '2026-01-01', end: '2026-06-30' },
  asOf: '2026-06-30',
  timeProgress: 1,
  by: ['region'],
  rows: [
    region('华东', 3000, 2850, 2400, 0.95, 0.1875, 0.3098, 1, 'at-risk'),
    region('华北', 2500, 2450, 1900, 0.98, 0.2895, 0.2663, 2, 'at-risk'),
    region('华南', 2800, 2400, 2300, 0.8571, 0.0435, 0.2609, 3, 'off-track'),
    region('西部', 1700, 1500, 1400, 0.8824, 0.0714, 0.163, 4, 'off-track'),
  ],
  totals: [
    row({
      metric: 'revenue',
      label: '销售额',
      kind: 'amount',
      unit: '万元',
      target: 10000,
      actual: 9200,
      priorYear: 8000,
      achievement: 0.92,
      variance: -800,
      yoy: 0.15,
      status: 'at-risk',
    }),
    row({
      metric: 'collection_rate',
      label: '回款率',
      kind: 'ratio',
      unit: '%',
      target: 0.9,
      actual: 0.85,
      priorYear: 0.88,
      achievement: 0.9444,
      variance: -0.05,
      yoy: -0.03,
      status: 'at-risk',
    }),
    row({
      metric: 'new_customers',
      label: '新客户数',
      kind: 'count',
      unit: '家',
      target: 200,
      actual: 180,
      priorYear: 150,
      achievement: 0.9,
      variance: -20,
      yoy: 0.2,
      status: 'at-risk',
    }),
  ],
  warnings: [{ message: '2 blank rows skipped', file: 'data/kpi-2026-h1.xlsx', sheet: '明细', cell: 'A58' }],
  notes: [],
};
