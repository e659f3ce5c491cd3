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
import { defineMessages, type Text } from '../i18n/messages.js';
import type { Minutes } from '../minutes/schema.js';
import { formatPath } from '../text.js';
import { ROUTINE_TYPES } from './presets.js';
import type { Meeting } from './schema.js';

const m = defineMessages({
  en: {
    overrun: 'agenda item {n} "{title}" ends at {end}, after the meeting ends at {meetingEnd}',
    overrunHint: 'shorten the items, or lengthen the meeting with `duration`',
    fixedTooEarly: 'agenda item {n} "{title}" is fixed at {at}, but the items before it run until {reached}',
    sharesWithoutDuration:
      'agenda item {n} "{title}" is given as a share, but the meeting has no `duration` to share',
    noLength: 'agenda item {n} "{title}" has neither `minutes` nor `share`',
    sharesOverflow: 'the agenda shares add up to {total}%, more than 100%',
    startSkipped: '{start} on {date} does not exist in {zone}: the clocks go forward that night and skip it',
    startSkippedHint:
      'start at "{suggestion}" instead (the same moment on the clock after the change), or pick another time',
    startAmbiguous:
      '{start} on {date} happens twice in {zone} (the clocks go back); the first is used ({offset}), not the second ({otherOffset})',
    unknownPerson: '"{name}" is not in the attendee list',
    unknownPersonHint: 'add them under `attendees`, or correct the spelling',
    fewTopics: '{count} key topic(s); good practice is 3–5 topics, each with an expected outcome',
    manyTopics: '{count} key topics; good practice is 3–5 — a meeting that tries to cover more decides less',
    noOutcome: 'topic "{title}" has no expected outcome (what should the meeting decide?)',
    noBuffer: 'the agenda fills the whole meeting; keep 10–15% of the time as buffer',
    bigBuffer: '{share}% of the meeting ({minutes} min) is unplanned buffer; 10–15% is enough',
    longRoutine: 'a {type} meeting of {minutes} minutes; routine meetings should stay within 60 minutes',
    noHost: 'no host (主持人): someone has to run the meeting and approve the minutes',
    noRecorder: 'no minute-taker (记录人): minutes are due within 24 hours',
    noPreRead: 'no pre-read date: send the pack 1–3 days before the meeting (`preRead: {due: …}`)',
    lateRead: 'the pre-read is due {due}, less than one day before the meeting on {date}',
    actionNoOwner: 'action {n} "{what}" has no owner',
    actionNoDue: 'action {n} "{what}" has no due date',
    actionNoMeasure: 'action {n} "{what}" has no measure (考核标准): how will we know it is done?',
    actionOwnerUnknown: 'action {n} owner "{name}" is not in the attendee list',
    escalate: '{id} "{what}" has been carried over {count} times: escalate it',
  },
  'zh-CN': {
    overrun: '议程第 {n} 项“{title}”在 {end} 结束，晚于会议结束时间 {meetingEnd}',
    overrunHint: '请缩短议程项，或用 `duration` 延长会议时长',
    fixedTooEarly: '议程第 {n} 项“{title}”固定在 {at} 开始，但前面的议程要到 {reached} 才结束',
    sharesWithoutDuration: '议程第 {n} 项“{title}”按比例分配，但会议没有设置 `duration`',
    noLength: '议程第 {n} 项“{title}”既没有 `minutes` 也没有 `share`',
    sharesOverflow: '议程比例合计 {total}%，超过 100%',
    startSkipped: '{date} {start} 在 {zone} 时区并不存在：当天时钟拨快（夏令时开始），跳过了这段时间',
    startSkippedHint: '请改为 "{suggestion}" 开始（即时钟拨快后的同一时刻），或另选时间',
    startAmbiguous:
      '{date} {start} 在 {zone} 时区会出现两次（时钟回拨，夏令时结束）；按第一次（{offset}）计算，而非第二次（{otherOffset}）',
    unknownPerson: '“{name}”不在参会人名单中',
    unknownPersonHint: '请在 `attendees` 中添加此人，或更正姓名',
    fewTopics: '重点议题 {count} 个；建议 3–5 个，每个都有预期结果',
    manyTopics: '重点议题 {count} 个；建议 3–5 个，议题太多反而难以形成决议',
    noOutcome: '议题“{title}”没有预期结果（会议要就此决定什么？）',
    noBuffer: '议程排满了整个会议时间；建议预留 10–15% 的机动时间',
    bigBuffer: '会议有 {share}%（{minutes} 分钟）未安排；预留 10–15% 即可',
    longRoutine: '{type} 会议时长 {minutes} 分钟；例行会议建议不超过 60 分钟',
    noHost: '未指定主持人：需要有人主持会议并审批纪要',
    noRecorder: '未指定记录人：会议纪要应在 24 小时内发出',
    noPreRead: '未计划会前资料发送日期：建议会前 1–3 天发出（`preRead: {due: …}`）',
    lateRead: '会前资料计划 {due} 发出，距 {date} 的会议不足一天',
    actionNoOwner: '行动项 {n}“{what}”没有负责人',
    actionNoDue: '行动项 {n}“{what}”没有完成期限',
    actionNoMeasure: '行动项 {n}“{what}”没有考核标准：如何判断已完成？',
    actionOwnerUnknown: '行动项 {n} 的负责人“{name}”不在参会人名单中',
    escalate: '{id}“{what}”已结转 {count} 次，建议升级处理',
  },
  'zh-TW': {
    overrun: '議程第 {n} 項「{title}」在 {end} 結束，晚於會議結束時間 {meetingEnd}',
    overrunHint: '請縮短議程項目，或以 `duration` 延長會議時長',
    fixedTooEarly: '議程第 {n} 項「{title}」固定在 {at} 開始，但前面的議程要到 {reached} 才結束',
    sharesWithoutDuration: '議程第 {n} 項「{title}」依比例分配，但會議沒有設定 `duration`',
    noLength: '議程第 {n} 項「{title}」既沒有 `minutes` 也沒有 `share`',
    sharesOverflow: '議程比例合計 {total}%，超過 100%',
    startSkipped: '{date} {start} 在 {zone} 時區並不存在：當天時鐘撥快（日光節約時間開始），跳過了這段時間',
    startSkippedHint: '請改為 "{suggestion}" 開始（即時鐘撥快後的同一時刻），或另選時間',
    startAmbiguous:
      '{date} {start} 在 {zone} 時區會出現兩次（時鐘回撥，日光節約時間結束）；依第一次（{offset}）計算，而非第二次（{otherOffset}）',
    unknownPerson: '「{name}」不在出席人名單中',
    unknownPersonHint: '請在 `attendees` 中加入此人，或更正姓名',
    fewTopics: '重點議題 {count} 個；建議 3–5 個，每個都有預期結果',
    manyTopics: '重點議題 {count} 個；建議 3–5 個，議題太多反而難以形成決議',
    noOutcome: '議題「{title}」沒有預期結果（會議要就此決定什麼？）',
    noBuffer: '議程排滿了整個會議時間；建議預留 10–15% 的緩衝時間',
    bigBuffer: '會議有 {share}%（{minutes} 分鐘）未安排；預留 10–15% 即可',
    longRoutine: '{type} 會議時長 {minutes} 分鐘；例行會議建議不超過 60 分鐘',
    noHost: '未指定主席：需要有人主持會議並核定紀錄',
    noRecorder: '未指定紀錄：會議紀錄應在 24 小時內發出',
    noPreRead: '未規劃會前資料寄送日期：建議會前 1–3 天寄出（`preRead: {due: …}`）',
    lateRead: '會前資料預計 {due} 寄出，距 {date} 的會議不足一天',
    actionNoOwner: '行動項目 {n}「{what}」沒有負責人',
    actionNoDue: '行動項目 {n}「{what}」沒有完成期限',
    actionNoMeasure: '行動項目 {n}「{what}」沒有考核標準：如何判斷已完成？',
    actionOwnerUnknown: '行動項目 {n} 的負責人「{name}」不在出席人名單中',
    escalate: '{id}「{what}」已結轉 {count} 次，建議升級處理',
  },
});

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
