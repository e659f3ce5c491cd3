import { byLang, catalogue, type Messages } from '../../i18n/index.js';
import { formatUtcOffset, type TimedAgenda, zoneOffset } from '../agenda.js';
import type { Lang } from '../i18n/lang.js';
import { interpolate } from '../i18n/messages.js';
import type { Meeting } from '../meeting/schema.js';
import { type AgendaView, agendaView } from '../pack/agenda-view.js';
import { formatDate } from '../pack/format.js';

export type NoticeLabels = Messages['notice'];

/** The words of the notice and the sign-in sheet, from the catalogue (namespace `notice`). */
export const NOTICE_LABELS: Record<Lang, NoticeLabels> = byLang((c) => c.notice);

/** The file of the pre-read pack that the notice and the invite point to. */
export const PACK_FILE = 'pack.pdf';

/** Blank rows at the end of the sign-in sheet, for people who come without being on the list. */
export const WALK_IN_ROWS = 3;

/**
 * The time zone as people read it: 北京时间 / 台北時間 / Beijing time for the zones of most meetings, else the UTC
 * offset at that instant (`UTC+09:00`, `UTC−04:00`).
 */
export function zoneLabel(timeZone: string, instant: number, lang: Lang): string {
  const zones: Record<string, string> = NOTICE_LABELS[lang].zones;
  return zones[timeZone] ?? formatUtcOffset(zoneOffset(instant, timeZone));
}

/** A day in a list of deadlines: `7月7日`, `7 July`; with the year when it is not the meeting's. */
export function shortDate(date: string, meetingDate: string, lang: Lang): string {
  if (date.slice(0, 4) !== meetingDate.slice(0, 4)) return formatDate(date, lang);
  const words = catalogue(lang).dates;
  return interpolate(NOTICE_LABELS[lang].shortDate, {
    day: Number(date.slice(8, 10)),
    month: words.months[Number(date.slice(5, 7)) - 1] ?? '',
  });
}

export interface NoticePerson {
  name: string;
  role: string;
  department: string;
  /** `陈建国（销售副总裁）`, or the name alone. */
  text: string;
}

export interface NoticeAgendaRow {
  time: string;
  title: string;
  owner: string;
  isBreak: boolean;
}

/** What the notice and the sign-in sheet share: the meeting's title, time and place in words. */
export interface NoticeHead {
  title: string;
  type: string;
  dateText: string;
  time: string;
  zone: string;
  /** Date, time and zone in one: `2026年7月10日（星期五） 09:00–15:30（北京时间）`. */
  when: string;
  location: string | null;
  online: { text: string; link: string; id: string | null; passcode: string | null } | null;
  host: string | null;
  recorder: string | null;
}

export interface NoticeView {
  lang: Lang;
  l: NoticeLabels;
  heading: string;
  head: NoticeHead;
  /** Section headings, numbered in the order they appear (一、会议目的 …); null when the section is empty. */
  h: {
    purpose: string | null;
    agenda: string;
    attendees: string | null;
    preparation: string;
    rules: string;
    contact: string | null;
  };
  objectives: string[];
  agenda: NoticeAgendaRow[];
  required: NoticePerson[];
  optional: NoticePerson[];
  /** `必须出席：`, `Required:` on a line of their own (no trailing space). */
  requiredHead: string;
  optionalHead: string;
  /** The attendees on one line each group: `陈建国（销售副总裁）、李娜（销售运营经理）`. */
  requiredText: string;
  optionalText: string;
  /** One line per task: `李娜：上半年 KPI 汇总表（7月7日前）`, grouped by person in attendee order. */
  preparation: string[];
  preRead: string;
  rules: string[];
}

export interface SignInRow {
  no: string;
  name: string;
  department: string;
  role: string;
}

export interface SignInView {
  lang: Lang;
  l: NoticeLabels;
  head: NoticeHead;
  rows: SignInRow[];
  /** Empty rows for walk-ins, numbered after the attendees. */
  blanks: { no: string }[];
  expected: string;
}

export interface NoticeInput {
  meeting: Meeting;
  agenda: TimedAgenda;
  lang: Lang;
  timezone: string;
}

function noticeHead(meeting: Meeting, view: AgendaView, agenda: TimedAgenda, lang: Lang, timezone: string) {
  const l = NOTICE_LABELS[lang];
  const zone = zoneLabel(timezone, agenda.startsAt ?? Date.parse(`${meeting.date}T00:00:00Z`), lang);
  const o = meeting.online;
  return {
    title: meeting.title,
    type: view.head.type,
    dateText: view.head.dateText,
    time: view.head.time,
    zone,
    when: interpolate(l.when, { date: view.head.dateText, time: view.head.time, zone }),
    location: meeting.location ?? null,
    online: o
      ? {
          text: o.tool ? `${o.tool} ${o.link}` : o.link,
          link: o.link,
          id: o.id ?? null,
          passcode: o.passcode ?? null,
        }
      : null,
    host: meeting.host ?? null,
    recorder: meeting.recorder ?? null,
  };
}

