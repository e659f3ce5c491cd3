import { join, relative, resolve } from 'node:path';
import { carryOver, ESCALATE_AFTER, meetingActions } from '../core/actions.js';
import { computeAgenda } from '../core/agenda.js';
import type { Lang } from '../core/i18n/index.js';
import { defaultTitle, PRESETS, presetAgenda } from '../core/meeting/presets.js';
import type {
  AgendaItem,
  Attendee,
  CarriedAction,
  MeetingInput,
  MeetingType,
} from '../core/meeting/schema.js';
import { defaultMeetingZone } from '../core/meeting/timezone.js';
import type { Minutes } from '../core/minutes/schema.js';
import { catalogue } from '../i18n/index.js';
import { commitWrites, type PlannedFile, planWrites, type WritePlan } from '../io/write.js';
import { loadMeetingFolder, MEETING_FILE, MINUTES_FILE } from './meeting-folder.js';
import { schemaComment, toYaml } from './yaml-out.js';

export interface InitOptions {
  dir: string;
  type: MeetingType;
  title?: string;
  date: string;
  start?: string;
  duration?: number;
  timezone?: string;
  location?: string;
  online?: string;
  tool?: string;
  host?: string;
  recorder?: string;
  attendees: Attendee[];
  objectives: string[];
  topics: { title: string; outcome?: string; owner?: string }[];
  lang: Lang;
  from?: string;
  force: boolean;
  dryRun: boolean;
}

export interface InitDeps {
  cwd: string;
  timezone: string;
}

export interface InitResult {
  dir: string;
  plan: WritePlan;
  written: boolean;
  carried: CarriedAction[];
  escalate: CarriedAction[];
  meeting: MeetingInput;
  /** The zone chosen instead of the host's UTC for a Chinese meeting without --timezone, or null. */
  zoneInstead: string | null;
}

/** "2026-07-10" minus n days. */
function minusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

function roleWord(lang: Lang, role: 'host' | 'recorder'): string {
  return catalogue(lang).app.init.roles[role];
}

function reviewItem(lang: Lang, carried: CarriedAction[]): AgendaItem {
  const title = catalogue(lang).app.init.reviewActions;
  const notes = carried
    .map(
      (c) =>
        `${c.id} ${c.what}${c.owner ? ` (${c.owner}${c.due ? `, ${c.due}` : ''})` : ''}${c.carried >= ESCALATE_AFTER ? ' ⚠' : ''}`,
    )
    .join('\n');
  return { title, minutes: Math.min(15, Math.max(5, carried.length * 2)), notes };
}

/** Builds meeting.yaml and the minutes skeleton for a new meeting folder; writes them unless --dry-run. */
export async function runInit(o: InitOptions, deps: InitDeps): Promise<InitResult> {
  const dir = resolve(deps.cwd, o.dir);
  const preset = PRESETS[o.type];
  const lang = o.lang;

  let carried: CarriedAction[] = [];
  let previous: string | undefined;
  if (o.from !== undefined) {
    const prev = await loadMeetingFolder(o.from, deps.cwd);
    const actions = meetingActions(
      prev.id,
      prev.minutes?.value.actions ?? [],
      prev.meeting.value.carriedActions,
      prev.actions?.value,
    );
    carried = carryOver(actions);
    previous = relative(dir, prev.dir).split('\\').join('/');
  }

  let agenda = presetAgenda(o.type, lang);
  let duration = o.duration ?? preset.duration;
  if (carried.length > 0) {
    const review = reviewItem(lang, carried);
    // A preset that already starts with a follow-up item gets the list there; otherwise the review goes first.
    const first = agenda[0];
    if (first && /跟进|追蹤|Follow-up/i.test(first.title)) {
      agenda[0] = { ...first, notes: review.notes };
    } else {
      agenda = [review, ...agenda];
      if (o.duration === undefined) duration += review.minutes ?? 0;
    }
  }

  const attendees: Attendee[] = [...o.attendees];
  const ensure = (name: string | undefined, role: 'host' | 'recorder') => {
    if (name && !attendees.some((a) => a.name === name)) {
      attendees.unshift({ name, role: roleWord(lang, role), required: true });
    }
  };
  ensure(o.recorder, 'recorder');
  ensure(o.host, 'host');

  const title = o.title ?? defaultTitle(o.type, o.date, lang);
  const zone = o.timezone === undefined ? defaultMeetingZone(lang, deps.timezone) : undefined;
  const meeting: MeetingInput = {
    title,
    type: o.type,
    date: o.date,
    start: o.start ?? preset.start,
    duration,
    timezone: o.timezone ?? zone!.zone,
    lang,
  };
  if (o.location) meeting.location = o.location;
  if (o.online) meeting.online = o.tool ? { link: o.online, tool: o.tool } : { link: o.online };
  if (o.host) meeting.host = o.host;
  if (o.recorder) meeting.recorder = o.recorder;
  meeting.attendees = attendees;
  meeting.objectives = o.objectives;
  meeting.topics = o.topics.map((t) => ({ ...t }));
  if (preset.transition) meeting.transition = preset.transition;
  if (preset.buffer) meeting.buffer = preset.buffer;
  meeting.agenda = agenda;
  if (o.type !== 'daily' && o.type !== 'weekly') meeting.preRead = { due: minusDays(o.date, 2) };
  meeting.materials = [];
  meeting.issues = [];
  if (previous) meeting.previous = previous;
  if (carried.length > 0) meeting.carriedActions = carried;

  const timed = computeAgenda({
    start: meeting.start,
    duration,
    transition: meeting.transition,
    buffer: meeting.buffer,
    items: agenda,
  });
  const header = [catalogue(lang).app.init.meetingHeader];
  const meetingYaml = toYaml(meeting, {
    header: [schemaComment(dir, 'meeting.schema.json'), ...header.map((h) => ` ${h}`)],
    itemComments: { agenda: timed.items.map((t) => `${t.start}–${t.end}`) },
  });

  const minutes: Partial<Minutes> = {
    meeting: title,
    attendance: attendees.map((a) => ({ name: a.name, status: 'present' as const })),
    topics: agenda.filter((a) => !a.break).map((a) => ({ title: a.title, points: [], decisions: [] })),
    actions: [],
    otherBusiness: [],
  };
  const minutesHeader = catalogue(lang).app.init.minutesHeader;
  const minutesYaml = toYaml(minutes, { header: [schemaComment(dir, 'minutes.schema.json'), minutesHeader] });

  const files: PlannedFile[] = [
    { path: join(dir, MEETING_FILE), content: meetingYaml, kind: 'user' },
    { path: join(dir, MINUTES_FILE), content: minutesYaml, kind: 'user' },
  ];
  const plan = await planWrites(files, [{ path: dir }, { path: join(dir, 'data') }], {
    force: o.force,
    cwd: deps.cwd,
  });
  if (!o.dryRun) await commitWrites(plan);
  return {
    dir,
    plan,
    written: !o.dryRun,
    carried,
    escalate: carried.filter((c) => c.carried >= ESCALATE_AFTER),
    meeting,
    zoneInstead: zone?.instead ? zone.zone : null,
  };
}
