import { catalogue } from '../../i18n/index.js';
import { type ActionReport, type ActionRow, actionId, isKpiMeasure } from '../actions.js';
import { zonedInstant, zoneLabel } from '../agenda.js';
import { parseClock } from '../formats.js';
import type { Lang } from '../i18n/lang.js';
import { interpolate } from '../i18n/messages.js';
import { numberFormat } from '../i18n/number-format.js';
import { metricByKey } from '../kpi/metrics.js';
import type { Meeting } from '../meeting/schema.js';
import { hashPrefix } from '../signoff/canonical.js';
import type { SignOffReport } from '../signoff/policy.js';
import { type LangLabels, type MinutesLabels, minutesLabels } from './labels.js';
import type { Attendance, Minutes } from './schema.js';

/** Formats an ISO instant as `YYYY-MM-DD HH:MM` in a time zone (the meeting's). */
export function formatInstant(iso: string, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone ?? 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** A KPI target in the metric's own terms: a ratio as a percentage, an amount or count with separators. */
function targetText(value: number, kind: string | undefined, lang: Lang): string {
  if (kind === 'ratio') return `${numberFormat(lang, 0, 1).format(value * 100)}%`;
  return numberFormat(lang, 0, kind === 'count' ? 0 : 2).format(value);
}

/**
 * A measure as one line a reader understands: free text as written; a KPI measure in words, from the metric
 * dictionary — `华东回款率 ≥ 90%（2026-09-30 前）`, `East collection rate ≥ 90% by 2026-09-30`; `≤` for a metric
 * where lower is better (expense ratio, overdue). Every output that shows a measure (minutes, action lists, the
 * tracker, the pack) prints this.
 */
export function formatMeasure(measure: unknown, l: LangLabels): string {
  if (measure === undefined || measure === null) return '';
  if (typeof measure === 'string') return measure;
  if (isKpiMeasure(measure)) {
    const lang = l.lang;
    const words = catalogue(lang).minutes;
    const def = metricByKey(measure.metric);
    const name = def ? def.labels[lang] : measure.metric;
    const groups = Object.values(measure.group ?? {}).filter((g) => g !== '');
    const what =
      groups.length === 0
        ? name
        : lang === 'en'
          ? `${groups.join(' ')} ${name.charAt(0).toLowerCase()}${name.slice(1)}`
          : groups.length === 1
            ? `${groups[0]}${name}`
            : `${groups.join('·')} ${name}`;
    const params = {
      what,
      op: def?.direction === 'lower' ? '≤' : '≥',
      target: targetText(measure.target, def?.kind, lang),
      date: measure.by ?? '',
    };
    return interpolate(measure.by ? words.measureBy : words.measureTarget, params);
  }
  return JSON.stringify(measure);
}

export interface Field {
  label: string;
  value: string;
}

export interface ActionView {
  id: string;
  what: string;
  owner: string;
  due: string;
  measure: string;
  priority: string;
  status: string;
  statusCode: string;
  carried: number;
  meeting: string;
  overdue: boolean;
  escalate: boolean;
  note: string;
}

export interface MinutesView {
  lang: Lang;
  l: MinutesLabels;
  title: string;
  heading: string;
  /** The meeting date, YYYY-MM-DD. */
  date: string;
  /** The colon after a label in this language: full-width in Chinese. */
  colon: string;
  status: { code: string; label: string };
  hash: string;
  hashPrefix: string;
  fields: Field[];
  topics: {
    n: number;
    title: string;
    points: string[];
    decisions: string[];
    hasPoints: boolean;
    hasDecisions: boolean;
  }[];
  decisions: string[];
  actions: ActionView[];
  hasActions: boolean;
  otherBusiness: string[];
  hasOtherBusiness: boolean;
  nextMeeting: string;
  signers: {
    name: string;
    role: string;
    at: string;
    hash: string;
    state: string;
    ok: boolean;
    keySigned: boolean;
  }[];
  generated: string;
  /** The same instant as an ISO timestamp: the Word file's creation time. */
  generatedAt: string;
}

/** "（北京时间）" / " (UTC−04:00)" after the meeting's times, when meeting.yaml names its zone. */
function zoneText(meeting: Meeting, start: string, end: string | undefined, lang: Lang): string {
  const tz = meeting.timezone;
  const s = parseClock(start);
  if (!tz || s === undefined) return '';
  const e = end === undefined ? undefined : parseClock(end);
  const startAt = zonedInstant(meeting.date, s, tz);
  const endAt = e === undefined ? undefined : zonedInstant(meeting.date, e < s ? e + 24 * 60 : e, tz);
  const p = catalogue(lang).punctuation;
  return `${p.lparen}${zoneLabel(tz, lang, startAt, endAt)}${p.rparen}`;
}

function person(a: Attendance, roles: Map<string, string>, l: MinutesLabels, lang: Lang): string {
  const extras: string[] = [];
  const role = roles.get(a.name);
  if (role) extras.push(role);
  if (a.status === 'late') extras.push(a.arrived ? `${l.late} ${a.arrived}` : l.late);
  if (a.reason) extras.push(a.reason);
  if (extras.length === 0) return a.name;
  const p = catalogue(lang).punctuation;
  return `${a.name}${p.lparen}${extras.join(p.comma)}${p.rparen}`;
}

function actionView(a: ActionRow, l: LangLabels): ActionView {
  const last = a.updates[a.updates.length - 1];
  return {
    id: a.id,
    what: a.what,
    owner: a.owner ?? l.noOwner,
    due: a.due ?? '',
    measure: formatMeasure(a.measure, l),
    priority: '',
    status: l.actionStatus[a.status],
    statusCode: a.status,
    carried: a.carried,
    meeting: a.meeting,
    overdue: a.overdue,
    escalate: a.escalate,
    note: last ? `${last.date}${last.note ? ` ${last.note}` : ''}` : '',
  };
}

export interface MinutesViewInput {
  meeting: Meeting;
  minutes: Minutes;
  /** The folder name, used in action ids. */
  meetingId: string;
  signOff: SignOffReport;
  lang: Lang;
  /** When the outputs are generated (ISO); shown in the footer. */
  now: string;
}

/** The view model of the minutes: every value formatted, every label in the locale; templates only lay it out. */
export function minutesView(input: MinutesViewInput): MinutesView {
  const { meeting, minutes, signOff, lang } = input;
  const l = minutesLabels(lang);
  const sep = l.listSep;
  const roles = new Map(meeting.attendees.map((a) => [a.name, a.role ?? '']));
  const list = (statuses: Attendance['status'][]) =>
    minutes.attendance
      .filter((a) => statuses.includes(a.status))
      .map((a) => person(a, roles, l, lang))
      .join(sep) || l.none;
  const start = minutes.actualStart ?? meeting.start;
  const end = minutes.actualEnd ?? meeting.end;
  const place = [
    meeting.location,
    meeting.online
      ? `${l.online}${meeting.online.tool ? ` ${meeting.online.tool}` : ''} ${meeting.online.link}`
      : undefined,
  ]
    .filter(Boolean)
    .join(catalogue(lang).punctuation.semicolon);
  const fields: Field[] = [
    { label: l.subject, value: minutes.meeting ?? meeting.title },
    {
      label: l.time,
      value: `${meeting.date} ${start}${end ? `–${end}` : ''}${zoneText(meeting, start, end, lang)}`,
    },
    { label: l.place, value: place || l.none },
    { label: l.host, value: meeting.host ?? l.none },
    { label: l.recorder, value: meeting.recorder ?? l.none },
    { label: l.present, value: list(['present', 'late']) },
  ];
  if (minutes.attendance.some((a) => a.status === 'observer'))
    fields.push({ label: l.observers, value: list(['observer']) });
  fields.push({ label: l.excused, value: list(['excused']) });
  fields.push({ label: l.absent, value: list(['absent']) });

  const actions: ActionView[] = minutes.actions.map((a, i) => ({
    ...actionView(
      {
        id: actionId(input.meetingId, i, a),
        meeting: input.meetingId,
        what: a.what,
        owner: a.owner,
        due: a.due,
        measure: a.measure,
        status: a.status,
        carried: 0,
        updates: [],
        seenIn: [input.meetingId],
        overdue: false,
        daysOverdue: 0,
        escalate: false,
      },
      l,
    ),
    priority: a.priority ? l.priorities[a.priority] : '',
  }));

  const nm = minutes.nextMeeting;
  const nextMeeting = nm
    ? [[nm.date, nm.start].filter(Boolean).join(' '), nm.location, nm.topic]
        .filter(Boolean)
        .join(catalogue(lang).punctuation.comma)
    : '';
  const title = minutes.meeting ?? meeting.title;
  return {
    lang,
    l,
    title,
    heading: interpolate(catalogue(lang).layout.minutesHeading, { minutes: l.minutes, title }),
    date: meeting.date,
    colon: catalogue(lang).punctuation.colon,
    status: { code: signOff.status, label: l.statuses[signOff.status] },
    hash: signOff.hash,
    hashPrefix: hashPrefix(signOff.hash),
    fields,
    topics: minutes.topics.map((t, i) => ({
      n: i + 1,
      title: t.title,
      points: t.points,
      decisions: t.decisions,
      hasPoints: t.points.length > 0,
      hasDecisions: t.decisions.length > 0,
    })),
    decisions: minutes.topics.flatMap((t) => t.decisions),
    actions,
    hasActions: actions.length > 0,
    otherBusiness: minutes.otherBusiness,
    hasOtherBusiness: minutes.otherBusiness.length > 0,
    nextMeeting: nextMeeting || l.none,
    signers: signOff.signers.map((s) => ({
      name: s.name,
      role: l.roles[s.role],
      at: s.signature ? formatInstant(s.signature.at, meeting.timezone) : '',
      hash: s.signature ? hashPrefix(s.signature.hash) : '',
      state: l.states[s.state],
      ok: s.state === 'valid',
      keySigned: s.signature?.signature !== undefined,
    })),
    generated: formatInstant(input.now, meeting.timezone),
    generatedAt: input.now,
  };
}

export interface ActionsView {
  lang: Lang;
  l: MinutesLabels;
  title: string;
  asOf: string;
  owners: { owner: string; items: ActionView[] }[];
  hasItems: boolean;
  perOwner: RateView[];
  perMeeting: RateView[];
  totals: RateView;
  generated: string;
}

export interface RateView {
  key: string;
  title: string;
  /** What a reader calls the row: a meeting by its title and date (never its folder id), an owner by name. */
  label: string;
  total: number;
  done: number;
  open: number;
  overdue: number;
  completion: string;
  carriedIn: string;
}

export function formatRate(r: number | null): string {
  return r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

/** A meeting as people name it: "2026 年 7 月销售经营分析会（2026-08-05）", "… (2026-08-05)" in English. */
export function meetingName(title: string, date: string | undefined, lang: Lang): string {
  if (!date) return title;
  const p = catalogue(lang).punctuation;
  return `${title}${p.lparen}${date}${p.rparen}`;
}

/**
 * The title of an action list across meetings: the meetings by name and date, up to three; past that, how many
 * meetings and the span of their dates.
 */
export function seriesTitle(meetings: readonly { title: string; date: string }[], lang: Lang): string {
  if (meetings.length <= 3) return meetings.map((m) => meetingName(m.title, m.date, lang)).join(' · ');
  const dates = meetings.map((m) => m.date).sort();
  return interpolate(minutesLabels(lang).meetingsSpan, {
    n: meetings.length,
    from: dates[0]!,
    to: dates.at(-1)!,
  });
}

/** The view model of an action list (one meeting's, or across meetings). */
export function actionsView(
  report: ActionReport,
  options: { lang: Lang; title: string; now: string; timeZone?: string },
): ActionsView {
  const l = minutesLabels(options.lang);
  const rateView = (r: ActionReport['totals']): RateView => ({
    key: r.key ?? l.noOwner,
    title: r.title ?? '',
    label: r.title ? meetingName(r.title, r.date, options.lang) : (r.key ?? l.noOwner),
    total: r.total,
    done: r.done,
    open: r.open + r.inProgress,
    overdue: r.overdue,
    completion: formatRate(r.completion),
    carriedIn: r.carriedIn === undefined ? '' : String(r.carriedIn),
  });
  return {
    lang: options.lang,
    l,
    title: options.title,
    asOf: report.asOf,
    owners: report.owners.map((g) => ({
      owner: g.owner ?? l.noOwner,
      items: g.items.map((a) => actionView(a, l)),
    })),
    hasItems: report.items.length > 0,
    perOwner: report.perOwner.map(rateView),
    perMeeting: report.perMeeting.map(rateView),
    totals: { ...rateView(report.totals), key: l.total },
    generated: formatInstant(options.now, options.timeZone),
  };
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone (the meeting's, else the host's, passed in by the caller). */
export function localDate(now: Date, timeZone: string): string {
  return formatInstant(now.toISOString(), timeZone).slice(0, 10);
}
