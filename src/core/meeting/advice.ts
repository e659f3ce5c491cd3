import { ESCALATE_AFTER } from '../actions.js';
import {
  type AgendaProblem,
  type AgendaWarning,
  agendaInput,
  computeAgenda,
  formatUtcOffset,
  type TimedAgenda,
  wallTimeText,
} from '../agenda.js';
import type { Problem } from '../errors.js';
import { messagesOf, type Text } from '../i18n/messages.js';
import type { Minutes } from '../minutes/schema.js';
import { formatPath } from '../text.js';
import { MARKET_TYPES, ROUTINE_TYPES } from './presets.js';
import type { Meeting } from './schema.js';

const m = messagesOf((c) => c.meeting.advice);

type Pos = (path: readonly (string | number)[], which?: 'key' | 'value') => { line: number; column: number };

export interface MeetingReview {
  agenda: TimedAgenda;
  errors: Problem[];
  advice: Problem[];
}

export function agendaProblemText(p: AgendaProblem): Text {
  switch (p.kind) {
    case 'overrun':
      return (lang) =>
        m.overrun({
          n: p.index + 1,
          title: p.title,
          end: wallTimeText(p.end)(lang),
          meetingEnd: wallTimeText(p.meetingEnd)(lang),
        })(lang);
    case 'fixedTooEarly':
      return (lang) =>
        m.fixedTooEarly({ n: p.index + 1, title: p.title, at: p.at, reached: wallTimeText(p.reached)(lang) })(
          lang,
        );
    case 'startSkipped':
      return m.startSkipped({ start: p.start, date: p.date, zone: p.timeZone });
    case 'sharesWithoutDuration':
      return m.sharesWithoutDuration({ n: p.index + 1, title: p.title });
    case 'noLength':
      return m.noLength({ n: p.index + 1, title: p.title });
    case 'sharesOverflow':
      return m.sharesOverflow({ total: Math.round(p.total * 1000) / 10 });
  }
}

/** The hint of an agenda problem, where it has its own (the time to write instead of a skipped start). */
export function agendaProblemHint(p: AgendaProblem): Text | undefined {
  if (p.kind === 'overrun') return m.overrunHint();
  if (p.kind === 'startSkipped') return m.startSkippedHint({ suggestion: p.suggestion });
  return undefined;
}

export function agendaWarningText(w: AgendaWarning): Text {
  return m.startAmbiguous({
    start: w.start,
    date: w.date,
    zone: w.timeZone,
    offset: formatUtcOffset(w.offset),
    otherOffset: formatUtcOffset(w.otherOffset),
  });
}

