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

/** How an opportunity stage was counted: won (revenue), lost (win rate only) or still open (pipeline). */
export type StageVerdict = 'won' | 'lost' | 'open';

/** One stage of the funnel, as written in the export. Amounts in the unit of revenue (`Funnel.unit`). */
export interface FunnelStage {
  stage: string;
  verdict: StageVerdict;
  /** Deals: open ones expected to close in the period or later; won and lost ones closed in the period. */
  count: number;
  /** Sum of the deals' amounts; null when none has one. */
  amount: number | null;
  /** Open stages: Σ amount × probability; null for won and lost stages, or without a probability column. */
  weightedAmount: number | null;
  /** Open stages: the average probability of the stage's deals (in the whole export); null without one. */
  probability: number | null;
  /**
   * The stage's part of its block: of the open pipeline for an open stage, of the closed deals (won + lost) for a
   * won or lost one; by amount, by count when the export has no amounts. Null when the block is empty.
   */
  share: number | null;
}

export interface FunnelTotal {
  count: number;
  amount: number | null;
  weightedAmount: number | null;
}

/** Open pipeline ÷ what is left of the period's revenue target. */
export interface FunnelCoverage {
  /** `weighted` (× probability) when the export has a probability column, else `unweighted`. */
  basis: 'weighted' | 'unweighted';
  /** The open pipeline used (weighted or not). */
  pipeline: number;
  target: number;
  actual: number;
  /** target − actual; zero or less: the target is met. */
  remaining: number;
  met: boolean;
  /** pipeline ÷ remaining (1.5 reads 1.5×); null when the target is met. */
  ratio: number | null;
}

/**
 * The sales funnel of opportunity exports (only when the data has a stage column): the open pipeline now — open
 * deals expected to close in the period or later — by stage, then the deals won and lost in the period.
 */
export interface Funnel {
  /** The unit of the amounts (that of revenue). */
  unit: string | null;
  /** How the open stages are ordered: by their leading number (`01 - Prospecting`), average probability, or deals. */
  order: 'number' | 'probability' | 'count';
  /** Open stages in funnel order, then the won stages, then the lost ones. */
  stages: FunnelStage[];
  open: FunnelTotal;
  won: FunnelTotal;
  lost: FunnelTotal;
  /** The open deals of the funnel by expected close month, in order (deals without a close month left out). */
  openByMonth: (FunnelTotal & { month: string })[];
  /** Open deals expected to close before the period began: left out of the funnel. */
  overdue: { count: number; amount: number | null };
  /** won ÷ (won + lost), by count; null without closed deals. */
  winRate: number | null;
  /** The same by amount. */
  winRateAmount: number | null;
  /** Null without a revenue target for the period or without amounts. */
  coverage: FunnelCoverage | null;
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
  /** Only when the data has opportunity stages. */
  funnel?: Funnel;
  warnings: KpiWarning[];
  /** How the data was read, one line each: which stages counted as won, which amount column was used. */
  notes: KpiWarning[];
}
