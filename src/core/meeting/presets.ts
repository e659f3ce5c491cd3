import { byLang, catalogue, type Messages } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { interpolate } from '../i18n/messages.js';
import type { AgendaItem, MeetingType } from './schema.js';

type L = Record<Lang, string>;

interface PresetItem {
  title: L;
  minutes?: number;
  share?: string;
  break?: true;
  at?: string;
  outcome?: L;
}

export interface Preset {
  type: MeetingType;
  label: L;
  start: string;
  /** Booked length in minutes, including the buffer. */
  duration: number;
  transition?: number;
  buffer?: number;
  items: PresetItem[];
}

/** A word of a preset in the three languages, from the catalogue (`src/i18n`, namespace `meeting.presets`). */
const t = (select: (m: Messages) => string): L => byLang(select);

/**
 * Agendas from common practice (DESIGN.md, "Presets by meeting type"). Every preset leaves 10–15% of the
 * booked time as buffer, so a freshly scaffolded meeting passes `check` without advice about its timing.
 */
export const PRESETS: Record<MeetingType, Preset> = {
  daily: {
    type: 'daily',
    label: t((c) => c.meeting.presets.daily.label),
    start: '08:45',
    duration: 15,
    items: [
      { title: t((c) => c.meeting.presets.daily.yesterdayResults), minutes: 5 },
      {
        title: t((c) => c.meeting.presets.daily.todayTargetsAndKeyAccounts),
        minutes: 5,
      },
      { title: t((c) => c.meeting.presets.daily.blockersAndHelpNeeded), minutes: 3 },
    ],
  },
  weekly: {
    type: 'weekly',
    label: t((c) => c.meeting.presets.weekly.label),
    start: '09:00',
    duration: 50,
    items: [
      {
        title: t((c) => c.meeting.presets.weekly.lastWeekResults),
        minutes: 15,
        outcome: t((c) => c.meeting.presets.weekly.lastWeekResultsOutcome),
      },
      {
        title: t((c) => c.meeting.presets.weekly.problemsAndDiscussion),
        minutes: 20,
        outcome: t((c) => c.meeting.presets.weekly.problemsAndDiscussionOutcome),
      },
      {
        title: t((c) => c.meeting.presets.weekly.nextWeekPlanAndSummary),
        minutes: 10,
        outcome: t((c) => c.meeting.presets.weekly.nextWeekPlanAndSummaryOutcome),
      },
    ],
  },
  monthly: {
    type: 'monthly',
    label: t((c) => c.meeting.presets.monthly.label),
    start: '09:00',
    duration: 120,
    items: [
      {
        title: t((c) => c.meeting.presets.monthly.followUpOfLastMeetingActions),
        minutes: 10,
      },
      {
        title: t((c) => c.meeting.presets.monthly.monthReviewTargetVsActual),
        minutes: 20,
        outcome: t((c) => c.meeting.presets.monthly.monthReviewTargetVsActualOutcome),
      },
      { title: t((c) => c.meeting.presets.monthly.marketAndCompetitors), minutes: 15 },
      {
        title: t((c) => c.meeting.presets.monthly.problemsAndMeasures),
        minutes: 25,
        outcome: t((c) => c.meeting.presets.monthly.problemsAndMeasuresOutcome),
      },
      {
        title: t((c) => c.meeting.presets.monthly.nextMonthTargetSplitAndWorkPlan),
        minutes: 25,
        outcome: t((c) => c.meeting.presets.monthly.nextMonthTargetSplitAndWorkPlanOutcome),
      },
      { title: t((c) => c.meeting.presets.monthly.training), minutes: 10 },
    ],
  },
  quarterly: {
    type: 'quarterly',
    label: t((c) => c.meeting.presets.quarterly.label),
    start: '14:00',
    duration: 120,
    transition: 2,
    buffer: 12,
    items: [
      { title: t((c) => c.meeting.presets.quarterly.resultsReview), share: '20%' },
      { title: t((c) => c.meeting.presets.quarterly.marketAnalysis), share: '15%' },
      { title: t((c) => c.meeting.presets.quarterly.strategy), share: '25%' },
      {
        title: t((c) => c.meeting.presets.quarterly.nextQuarterTargetDecomposition),
        share: '25%',
        outcome: t((c) => c.meeting.presets.quarterly.nextQuarterTargetDecompositionOutcome),
      },
      {
        title: t((c) => c.meeting.presets.quarterly.actionPlan),
        share: '15%',
        outcome: t((c) => c.meeting.presets.quarterly.actionPlanOutcome),
      },
    ],
  },
  'half-year': {
    type: 'half-year',
    label: t((c) => c.meeting.presets.halfYear.label),
    start: '09:00',
    duration: 390,
    items: [
      { title: t((c) => c.meeting.presets.halfYear.openingAndObjectives), minutes: 30 },
      {
        title: t((c) => c.meeting.presets.halfYear.h1ResultsReview),
        minutes: 60,
        outcome: t((c) => c.meeting.presets.halfYear.h1ResultsReviewOutcome),
      },
      {
        title: t((c) => c.meeting.presets.halfYear.bestPracticeAndFailureReview),
        minutes: 60,
      },
      {
        title: t((c) => c.meeting.presets.halfYear.h2StrategyAndTargetSplit),
        minutes: 30,
        outcome: t((c) => c.meeting.presets.halfYear.h2StrategyAndTargetSplitOutcome),
      },
      { title: t((c) => c.meeting.presets.halfYear.lunch), minutes: 60, break: true, at: '12:00' },
      {
        title: t((c) => c.meeting.presets.halfYear.groupDiscussionAndActionPlan),
        minutes: 60,
        outcome: t((c) => c.meeting.presets.halfYear.groupDiscussionAndActionPlanOutcome),
      },
      { title: t((c) => c.meeting.presets.halfYear.break), minutes: 15, break: true },
      { title: t((c) => c.meeting.presets.halfYear.summaryAndCommitments), minutes: 30 },
    ],
  },
  annual: {
    type: 'annual',
    label: t((c) => c.meeting.presets.annual.label),
    start: '09:00',
    duration: 450,
    items: [
      { title: t((c) => c.meeting.presets.annual.openingAndObjectives), minutes: 30 },
      { title: t((c) => c.meeting.presets.annual.annualResultsReview), minutes: 60 },
      {
        title: t((c) => c.meeting.presets.annual.bestPracticeAndFailureReview),
        minutes: 60,
      },
      {
        title: t((c) => c.meeting.presets.annual.nextYearStrategyAndTargetSplit),
        minutes: 30,
      },
      { title: t((c) => c.meeting.presets.annual.lunch), minutes: 60, break: true, at: '12:00' },
      {
        title: t((c) => c.meeting.presets.annual.groupDiscussionAndActionPlan),
        minutes: 60,
      },
      { title: t((c) => c.meeting.presets.annual.break), minutes: 15, break: true },
      { title: t((c) => c.meeting.presets.annual.awards), minutes: 45 },
      { title: t((c) => c.meeting.presets.annual.summaryAndCommitments), minutes: 30 },
    ],
  },
  custom: {
    type: 'custom',
    label: t((c) => c.meeting.presets.custom.label),
    start: '10:00',
    duration: 60,
    items: [
      { title: t((c) => c.meeting.presets.custom.openingAndObjectives), minutes: 5 },
      { title: t((c) => c.meeting.presets.custom.discussion), minutes: 38 },
      { title: t((c) => c.meeting.presets.custom.actionsAndWrapUp), minutes: 10 },
    ],
  },
};

