import { join, resolve } from 'node:path';
import { agendaInput, computeAgenda, type TimedAgenda } from '../core/agenda.js';
import { InputError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { interpolate, messagesOf } from '../core/i18n/messages.js';
import {
  agendaProblemHint,
  agendaProblemPath,
  agendaProblemText,
  agendaWarningText,
} from '../core/meeting/advice.js';
import { NOTICE_LABELS, PACK_FILE } from '../core/notice/view.js';
import { type AgendaView, agendaText, agendaView } from '../core/pack/agenda-view.js';
import { formatDate } from '../core/pack/format.js';
import { buildIcs, type IcsEvent, stableUid } from '../io/ics.js';
import { commitWrites, planWrites, type WritePlan } from '../io/write.js';
import { render } from '../render/engine.js';
import { VERSION } from '../version.js';
import { loadMeetingFolder, MEETING_FILE, type MeetingFolder } from './meeting-folder.js';

const m = messagesOf((c) => c.app.agenda);

/** The invite reminds attendees this many minutes before the start (VALARM). */
export const REMINDER_MINUTES = 15;

export interface AgendaOptions {
  dir?: string;
  dryRun: boolean;
}

export interface AgendaDeps {
  cwd: string;
  now: () => Date;
  /** The system time zone, used when meeting.yaml has no `timezone`. */
  timezone: string;
  /** The output language for a meeting (--lang, else the meeting's `lang`, else the system's). */
  langFor: (meetingLang?: string) => Lang;
}

export interface AgendaResult {
  folder: MeetingFolder;
  lang: Lang;
  timezone: string;
  agenda: TimedAgenda;
  view: AgendaView;
  /** Start and end as UTC instants. */
  startsAt: Date;
  endsAt: Date;
  /** Warnings with their position in meeting.yaml (a start the clocks going back make ambiguous). */
  warnings: Problem[];
  plan: WritePlan;
  written: boolean;
}

/**
 * The meeting's timed agenda in its time zone, or an InputError naming the item that does not fit, or the start
 * that does not exist on that day in that zone (meeting.yaml:line:column), so no document is ever rendered from
 * an agenda that overruns or an invite at a time that does not exist.
 */
export function timedAgenda(folder: MeetingFolder, timeZone: string): TimedAgenda {
  const meeting = folder.meeting.value;
  const input = agendaInput(meeting, timeZone);
  if (input.items.length === 0 && input.duration === undefined) {
    throw new InputError('agenda.empty', m.empty(), {
      location: {
        file: folder.display(MEETING_FILE),
        ...folder.meeting.loaded.positionOf(['agenda'], 'key'),
      },
      hint: m.emptyHint(),
    });
  }
  const agenda = computeAgenda(input);
  const problem = agenda.problems[0];
  if (problem) {
    const pos = folder.meeting.loaded.positionOf(agendaProblemPath(problem));
    throw new InputError(`agenda.${problem.kind}`, agendaProblemText(problem), {
      location: { file: folder.display(MEETING_FILE), ...pos },
      hint:
        problem.kind === 'startSkipped'
          ? agendaProblemHint(problem)
          : (lang) =>
              ({
                en: 'shorten the items, or lengthen the meeting with `duration`; `salesmeet check` lists every problem',
                'zh-CN': '请缩短议程项，或用 `duration` 延长会议；`salesmeet check` 会列出全部问题',
                'zh-TW': '請縮短議程項目，或以 `duration` 延長會議；`salesmeet check` 會列出全部問題',
              })[lang],
    });
  }
  return agenda;
}

/** The agenda's warnings with their position in meeting.yaml, for the command to print. */
export function agendaWarnings(folder: MeetingFolder, agenda: TimedAgenda): Problem[] {
  return agenda.warnings.map((w) => ({
    code: `agenda.${w.kind}`,
    message: agendaWarningText(w),
    file: folder.display(MEETING_FILE),
    ...folder.meeting.loaded.positionOf(agendaProblemPath(w)),
  }));
}

/** The template folders of a meeting (`templates:` in meeting.yaml, relative to the folder). */
export function templateOverrides(folder: MeetingFolder): string[] {
  const t = folder.meeting.value.templates;
  return t ? [resolve(folder.dir, t)] : [];
}

/**
 * The calendar event of a meeting: the start instant from date + start in the time zone, the end that many
 * minutes later in absolute time (whatever the clocks do in between), host as organiser, attendees.
 */
export function inviteEvent(
  folder: MeetingFolder,
  agenda: TimedAgenda,
  view: AgendaView,
  now: Date,
): { event: IcsEvent; start: Date; end: Date } {
  const m = folder.meeting.value;
  const start = new Date(agenda.startsAt!);
  const end = new Date(agenda.endsAt!);
  const byName = new Map(m.attendees.map((a) => [a.name, a]));
  const L = view.labels;
  const online = m.online ? `${m.online.tool ? `${m.online.tool} ` : ''}${m.online.link}` : '';
  const extra = [
    m.online?.id ? `${L.meetingId}${L.colon}${m.online.id}` : '',
    m.online?.passcode ? `${L.passcode}${L.colon}${m.online.passcode}` : '',
  ].filter(Boolean);
  const N = NOTICE_LABELS[view.lang];
  const preReadDue = m.preRead?.due;
  const preRead = preReadDue
    ? interpolate(N.invitePreRead, { file: PACK_FILE, date: formatDate(preReadDue, view.lang) })
    : interpolate(N.invitePreReadNoDate, { file: PACK_FILE });
  const description = [
    `${view.head.type} · ${view.head.dateText} ${view.head.time} (${view.head.timezone})`,
    ...(online ? [`${L.online}${L.colon}${online}`] : []),
    ...extra,
    preRead,
    '',
    `${L.agendaTitle}${L.colon.trim()}`,
    agendaText(view),
  ].join('\n');
  const event: IcsEvent = {
    uid: stableUid(folder.id, m.title),
    stamp: now,
    start,
    end,
    summary: m.title,
    description,
    location: m.location ?? m.online?.link,
    url: m.online?.link,
    organizer: m.host ? { name: m.host, email: byName.get(m.host)?.email } : undefined,
    attendees: m.attendees
      .filter((a) => a.name !== m.host)
      .map((a) => ({ name: a.name, email: a.email, required: a.required })),
    alarm: {
      minutesBefore: REMINDER_MINUTES,
      description: interpolate(N.reminder, { minutes: REMINDER_MINUTES, title: m.title }),
    },
  };
  return { event, start, end };
}

/** Renders out/agenda.md, out/agenda.html and out/invite.ics from a meeting folder. */
export async function runAgenda(o: AgendaOptions, deps: AgendaDeps): Promise<AgendaResult> {
  const folder = await loadMeetingFolder(o.dir, deps.cwd, { only: 'meeting' });
  const meeting = folder.meeting.value;
  const lang = deps.langFor(meeting.lang);
  const timezone = meeting.timezone ?? deps.timezone;
  const agenda = timedAgenda(folder, timezone);
  const view = agendaView(meeting, agenda, lang, timezone);
  const overrides = templateOverrides(folder);
  const md = render('agenda', 'md', view, { lang, overrides });
  const html = render('agenda', 'html', view, { lang, overrides });
  const { event, start, end } = inviteEvent(folder, agenda, view, deps.now());
  const ics = buildIcs(event, VERSION);
  const out = join(folder.dir, 'out');
  const plan = await planWrites(
    [
      { path: join(out, 'agenda.md'), content: md, kind: 'generated' },
      { path: join(out, 'agenda.html'), content: html, kind: 'generated' },
      { path: join(out, 'invite.ics'), content: ics, kind: 'generated' },
    ],
    [{ path: out }],
    { force: false, cwd: deps.cwd, root: folder.dir },
  );
  if (!o.dryRun) await commitWrites(plan);
  return {
    folder,
    lang,
    timezone,
    agenda,
    view,
    startsAt: start,
    endsAt: end,
    warnings: agendaWarnings(folder, agenda),
    plan,
    written: !o.dryRun,
  };
}
