import { clockTime, isoDate, timeZone } from '../../../core/formats.js';
import type { Lang } from '../../../core/i18n/index.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { PRESETS, typeLabel } from '../../../core/meeting/presets.js';
import { MEETING_TYPES, type MeetingType } from '../../../core/meeting/schema.js';
import { defaultMeetingZone, isUtcZone } from '../../../core/meeting/timezone.js';
import { catalogue } from '../../../i18n/index.js';
import { promptValidator } from '../../flags.js';

/** Asks for every value not given as a flag (only when prompts are allowed); the answers go through the same schemas. */
export async function ask(o: Record<string, unknown>, lang: Lang, hostZone: string) {
  const { input, select, confirm } = await import('@inquirer/prompts');
  const answers: Record<string, unknown> = { ...o };
  if (answers.type === undefined) {
    answers.type = await select({
      message: catalogue(lang).cli.init.meetingType,
      choices: MEETING_TYPES.map((t) => ({
        value: t,
        name: `${t} · ${typeLabel(t, lang)} (${PRESETS[t].duration} min)`,
      })),
      default: 'monthly',
    });
  }
  const type = answers.type as MeetingType;
  if (answers.date === undefined) {
    answers.date = await input({
      message: catalogue(lang).cli.init.date,
      validate: promptValidator(isoDate, lang),
    });
  }
  if (answers.title === undefined) {
    answers.title = await input({
      message: catalogue(lang).cli.init.title,
      default: `${typeLabel(type, lang)} ${answers.date as string}`,
    });
  }
  if (answers.start === undefined) {
    answers.start = await input({
      message: catalogue(lang).cli.init.start,
      default: PRESETS[type].start,
      validate: promptValidator(clockTime, lang),
    });
  }
  // A machine on UTC (a server, a container) says nothing about where the team meets: ask, suggesting the zone
  // of the meeting's language.
  if (answers.timezone === undefined && isUtcZone(hostZone)) {
    answers.timezone = await input({
      message: catalogue(lang).cli.init.timezone,
      default: defaultMeetingZone(lang, hostZone).zone,
      validate: promptValidator(timeZone, lang),
    });
  }
  if (answers.location === undefined && answers.online === undefined) {
    const place = await input({
      message: catalogue(lang).cli.init.location,
    });
    if (/^https?:\/\//i.test(place.trim())) answers.online = place.trim();
    else if (place.trim()) answers.location = place.trim();
  }
  if (answers.host === undefined) {
    const host = await input({ message: catalogue(lang).cli.init.host });
    if (host.trim()) answers.host = host.trim();
  }
  if (answers.recorder === undefined) {
    const rec = await input({ message: catalogue(lang).cli.init.minuteTaker });
    if (rec.trim()) answers.recorder = rec.trim();
  }
  if (answers.attendee === undefined) {
    const list: string[] = [];
    for (;;) {
      const a = await input({
        message: catalogue(lang).cli.init.attendee,
      });
      if (!a.trim()) break;
      list.push(a.trim());
    }
    answers.attendee = list;
  }
  if (answers.objective === undefined) {
    const list: string[] = [];
    for (;;) {
      const a = await input({
        message: catalogue(lang).cli.init.objective,
      });
      if (!a.trim()) break;
      list.push(a.trim());
    }
    answers.objective = list;
  }
  if (answers.topic === undefined) {
    const list: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const title = await input({
        message: interpolate(catalogue(lang).cli.init.topic, { i }),
      });
      if (!title.trim()) break;
      const outcome = await input({
        message: catalogue(lang).cli.init.expectedOutcome,
      });
      list.push(outcome.trim() ? `${title.trim()} => ${outcome.trim()}` : title.trim());
    }
    answers.topic = list;
  }
  if (
    !(await confirm({
      message: catalogue(lang).cli.init.confirmWrite,
      default: true,
    }))
  ) {
    const { CancelledError } = await import('../../../core/errors.js');
    throw new CancelledError(catalogue(lang).cli.init.cancelled);
  }
  return answers;
}
