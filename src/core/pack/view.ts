import { isOverdue, type TrackedAction } from '../actions.js';
import type { TimedAgenda } from '../agenda.js';
import type { Lang } from '../i18n/lang.js';
import type { KpiResult } from '../kpi/result.js';
import type { Meeting } from '../meeting/schema.js';
import { minutesLabels } from '../minutes/labels.js';
import { formatMeasure } from '../minutes/view.js';
import { type AgendaView, agendaView, type MeetingHead } from './agenda-view.js';
import { type GapsView, gapsView, type MarketView, marketView } from './discussion-view.js';
import { type KpiView, kpiView, type RawHtml } from './kpi-view.js';
import { fill, PACK_LABELS, type PackLabels } from './labels.js';
import { type RankingView, rankingView } from './ranking-view.js';

export interface PackActionRow {
  id: string;
  what: string;
  owner: string;
  due: string;
  measure: string;
  status: string;
  statusKey: string;
  overdue: boolean;
  carried: string;
  from: string;
}

export interface PackView {
  lang: Lang;
  labels: PackLabels;
  head: MeetingHead;
  /** The section titles in order, with anchors, for the contents list. */
  sections: { id: string; title: string }[];
  objectives: string[];
  topics: { no: string; title: string; owner: string; priority: string; outcome: string }[];
  agenda: AgendaView;
  kpi: KpiView | null;
  kpiNone: string;
  /** 表扬先进、鞭策落后: the ranking of the first breakdown (monthly meetings). */
  ranking: RankingView | null;
  /** Market data, competitor moves and SWOT (monthly and longer meetings with a `market` section). */
  market: MarketView | null;
  /** The gap analysis: KPI lines behind target or time progress, completed from meeting.yaml's `gaps`. */
  gaps: GapsView | null;
  issues: { category: string; items: { no: string; problem: string; raisedBy: string; owner: string }[] }[];
  actions: PackActionRow[];
  overdueCount: number;
  materials: { no: string; title: string; where: string; owner: string; due: string }[];
  preReadDue: string | null;
  generated: string;
  /**
   * The running header and footer of the printed pack (Chromium fills `pageNumber` and `totalPages`): the page
   * label split around the two numbers, so a template places them without knowing the language's word order.
   */
  pageOf: { before: string; between: string; after: string };
}

export interface PackInput {
  meeting: Meeting;
  agenda: TimedAgenda;
  lang: Lang;
  timezone: string;
  kpi: KpiResult | null;
  charts: { id: string; title: string; svg: RawHtml }[];
  actions: TrackedAction[];
  /** Today in the meeting's time zone (YYYY-MM-DD): overdue is judged against it. */
  today: string;
  /** For the ranking (monthly meetings): the previous period and the ones before it, newest first. */
  history?: { previous: KpiResult | null; earlier: KpiResult[] } | null;
}

/** "第 {page} 页 / 共 {pages} 页" → the text before, between and after the two numbers. */
export function splitPageOf(label: string): PackView['pageOf'] {
  const [before = '', rest = ''] = label.split('{page}');
  const [between = '', after = ''] = rest.split('{pages}');
  return { before, between, after };
}

/** The same words for a measure as the minutes and the action lists use. */
function measureText(m: unknown, lang: Lang): string {
  return formatMeasure(m, minutesLabels(lang));
}

const statusOrder: Record<string, number> = { open: 1, 'in-progress': 1, done: 2, dropped: 3 };

/** The previous meeting's actions: overdue first (oldest due first), then open, then done and dropped. */
export function actionRows(actions: readonly TrackedAction[], today: string, lang: Lang): PackActionRow[] {
  const L = PACK_LABELS[lang];
  const rank = (a: TrackedAction) => (isOverdue(a, today) ? 0 : (statusOrder[a.status] ?? 4));
  return [...actions]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        a.id.localeCompare(b.id, 'en'),
    )
    .map((a) => ({
      id: a.id,
      what: a.what,
      owner: a.owner ?? '',
      due: a.due ?? '',
      measure: measureText(a.measure, lang),
      status: isOverdue(a, today)
        ? `${L.overdue} · ${L.actionStatus[a.status]}`
        : (L.actionStatus[a.status] ?? a.status),
      statusKey: isOverdue(a, today) ? 'overdue' : a.status,
      overdue: isOverdue(a, today),
      carried: a.carried > 0 ? String(a.carried) : '',
      from: a.meeting,
    }));
}

/** The whole pre-read pack as a template lays it out: every label, number and chart already decided. */
export function packView(input: PackInput): PackView {
  const { meeting, lang } = input;
  const L = PACK_LABELS[lang];
  const agenda = agendaView(meeting, input.agenda, lang, input.timezone);

  const categories: string[] = [];
  for (const i of meeting.issues) {
    const c = i.category?.trim() || L.uncategorised;
    if (!categories.includes(c)) categories.push(c);
  }
  // Uncategorised issues go last.
  categories.sort((a, b) => Number(a === L.uncategorised) - Number(b === L.uncategorised));
  let issueNo = 0;
  const issues = categories.map((category) => ({
    category,
    items: meeting.issues
      .filter((i) => (i.category?.trim() || L.uncategorised) === category)
      .map((i) => ({
        no: String(++issueNo),
        problem: i.problem,
        raisedBy: i.raisedBy ?? '',
        owner: i.owner ?? '',
      })),
  }));

  const actions = actionRows(input.actions, input.today, lang);
  const ranking =
    input.kpi && input.history
      ? rankingView(input.kpi, input.history.previous, input.history.earlier, lang)
      : null;
  const market = marketView(meeting, lang);
  const gaps = gapsView(meeting, input.kpi, lang);
  const sections = [
    { id: 'cover', title: meeting.title },
    { id: 'objectives', title: L.objectives },
    { id: 'topics', title: L.topics },
    { id: 'agenda', title: L.agendaTitle },
    { id: 'kpi', title: L.kpi },
    ...(ranking ? [{ id: 'ranking', title: L.ranking }] : []),
    ...(market ? [{ id: 'market', title: L.market }] : []),
    ...(gaps ? [{ id: 'gaps', title: L.gaps }] : []),
    { id: 'issues', title: L.issues },
    { id: 'actions', title: L.previousActions },
    { id: 'materials', title: L.materials },
  ];
  return {
    lang,
    labels: L,
    head: agenda.head,
    sections: sections.slice(1),
    objectives: meeting.objectives,
    topics: meeting.topics.map((t, i) => ({
      no: String(i + 1),
      title: t.title,
      owner: t.owner ?? '',
      priority: t.priority ? (L.priorities[t.priority] ?? t.priority) : '',
      outcome: t.outcome ?? '',
    })),
    agenda,
    kpi: input.kpi ? kpiView(input.kpi, lang, input.charts) : null,
    kpiNone: meeting.kpi && meeting.kpi.sources.length > 0 ? L.kpiUnavailable : L.kpiNone,
    ranking,
    market,
    gaps,
    issues,
    actions,
    overdueCount: actions.filter((a) => a.overdue).length,
    materials: meeting.materials.map((m, i) => ({
      no: String(i + 1),
      title: m.title,
      where: m.path ?? m.link ?? '',
      owner: m.owner ?? '',
      due: m.due ?? '',
    })),
    preReadDue: meeting.preRead?.due ?? null,
    generated: fill(L.generated, { date: input.today }),
    pageOf: splitPageOf(L.pageOf),
  };
}