function person(l: NoticeLabels, a: Meeting['attendees'][number]): NoticePerson {
  return {
    name: a.name,
    role: a.role ?? '',
    department: a.department ?? '',
    text: a.role ? interpolate(l.person, { name: a.name, role: a.role }) : a.name,
  };
}

/**
 * The meeting notice: purpose, time and place, agenda, attendees, what each person prepares and by when
 * (materials with owner and due date, the topics each owner presents), the meeting rules and whom to ask.
 */
export function noticeView({ meeting, agenda, lang, timezone }: NoticeInput): NoticeView {
  const l = NOTICE_LABELS[lang];
  const colon = catalogue(lang).punctuation.colon;
  const av = agendaView(meeting, agenda, lang, timezone);
  const head = noticeHead(meeting, av, agenda, lang, timezone);

  let n = 0;
  const numbered = (title: string) =>
    interpolate(l.sectionHeading, { no: l.numerals[n++] ?? String(n), title });
  const purpose = meeting.objectives.length > 0 ? numbered(l.purpose) : null;
  const agendaHeading = numbered(l.agenda);
  const attendees = meeting.attendees.length > 0 ? numbered(l.attendees) : null;
  const preparationHeading = numbered(l.preparation);
  const rules = numbered(l.rules);
  const contact = meeting.host || meeting.recorder ? numbered(l.contact) : null;

  const rows: NoticeAgendaRow[] = av.items.map((it) => ({
    time: `${it.start}–${it.end}`,
    title: it.title,
    owner: it.owner,
    isBreak: it.isBreak,
  }));
  if (av.buffer)
    rows.push({ time: `${av.buffer.start}–${av.buffer.end}`, title: l.buffer, owner: '', isBreak: true });

  const required = meeting.attendees.filter((a) => a.required).map((a) => person(l, a));
  const optional = meeting.attendees.filter((a) => !a.required).map((a) => person(l, a));

  // Tasks by person, in the order of the attendee list (people not on it, then unowned tasks, last).
  const preReadDue = meeting.preRead?.due;
  const tasks: { owner: string | undefined; what: string; due: string | undefined }[] = [
    ...meeting.materials.map((mt) => ({ owner: mt.owner, what: mt.title, due: mt.due })),
    ...meeting.topics
      .filter((t) => t.owner)
      .map((t) => ({ owner: t.owner, what: interpolate(l.topicTask, { topic: t.title }), due: preReadDue })),
  ];
  const order = new Map(meeting.attendees.map((a, i) => [a.name, i]));
  const rank = (owner: string | undefined) =>
    owner === undefined ? Number.MAX_SAFE_INTEGER : (order.get(owner) ?? Number.MAX_SAFE_INTEGER - 1);
  const preparation = tasks
    .map((t, i) => ({ ...t, i }))
    .sort((a, b) => rank(a.owner) - rank(b.owner) || a.i - b.i)
    .map(
      (t) =>
        (t.owner ? interpolate(l.prepOwner, { owner: t.owner }) : '') +
        t.what +
        (t.due ? interpolate(l.prepDue, { date: shortDate(t.due, meeting.date, lang) }) : ''),
    );
  const preRead = preReadDue
    ? interpolate(l.preRead, { file: PACK_FILE, date: shortDate(preReadDue, meeting.date, lang) })
    : interpolate(l.preReadNoDate, { file: PACK_FILE });

  return {
    lang,
    l,
    heading: interpolate(l.heading, { title: meeting.title }),
    head,
    h: { purpose, agenda: agendaHeading, attendees, preparation: preparationHeading, rules, contact },
    objectives: meeting.objectives,
    agenda: rows,
    required,
    optional,
    requiredHead: `${l.required}${colon}`.trimEnd(),
    optionalHead: `${l.optional}${colon}`.trimEnd(),
    requiredText: required.map((p) => p.text).join(l.listSep),
    optionalText: optional.map((p) => p.text).join(l.listSep),
    preparation,
    preRead,
    rules: [...l.ruleList],
  };
}

/** The sign-in sheet: every attendee with empty boxes for signature and arrival time, then blank rows. */
export function signInView({ meeting, agenda, lang, timezone }: NoticeInput): SignInView {
  const l = NOTICE_LABELS[lang];
  const av = agendaView(meeting, agenda, lang, timezone);
  const rows = meeting.attendees.map((a, i) => ({
    no: String(i + 1),
    name: a.name,
    department: a.department ?? '',
    role: a.role ?? '',
  }));
  return {
    lang,
    l,
    head: noticeHead(meeting, av, agenda, lang, timezone),
    rows,
    blanks: Array.from({ length: WALK_IN_ROWS }, (_, i) => ({ no: String(rows.length + i + 1) })),
    expected: interpolate(l.expected, { count: rows.length }),
  };
}
