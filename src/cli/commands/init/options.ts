import * as z from 'zod';
import type { InitOptions } from '../../../app/init.js';
import { UsageError } from '../../../core/errors.js';
import { clockTime, isoDate, timeZone, url } from '../../../core/formats.js';
import type { Lang } from '../../../core/i18n/index.js';
import { type Attendee, MEETING_TYPES } from '../../../core/meeting/schema.js';
import { missingFlag, parseFlag } from '../../flags.js';
import { dirArg, parseInput, repeated } from '../../options.js';
import type { RawInput } from '../types.js';

const typeSchema = z.enum(MEETING_TYPES);
const durationSchema = z.coerce
  .number()
  .int()
  .min(5)
  .max(24 * 60);

/** The flags as commander gives them (and as the prompts fill them in). */
export const initFlags = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  date: z.string().optional(),
  start: z.string().optional(),
  duration: z.string().optional(),
  timezone: z.string().optional(),
  location: z.string().optional(),
  online: z.string().optional(),
  tool: z.string().optional(),
  host: z.string().optional(),
  recorder: z.string().optional(),
  attendee: repeated,
  objective: repeated,
  topic: repeated,
  from: z.string().optional(),
});
export type InitFlags = z.output<typeof initFlags>;

/** The folder argument and the flags, before the prompts fill in what is missing. */
export function readInitInput(input: RawInput): { dir: string; flags: InitFlags } {
  const { args, opts } = parseInput(input, { args: dirArg, opts: initFlags });
  return { dir: args[0] ?? '.', flags: opts };
}

/** `王芳,华东区域经理,销售部,optional` → attendee (full-width commas accepted too). */
export function parseAttendee(s: string, flag = '--attendee'): Attendee {
  const [name, role, department, flagWord] = s.split(/[,，]/).map((x) => x.trim());
  if (!name)
    throw new UsageError(
      'usage.attendee',
      `${flag}: expected "name,role,department[,optional]", found "${s}"`,
    );
  const a: Attendee = { name, required: !/^(optional|可选|可選|列席)$/i.test(flagWord ?? '') };
  if (role) a.role = role;
  if (department) a.department = department;
  return a;
}

/** `华东回款落后 => 确定追回计划` → topic with expected outcome. */
export function parseTopic(s: string): { title: string; outcome?: string } {
  const [title, outcome] = s.split(/\s*=>\s*/, 2).map((x) => x.trim());
  return outcome ? { title: title!, outcome } : { title: title! };
}

/** Flags (and prompt answers) → the options of `runInit`, each value checked by the schema meeting.yaml uses. */
export function parseInitOptions(
  dir: string,
  o: InitFlags,
  common: { lang: Lang; force: boolean; dryRun: boolean },
): InitOptions {
  if (o.type === undefined) throw missingFlag('--type', (c) => c.cli.init.missingType);
  if (o.date === undefined) throw missingFlag('--date', (c) => c.cli.init.missingDate);

  return {
    dir,
    type: parseFlag(typeSchema, o.type, '--type'),
    date: parseFlag(isoDate, o.date, '--date'),
    title: o.title,
    start: o.start === undefined ? undefined : parseFlag(clockTime, o.start, '--start'),
    duration: o.duration === undefined ? undefined : parseFlag(durationSchema, o.duration, '--duration'),
    timezone: o.timezone === undefined ? undefined : parseFlag(timeZone, o.timezone, '--timezone'),
    location: o.location,
    online: o.online === undefined ? undefined : parseFlag(url, o.online, '--online'),
    tool: o.tool,
    host: o.host,
    recorder: o.recorder,
    attendees: (o.attendee ?? []).map((a) => parseAttendee(a)),
    objectives: o.objective ?? [],
    topics: (o.topic ?? []).map(parseTopic),
    lang: common.lang,
    from: o.from,
    force: common.force,
    dryRun: common.dryRun,
  };
}