/** Where an agenda problem or warning is in meeting.yaml: its item, the field it is about, or the agenda. */
export function agendaProblemPath(p: AgendaProblem | AgendaWarning): (string | number)[] {
  if ('index' in p) return ['agenda', p.index];
  if ('field' in p) return [p.field];
  return ['agenda'];
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/**
 * The semantic checks of meeting.yaml beyond its schema: errors (the agenda overruns, people who are not
 * attendees) and advice from good practice. Pure: positions come from the caller.
 */
export function reviewMeeting(meeting: Meeting, file: string, pos: Pos): MeetingReview {
  const errors: Problem[] = [];
  const advice: Problem[] = [];
  const at = (path: (string | number)[], which: 'key' | 'value' = 'value') => ({
    file,
    path: formatPath(path),
    ...pos(path, which),
  });
  const agenda = computeAgenda(agendaInput(meeting));
  for (const p of agenda.problems) {
    errors.push({
      code: `agenda.${p.kind}`,
      message: agendaProblemText(p),
      hint: agendaProblemHint(p),
      ...at(agendaProblemPath(p)),
    });
  }
  for (const w of agenda.warnings)
    advice.push({ code: `agenda.${w.kind}`, message: agendaWarningText(w), ...at(agendaProblemPath(w)) });

  const people = new Set(meeting.attendees.map((a) => a.name));
  const ref = (name: string | undefined, path: (string | number)[]) => {
    if (name !== undefined && !people.has(name)) {
      errors.push({
        code: 'people.unknown',
        message: m.unknownPerson({ name }),
        hint: m.unknownPersonHint(),
        ...at(path),
      });
    }
  };
  ref(meeting.host, ['host']);
  ref(meeting.recorder, ['recorder']);
  meeting.topics.forEach((t, i) => {
    ref(t.owner, ['topics', i, 'owner']);
  });
  meeting.agenda.forEach((t, i) => {
    ref(t.owner, ['agenda', i, 'owner']);
  });

  const n = meeting.topics.length;
  if (n < 3)
    advice.push({ code: 'advice.fewTopics', message: m.fewTopics({ count: n }), ...at(['topics'], 'key') });
  if (n > 5)
    advice.push({ code: 'advice.manyTopics', message: m.manyTopics({ count: n }), ...at(['topics'], 'key') });
  meeting.topics.forEach((t, i) => {
    if (!t.outcome?.trim())
      advice.push({
        code: 'advice.noOutcome',
        message: m.noOutcome({ title: t.title }),
        ...at(['topics', i]),
      });
  });
  if (agenda.problems.length === 0 && meeting.agenda.length > 0) {
    if (agenda.buffer === 0)
      advice.push({ code: 'advice.noBuffer', message: m.noBuffer(), ...at(['agenda'], 'key') });
    else if (agenda.bufferShare > 0.15)
      advice.push({
        code: 'advice.bigBuffer',
        message: m.bigBuffer({ share: Math.round(agenda.bufferShare * 100), minutes: agenda.buffer }),
        ...at(['agenda'], 'key'),
      });
  }
  if (ROUTINE_TYPES.includes(meeting.type) && agenda.duration > 60) {
    advice.push({
      code: 'advice.longRoutine',
      message: m.longRoutine({ type: meeting.type, minutes: agenda.duration }),
      ...at(meeting.duration !== undefined ? ['duration'] : ['type']),
    });
  }
  if (meeting.attendees.length > 0 && meeting.attendees.every((a) => !a.email))
    advice.push({
      code: 'advice.noEmails',
      message: m.noEmails(),
      hint: m.noEmailsHint(),
      ...at(['attendees'], 'key'),
    });
  if (!meeting.host) advice.push({ code: 'advice.noHost', message: m.noHost(), ...at([]) });
  if (!meeting.recorder) advice.push({ code: 'advice.noRecorder', message: m.noRecorder(), ...at([]) });
  if (!ROUTINE_TYPES.includes(meeting.type)) {
    const due = meeting.preRead?.sent ?? meeting.preRead?.due;
    if (!due)
      advice.push({
        code: 'advice.noPreRead',
        message: m.noPreRead(),
        ...at(meeting.preRead ? ['preRead'] : []),
      });
    else if (daysBetween(due, meeting.date) < 1)
      advice.push({
        code: 'advice.lateRead',
        message: m.lateRead({ due, date: meeting.date }),
        ...at(['preRead', meeting.preRead?.sent ? 'sent' : 'due']),
      });
  }
  meeting.carriedActions.forEach((c, i) => {
    if (c.carried >= ESCALATE_AFTER && (c.status === 'open' || c.status === 'in-progress'))
      advice.push({
        code: 'advice.escalate',
        message: m.escalate({ id: c.id, what: c.what, count: c.carried }),
        ...at(['carriedActions', i]),
      });
  });
  meeting.gaps.forEach((g, i) => {
    if (g.measure && (!g.owner || !g.due))
      advice.push({
        code: 'advice.gapUnowned',
        message: m.gapUnowned({ metric: g.metric }),
        ...at(['gaps', i]),
      });
  });
  meeting.risks.forEach((r, i) => {
    if (!r.owner || !r.response?.trim())
      advice.push({
        code: 'advice.riskUnowned',
        message: m.riskUnowned({ risk: r.risk }),
        ...at(['risks', i]),
      });
  });
  if (meeting.market && !MARKET_TYPES.includes(meeting.type))
    advice.push({
      code: 'advice.marketNotShown',
      message: m.marketNotShown(),
      ...at(['market'], 'key'),
    });
  return { agenda, errors, advice };
}

/** Advice on the minutes' action items: every action needs an owner, a due date and a measure. */
export function reviewMinutes(
  minutes: Minutes,
  meeting: Meeting | undefined,
  file: string,
  pos: Pos,
): Problem[] {
  const advice: Problem[] = [];
  const people = new Set(meeting?.attendees.map((a) => a.name) ?? []);
  minutes.actions.forEach((a, i) => {
    const where = { file, path: `actions[${i}]`, ...pos(['actions', i]) };
    const p = { n: i + 1, what: a.what };
    if (!a.owner) advice.push({ code: 'advice.actionNoOwner', message: m.actionNoOwner(p), ...where });
    else if (meeting && !people.has(a.owner))
      advice.push({
        code: 'advice.actionOwnerUnknown',
        message: m.actionOwnerUnknown({ n: i + 1, name: a.owner }),
        ...where,
      });
    if (!a.due) advice.push({ code: 'advice.actionNoDue', message: m.actionNoDue(p), ...where });
    if (a.measure === undefined || (typeof a.measure === 'string' && !a.measure.trim()))
      advice.push({ code: 'advice.actionNoMeasure', message: m.actionNoMeasure(p), ...where });
  });
  return advice;
}
