import type { Group } from './kpi/result.js';

/**
 * One aggregated line of a detail export (orders or rep-months), as `targets --history` uses it to derive
 * seasonality and prior-year shares: the month it falls in, its dimensions and its amount.
 */
export interface HistoryRow {
  /** `YYYY-MM`. */
  month: string;
  group: Group;
  amount: number;
}
