import { type TimedAgenda, wallTimeText, zoneLabel } from '../agenda.js';
import type { Lang } from '../i18n/lang.js';
import { typeLabel } from '../meeting/presets.js';
import type { Meeting } from '../meeting/schema.js';
import { formatDate, formatPercent } from './format.js';
import { fill, PACK_LABELS, type PackLabels } from './labels.js';

/** The facts every document about a meeting starts with (cover of the pack, head of the agenda). */
export interface MeetingHead {
  title: string;
  type: string;
  date: string;
  dateText: string;
  time: string;
  timezone: string;
  location: string | null;
  online: { link: string; tool: string | null; id: string | null; passcode: string | null } | null;
  host: string | null;
  recorder: string | null;
  attendees: {
    name: string;
    role: string;
    department: string;
    required: boolean;
    attendance: string;
    rsvp: string;
  }[];
}

export interface AgendaRow {
  no: string;
  start: string;
  end: string;
  minutes: number;
  title: string;
  owner: string;
  outcome: string;
  notes: string;
  isBreak: boolean;
  /** Transition or idle time before this item, as a short note ("2 min transition"), or "". */
  before: string;
}

export interface AgendaView {
  lang: Lang;
  labels: PackLabels;
  head: MeetingHead;
  start: string;
  end: string;
  duration: number;
  items: AgendaRow[];
  transition: number;
  buffer: { minutes: number; share: string; start: string; end: string; text: string } | null;
}

export function meetingHead(
  meeting: Meeting,
  agenda: TimedAgenda,
  lang: Lang,
  timezone: string,
): MeetingHead {
  const L = PACK_LABELS[lang];
  return {
    title: meeting.title,
    type: typeLabel(meeting.type, lang),
    date: meeting.date,
    dateText: formatDate(meeting.date, lang),
    time: `${wallTimeText(agenda.startTime)(lang)}–${wallTimeText(agenda.endTime)(lang)}`,
    timezone: zoneLabel(timezone, lang, agenda.startTime.instant, agenda.endTime.instant),
    location: meeting.location ?? null,
    online: meeting.online
      ? {
          link: meeting.online.link,
          tool: meeting.online.tool ?? null,
          id: meeting.online.id ?? null,
          passcode: meeting.online.passcode ?? null,
        }
      : null,
    host: meeting.host ?? null,
    recorder: meeting.recorder ?? null,
    attendees: meeting.attendees.map((a) => {
      const roles = [a.role ?? ''];
      if (a.name === meeting.host) roles.push(L.host);
      if (a.name === meeting.recorder) roles.push(L.recorder);
      return {
        name: a.name,
        role: [...new Set(roles.filter(Boolean))].join(' · '),
        department: a.department ?? '',
        required: a.required,
        attendance: a.required ? L.required : L.optional,
        rsvp: a.rsvp ? (L.rsvpWords[a.rsvp] ?? a.rsvp) : '',
      };
    }),
  };
}

/** The agenda as a template shows it: numbered discussion items, breaks, transitions, the buffer at the end. */
export function agendaView(meeting: Meeting, agenda: TimedAgenda, lang: Lang, timezone: string): AgendaView {
  const L = PACK_LABELS[lang];
  let n = 0;
  const items = agenda.items.map((t) => {
    const before: string[] = [];
    if (t.transitionBefore > 0) before.push(`${L.transition} ${t.transitionBefore} ${L.minutes}`);
    if (t.gapBefore > 0) before.push(`${L.idle} ${t.gapBefore} ${L.minutes}`);
    return {
      no: t.isBreak ? '' : String(++n),
      start: wallTimeText(t.startTime)(lang),
      end: wallTimeText(t.endTime)(lang),
      minutes: t.minutes,
      title: t.title,
      owner: t.owner ?? '',
      outcome: t.outcome ?? '',
      notes: t.notes ?? '',
      isBreak: t.isBreak,
      before: before.join(' · '),
    };
  });
  const bufferStart = wallTimeText(agenda.bufferStartTime)(lang);
  const bufferEnd = wallTimeText(agenda.endTime)(lang);
  const share = formatPercent(agenda.bufferShare, lang);
  return {
    lang,
    labels: L,
    head: meetingHead(meeting, agenda, lang, timezone),
    start: wallTimeText(agenda.startTime)(lang),
    end: wallTimeText(agenda.endTime)(lang),
    duration: agenda.duration,
    items,
    transition: agenda.transition,
    buffer:
      agenda.buffer > 0
        ? {
            minutes: agenda.buffer,
            share,
            start: bufferStart,
            end: bufferEnd,
            text: fill(L.bufferLine, { minutes: agenda.buffer, share, start: bufferStart, end: bufferEnd }),
          }
        : null,
  };
}

/** The agenda as plain text lines, for the calendar invite's description. */
export function agendaText(view: AgendaView): string {
  const L = view.labels;
  const lines: string[] = [];
  for (const it of view.items) {
    const who = it.owner ? ` (${it.owner})` : '';
    lines.push(`${it.start}–${it.end} ${it.no ? `${it.no}. ` : ''}${it.title}${who}`);
    if (it.outcome) lines.push(`    ${L.outcome}${L.colon}${it.outcome}`);
  }
  if (view.buffer) lines.push(view.buffer.text);
  return lines.join('\n');
}
