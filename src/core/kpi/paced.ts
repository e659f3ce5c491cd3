/**
 * Which metrics are judged against time progress (时间进度). A sum that grows with the days (revenue, orders,
 * collections) and where more is better: halfway through the period, half the target is on pace. A ratio
 * (collection rate, gross margin, conversion) does not grow with the days, a distinct count (customers) does not
 * add up like a sum, and a lower-is-better metric (expense ratio, churn) has no pace: for them time progress is
 * meaningless, so no gap to it, no pace in the status and no chart against it.
 */
import { DISTINCT } from './compute/distinct.js';
import { metricByKey } from './metrics.js';
import type { Direction, MetricKind } from './result.js';

export interface PacedMetric {
  /** The metric's key (`revenue`, `collection_rate`…). */
  metric: string;
  kind: MetricKind;
  direction: Direction;
  /** How its values combine; by default the dictionary's, else `ratio` for a ratio and `sum` otherwise. */
  agg?: 'sum' | 'ratio' | 'mean';
}

/** Whether the metric's achievement is compared with time progress (gap, paced status, the chart's line). */
export function pacedByTime(m: PacedMetric): boolean {
  const agg = m.agg ?? metricByKey(m.metric)?.agg ?? (m.kind === 'ratio' ? 'ratio' : 'sum');
  return agg === 'sum' && m.kind !== 'ratio' && !DISTINCT.has(m.metric) && m.direction === 'higher';
}
