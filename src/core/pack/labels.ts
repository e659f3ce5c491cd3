import { byLang } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';

/**
 * The words of the agenda and the pre-read pack in each language. They travel in the view model, so a team
 * that ejects a template keeps the meeting's language without translating anything.
 */
export interface PackLabels {
  agenda: string;
  agendaTitle: string;
  pack: string;
  preRead: string;
  preReadDue: string;
  type: string;
  date: string;
  time: string;
  timezone: string;
  place: string;
  online: string;
  meetingId: string;
  passcode: string;
  host: string;
  recorder: string;
  attendees: string;
  name: string;
  role: string;
  department: string;
  attendance: string;
  required: string;
  optional: string;
  rsvp: string;
  objectives: string;
  topics: string;
  topic: string;
  owner: string;
  priority: string;
  outcome: string;
  no: string;
  start: string;
  end: string;
  minutes: string;
  item: string;
  notes: string;
  breakItem: string;
  transition: string;
  buffer: string;
  bufferLine: string;
  idle: string;
  total: string;
  kpi: string;
  kpiPeriod: string;
  asOf: string;
  timeProgress: string;
  metric: string;
  unit: string;
  target: string;
  actual: string;
  priorYear: string;
  achievement: string;
  variance: string;
  yoy: string;
  share: string;
  rank: string;
  gapToProgress: string;
  status: string;
  forecast: string;
  charts: string;
  chartAchievement: string;
  /** The achievement chart of metrics without a pace (ratios…): against the 100% line. */
  chartAchievementTarget: string;
  targetLine: string;
  chartActualTarget: string;
  chartYoy: string;
  kpiNone: string;
  kpiUnavailable: string;
  kpiWarnings: string;
  legend: string;
  legendAchievement: string;
  legendLower: string;
  legendYoy: string;
  legendToDate: string;
  legendStatus: string;
  legendBlank: string;
  issues: string;
  problem: string;
  category: string;
  raisedBy: string;
  uncategorised: string;
  noIssues: string;
  ranking: string;
  rankingRank: string;
  rankingChange: string;
  rankingMonthsBelow: string;
  rankSame: string;
  rankingCounts: string;
  rankingLeader: string;
  rankingLeaderActual: string;
  rankingImproved: string;
  rankingLagging: string;
  rankingByAchievement: string;
  rankingByActual: string;
  rankingSep: string;
  market: string;
  marketData: string;
  marketItem: string;
  marketValue: string;
  marketSource: string;
  competitors: string;
  competitor: string;
  competitorMove: string;
  competitorImpact: string;
  competitorResponse: string;
  swotTitle: string;
  swot: Record<'strengths' | 'weaknesses' | 'opportunities' | 'threats', string>;
  gaps: string;
  gapsIntro: string;
  gapMetric: string;
  gapGroup: string;
  gapGap: string;
  gapCause: string;
  gapMeasure: string;
  gapOwner: string;
  gapDue: string;
  /** The parts of a gap in words, joined by `gapSep`. */
  gapVariance: string;
  gapAchievement: string;
  gapProgress: string;
  gapSep: string;
  gapsMore: string;
  previousActions: string;
  action: string;
  due: string;
  carried: string;
  overdue: string;
  noPreviousActions: string;
  previousFrom: string;
  materials: string;
  material: string;
  where: string;
  noMaterials: string;
  generated: string;
  contents: string;
  none: string;
  /** The running header of the printed pack: 内部资料 / Confidential. */
  confidential: string;
  /** The page number in the footer of the printed pack, `{page}` of `{pages}`. */
  pageOf: string;
  chartsInHtml: string;
  by: Record<string, string>;
  statusWords: Record<string, string>;
  actionStatus: Record<string, string>;
  priorities: Record<string, string>;
  rsvpWords: Record<string, string>;
  changeNotes: Record<string, string>;
  ahead: string;
  behind: string;
  pp: string;
  /** The colon after a label: full-width in Chinese. */
  colon: string;
}

/** The words, from the catalogue (`src/i18n`, namespace `pack`). */
export const PACK_LABELS: Record<Lang, PackLabels> = byLang((c) => c.pack);

/** Replaces `{name}` in a label. */
export function fill(label: string, params: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k])));
}
