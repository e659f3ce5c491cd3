import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../core/errors.js';
import { messagesOf } from '../core/i18n/messages.js';
import { type Meeting, meetingSchema } from '../core/meeting/schema.js';
import type { ActionsLog, Minutes } from '../core/minutes/schema.js';
import { validate } from '../core/validate.js';
import { type LoadedYaml, loadYamlFile } from '../io/yaml.js';

const m = messagesOf((c) => c.app.meetingFolder);

export const MEETING_FILE = 'meeting.yaml';
export const MINUTES_FILE = 'minutes.yaml';
export const ACTIONS_FILE = 'actions.yaml';

/** A YAML file that passed its schema, with the positions of its values. */
export interface Checked<T> {
  value: T;
  loaded: LoadedYaml;
}

export interface MeetingFolder {
  dir: string;
  /** The folder's name: the meeting's id in action ids (`2026-h1-review#3`). */
  id: string;
  /** Paths as shown to the user (relative to the working directory). */
  display: (file: string) => string;
  meeting: Checked<Meeting>;
  minutes?: Checked<Minutes>;
  actions?: Checked<ActionsLog>;
}

export async function loadChecked<S extends z.ZodType>(
  schema: S,
  path: string,
  display: string,
): Promise<Checked<z.output<S>>> {
  const loaded = await loadYamlFile(path, display);
  const result = validate(schema, loaded.data, display, loaded.positionOf);
  if (!result.ok) {
    throw new InputError('schema.invalid', m.invalid({ file: display, count: result.problems.length }), {
      problems: result.problems,
    });
  }
  return { value: result.value, loaded };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Present at all (a folder where a file belongs is then reported by the loader). */
async function present(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Resolves and checks the folder argument of a command (default: the working directory). */
export async function resolveMeetingDir(dirArg: string | undefined, cwd: string): Promise<string> {
  const dir = resolve(cwd, dirArg ?? '.');
  const shown = relative(cwd, dir) || '.';
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(dir);
  } catch {
    throw new InputError('folder.notFound', m.noFolder(), {
      location: { file: shown },
      hint: m.noFolderHint({ dir: shown }),
    });
  }
  if (!st.isDirectory()) {
    throw new InputError('folder.notFolder', m.notFolder(), {
      location: { file: shown },
      hint: m.notFolderHint(),
    });
  }
  if (!(await isFile(join(dir, MEETING_FILE)))) {
    throw new InputError('folder.noMeeting', m.noMeeting(), {
      location: { file: shown },
      hint: m.noFolderHint({ dir: shown }),
    });
  }
  return dir;
}

/**
 * Loads a meeting folder: meeting.yaml (required), minutes.yaml and actions.yaml (when present), each checked
 * against its schema. Any schema problem is an InputError (exit 3) listing every problem with its position.
 * `only: 'meeting'` reads meeting.yaml alone, for a command that uses nothing else (the agenda: the record of the
 * meeting is not read before it, and a half-written minutes.yaml does not stop it).
 */
export async function loadMeetingFolder(
  dirArg: string | undefined,
  cwd: string,
  o: { only?: 'meeting' } = {},
): Promise<MeetingFolder> {
  const dir = await resolveMeetingDir(dirArg, cwd);
  // A path inside the folder as the user would type it from where they are; an absolute path stays whole.
  const display = (file: string) => {
    const abs = isAbsolute(file) ? file : join(dir, file);
    const rel = relative(cwd, abs);
    return rel === '' ? file : rel.startsWith('..') && isAbsolute(file) ? abs : rel;
  };
  const meeting = await loadChecked(meetingSchema, join(dir, MEETING_FILE), display(MEETING_FILE));
  const folder: MeetingFolder = { dir, id: basename(dir), display, meeting };
  if (o.only === 'meeting') return folder;
  // The record's schemas are built only when a command reads the record (about 9 ms of `agenda`'s start-up).
  const { actionsLogSchema, minutesSchema } = await import('../core/minutes/schema.js');
  if (await present(join(dir, MINUTES_FILE))) {
    folder.minutes = await loadChecked(minutesSchema, join(dir, MINUTES_FILE), display(MINUTES_FILE));
  }
  if (await present(join(dir, ACTIONS_FILE))) {
    folder.actions = await loadChecked(actionsLogSchema, join(dir, ACTIONS_FILE), display(ACTIONS_FILE));
  }
  return folder;
}
