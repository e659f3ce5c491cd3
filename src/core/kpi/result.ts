/**
 * The KPI result: what `salesmeet kpi --json` prints (schema "salesmeet.kpi/1") and what `pack` and
 * `actions --kpi` consume. Numbers are plain numbers; fractions, not percents (92% is 0.92; −3 pp is −0.03);
 * absent values are null.
 */

export type MetricKind = 'amount' | 'count' | 'ratio';
export type Direction = 'higher' | 'lower';
export type ChangeUnit = 'ratio' | 'pp';
/** Why a YoY/MoM has no percentage: not meaningful (zero base), turned positive, loss narrowed, loss widened. */
export type ChangeNote = 'n/m' | 'turned-positive' | 'loss-narrowed' | 'loss-widened' | null;
export type Status = 'on-track' | 'at-risk' | 'off-track' | 'met' | 'not-met' | null;

/** Dimension keys a row can be grouped by. */
export type GroupKey = 'region' | 'product' | 'rep' | 'customer' | 'channel' | 'team';
export type Group = Partial<Record<GroupKey, string>>;

export interface KpiRow {
  /** Dictionary key (`revenue`, `collection_rate`, …) or the label when the metric is unknown. */
  metric: string;
  label: string;
  kind: MetricKind;
  direction: Direction;
  unit: string | null;
  group: Group;
  target: number | null;
  actual: number | null;
  priorYear: number | null;
  priorPeriod: number | null;
  achievement: number | null;
  variance: number | null;
  yoy: number | null;
  yoyUnit: ChangeUnit;
  yoyNote: ChangeNote;
  mom: number | null;
  momUnit: ChangeUnit;
  momNote: ChangeNote;
  share: number | null;
  rank: number | null;
  status: Status;
  forecast: number | null;
  forecastAchievement: number | null;
}

export interface KpiWarning {
  message: string;
  file: string | null;
  sheet: string | null;
  cell: string | null;
}

/** Where the period came from: --period, meeting.yaml, the latest complete month of the data, a sheet that states it, or today. */
export type PeriodFrom = 'option' | 'meeting' | 'data' | 'stated' | 'today';

export interface KpiResult {
  schema: 'salesmeet.kpi/1';
  period: { label: string; start: string; end: string; from?: PeriodFrom; where?: string };
  asOf: string;
  timeProgress: number | null;
  by: GroupKey[];
  rows: KpiRow[];
  totals: KpiRow[];
  warnings: KpiWarning[];
  /** How the data was read, one line each: which stages counted as won, which amount column was used. */
  notes: KpiWarning[];
}