/** The preset's agenda items in a language, ready for meeting.yaml. */
export function presetAgenda(type: MeetingType, lang: Lang): AgendaItem[] {
  return PRESETS[type].items.map((it) => {
    const item: AgendaItem = { title: it.title[lang] };
    if (it.minutes !== undefined) item.minutes = it.minutes;
    if (it.share !== undefined) item.share = it.share;
    if (it.at !== undefined) item.at = it.at;
    if (it.break) item.break = true;
    if (it.outcome) item.outcome = it.outcome[lang];
    return item;
  });
}

export function typeLabel(type: MeetingType, lang: Lang): string {
  return PRESETS[type].label[lang];
}

/** Routine meetings should stay short (advice: at most 60 minutes). */
export const ROUTINE_TYPES: readonly MeetingType[] = ['daily', 'weekly'];
/** Meeting types whose pack shows the market section (市场月报, 竞品): monthly and longer. */
export const MARKET_TYPES: readonly MeetingType[] = ['monthly', 'quarterly', 'half-year', 'annual', 'custom'];

/** Days before the meeting that fall in the period a review meeting looks back on (held at or just after its end). */
const LOOK_BACK_DAYS = 20;

/**
 * The title `init` gives a meeting when the user gives none, naming the period it reviews as people say it:
 * "2026 年 8 月销售例会", "2026 年上半年销售总结会", "Q3 2026 sales review". A monthly, quarterly, half-year or
 * annual meeting is held at the end of its period or just after it, so the period is the one that holds the day
 * 20 days before the meeting (a half-year review on 10 July reviews the first half); a daily or weekly meeting
 * is named after its own day or ISO week.
 */
export function defaultTitle(type: MeetingType, date: string, lang: Lang): string {
  const words = catalogue(lang);
  const meetingDay = new Date(`${date}T00:00:00Z`);
  const reviewed = new Date(meetingDay);
  if (!['daily', 'weekly', 'custom'].includes(type))
    reviewed.setUTCDate(reviewed.getUTCDate() - LOOK_BACK_DAYS);
  const year = reviewed.getUTCFullYear();
  const month = reviewed.getUTCMonth();
  const { week, weekYear } = isoWeek(meetingDay);
  return interpolate(words.app.init.titles[type], {
    year: type === 'weekly' ? weekYear : year,
    month: month + 1,
    monthName: words.dates.months[month],
    day: reviewed.getUTCDate(),
    week,
    quarter: Math.floor(month / 3) + 1,
    half: words.app.init.halves[month < 6 ? 0 : 1],
  });
}

/** The ISO 8601 week of a UTC day: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(day: Date): { week: number; weekYear: number } {
  const d = new Date(day);
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const weekYear = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(weekYear, 0, 4));
  const week =
    1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return { week, weekYear };
}
