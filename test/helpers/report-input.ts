/** KPI results built by hand for the report's unit tests: revenue rows by group, with or without targets. */
import type { GroupKey, KpiResult, KpiRow, Status } from '../../src/core/kpi/result.js';
import { row } from './kpi-example.js';

export function revenue(p: Partial<KpiRow>): KpiRow {
  return row({ metric: 'revenue', label: '销售额', kind: 'amount', unit: '万元', ...p });
}

export function result(rows: KpiRow[], totals: KpiRow[], timeProgress = 1): KpiResult {
  return {
    schema: 'salesmeet.kpi/1',
    period: { label: '2026-H1', start: '2026-01-01', end: '2026-06-30' },
    asOf: '2026-06-30',
    timeProgress,
    by: [],
    rows,
    totals,
    warnings: [],
    notes: [],
  };
}

export type G = [
  name: string,
  actual: number,
  target: number | null,
  priorYear: number | null,
  status?: Status,
];

export function dimension(key: GroupKey, groups: G[]) {
  const rows = groups.map(([name, actual, target, priorYear, status]) =>
    revenue({
      group: { [key]: name },
      actual,
      target,
      priorYear,
      achievement: target ? actual / target : null,
      status: status ?? null,
    }),
  );
  return { key, current: result(rows, []), previous: null };
}
