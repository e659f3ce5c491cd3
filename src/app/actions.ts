import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import {
  type ActionFilter,
  type ActionReport,
  actionReport,
  type MeetingActionsInput,
  type MergedAction,
  meetingActions,
  mergeActions,
} from '../core/actions.js';
import { InputError, type Problem, SalesmeetError, UsageError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { type ActionStatus, type ActionUpdate, actionsLogSchema } from '../core/minutes/schema.js';
import { actionsView, localDate, seriesTitle } from '../core/minutes/view.js';
import { didYouMean } from '../core/text.js';
import { validate } from '../core/validate.js';
import { catalogue } from '../i18n/index.js';
import { planWrites, updateUserFile, type WritePlan } from '../io/write.js';
import { render } from '../render/engine.js';
import type { LangFor } from './deps.js';
import { ACTIONS_FILE, loadMeetingFolder, MEETING_FILE, type MeetingFolder } from './meeting-folder.js';
import { schemaComment } from './yaml-out.js';

const m = messagesOf((c) => c.app.actions);

const SKIP = new Set(['node_modules', 'out', 'data', 'dist', 'keys', 'templates']);
const MAX_DEPTH = 4;

async function kind(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * The meeting folders named on the command line: a folder with meeting.yaml is one meeting; any other folder
 * is searched (a few levels deep, skipping out/, data/, node_modules/ and hidden folders) for meeting folders.
 */
export async function findMeetingFolders(
  dirs: readonly string[],
  cwd: string,
  options: { depth?: number } = {},
): Promise<string[]> {
  const maxDepth = options.depth ?? MAX_DEPTH;
  const found: string[] = [];
  const walk = async (dir: string, depth: number) => {
    if ((await kind(join(dir, MEETING_FILE))) === 'file') {
      found.push(dir);
      return;
    }
    if (depth >= maxDepth) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!e.isDirectory() || e.name.startsWith('.') || SKIP.has(e.name)) continue;
      await walk(join(dir, e.name), depth + 1);
    }
  };
  for (const d of dirs.length > 0 ? dirs : ['.']) {
    const abs = resolve(cwd, d);
    const shown = relative(cwd, abs) || '.';
    const k = await kind(abs);
    if (k !== 'dir') throw new InputError('folder.notFound', m.notFound(), { location: { file: shown } });
    const before = found.length;
    await walk(abs, 0);
    if (found.length === before)
      throw new InputError('actions.noMeetings', m.noMeetings({ dir: shown }), {
        location: { file: shown },
        hint: m.noMeetingsHint(),
      });
  }
  return [...new Set(found)];
}

export function meetingInput(folder: MeetingFolder): MeetingActionsInput {
  const meeting = folder.meeting.value;
  return {
    id: folder.id,
    title: meeting.title,
    date: meeting.date,
    own: folder.minutes?.value.actions ?? [],
    carried: meeting.carriedActions,
    log: folder.actions?.value,
  };
}

/**
 * The meetings of a folder's series, the folder itself included: the meeting folders beside it (found the way
 * `salesmeet actions <parent folder>` finds them, one level deep) and the folder named by `previous:` in
 * meeting.yaml. A folder of the series that cannot be read (broken YAML, a schema problem, a `previous:` that is
 * gone) is left out with a warning naming it, so one colleague's broken file never stops another meeting's list.
 */
export async function seriesFolders(
  folder: MeetingFolder,
  cwd: string,
): Promise<{ folders: MeetingFolder[]; warnings: Problem[] }> {
  const warnings: Problem[] = [];
  const dirs = await findMeetingFolders([dirname(folder.dir)], cwd, { depth: 1 }).catch(() => [] as string[]);
  const previous = folder.meeting.value.previous;
  if (previous !== undefined) dirs.push(resolve(folder.dir, previous));
  const folders: MeetingFolder[] = [folder];
  const seen = new Set([resolve(folder.dir)]);
  for (const d of dirs) {
    const abs = resolve(d);
    if (seen.has(abs)) continue;
    seen.add(abs);
    try {
      folders.push(await loadMeetingFolder(abs, cwd));
    } catch (error) {
      if (!(error instanceof SalesmeetError)) throw error;
      const where = error.problems[0] ?? error.location ?? { file: relative(cwd, abs) || abs };
      const detail = error.problems[0]?.message ?? error.text;
      warnings.push({
        ...where,
        file: where.file ?? (relative(cwd, abs) || abs),
        code: 'actions.seriesUnreadable',
        message: (lang) =>
          m.seriesUnreadable({ folder: relative(cwd, abs) || abs, detail: detail(lang) })(lang),
      });
    }
  }
  folders.sort(
    (a, b) => a.meeting.value.date.localeCompare(b.meeting.value.date) || a.id.localeCompare(b.id),
  );
  return { folders, warnings };
}

export interface ActionsOptions {
  dirs: string[];
  /** The day overdue is judged on (YYYY-MM-DD); default: today in the first meeting's time zone. */
  asOf?: string;
  filter: ActionFilter;
}

export interface ActionsResult {
  folders: MeetingFolder[];
  meetings: MeetingActionsInput[];
  actions: MergedAction[];
  report: ActionReport;
  /** The output language: `langFor` applied to the `lang` of the most recent meeting. */
  lang: Lang;
  timeZone?: string;
}

/** Reads one or many meeting folders and builds the action report across them. */
/** What the action use-cases need from their caller: the language and the host's time zone are decided there. */
export interface ActionsDeps {
  cwd: string;
  now: Date;
  /** The host's time zone, for a meeting without `timezone:`. */
  timezone: string;
  langFor: LangFor;
}

export async function runActions(o: ActionsOptions, deps: ActionsDeps): Promise<ActionsResult> {
  const dirs = await findMeetingFolders(o.dirs, deps.cwd);
  const folders: MeetingFolder[] = [];
  for (const d of dirs) folders.push(await loadMeetingFolder(d, deps.cwd));
  folders.sort(
    (a, b) => a.meeting.value.date.localeCompare(b.meeting.value.date) || a.id.localeCompare(b.id),
  );
  const meetings = folders.map(meetingInput);
  const latest = folders[folders.length - 1]?.meeting.value;
  const asOf = o.asOf ?? localDate(deps.now, latest?.timezone ?? deps.timezone);
  const actions = mergeActions(meetings, asOf);
  const report = actionReport(actions, meetings, asOf, o.filter);
  return {
    folders,
    meetings,
    actions,
    report,
    lang: deps.langFor(latest?.lang),
    timeZone: latest?.timezone,
  };
}

/** The action list as Markdown or HTML, from the same templates as out/actions.md. */
export function renderActions(result: ActionsResult, format: 'md' | 'html', lang: Lang, now: Date): string {
  const title =
    result.folders.length === 1
      ? result.folders[0]!.meeting.value.title
      : seriesTitle(
          result.folders.map((f) => ({ title: f.meeting.value.title, date: f.meeting.value.date })),
          lang,
        );
  const view = actionsView(result.report, { lang, title, now: now.toISOString(), timeZone: result.timeZone });
  return render('actions', format, view, { lang });
}

export interface UpdateOptions {
  id: string;
  dir?: string;
  status?: ActionStatus;
  note?: string;
  by?: string;
  dryRun: boolean;
}

export interface UpdateResult {
  folder: MeetingFolder;
  /** The output language (`langFor` applied to the meeting's `lang`). */
  lang: Lang;
  update: ActionUpdate;
  action: MergedAction;
  plan: WritePlan;
}

/**
 * Appends a dated update to the meeting folder's actions.yaml (the status log kept apart from the signed
 * minutes). The file is edited in place, so comments and earlier entries stay as written, and written atomically.
 */
export async function runActionsUpdate(o: UpdateOptions, deps: ActionsDeps): Promise<UpdateResult> {
  if (o.status === undefined && (o.note === undefined || o.note.trim() === ''))
    throw new UsageError('usage.nothingToRecord', m.nothing());
  const folder = await loadMeetingFolder(o.dir, deps.cwd);
  const input0 = meetingInput(folder);
  const known = meetingActions(input0.id, input0.own, input0.carried, input0.log);
  const id = o.id.normalize('NFC').trim();
  if (!known.some((a) => a.id === id)) {
    const ids = known.map((a) => a.id);
    const s = didYouMean(id, ids);
    throw new InputError(
      'actions.unknownId',
      ids.length ? m.unknownId({ id, ids: ids.join(', ') }) : m.noIds({ id }),
      {
        location: { file: folder.display(ACTIONS_FILE) },
        hint: s ? m.didYouMean({ suggestion: s }) : undefined,
      },
    );
  }
  const update: ActionUpdate = {
    id,
    date: localDate(deps.now, folder.meeting.value.timezone ?? deps.timezone),
  };
  if (o.status !== undefined) update.status = o.status;
  if (o.note !== undefined && o.note.trim() !== '') update.note = o.note.trim();
  if (o.by !== undefined && o.by.trim() !== '') update.by = o.by.trim();

  const path = join(folder.dir, ACTIONS_FILE);
  const header = `${schemaComment(folder.dir, 'actions.schema.json')}\n ${catalogue(folder.meeting.value.lang ?? 'zh-CN').app.actions.progressHeader}`;
  /** Appends the update to the log as it is saved now (another run may have appended since we loaded it). */
  const append = (text: string | undefined) => {
    const doc = parseDocument(text ?? 'updates: []\n', { version: '1.2' });
    if (text === undefined) doc.commentBefore = header;
    const root = doc.contents as unknown;
    if (!isMap<unknown, unknown>(root)) throw new SalesmeetError('internal.actionsRoot', 1, m.unstable());
    let seq: unknown = root.get('updates', true);
    if (!isSeq<unknown>(seq)) {
      seq = doc.createNode([]);
      root.set('updates', seq);
    }
    const entry = doc.createNode({ ...update }) as YAMLMap;
    entry.flow = true;
    if (isSeq<unknown>(seq)) {
      seq.flow = false;
      seq.items.push(entry);
    }
    const out = doc.toString({ lineWidth: 0 });
    const check = validate(
      actionsLogSchema,
      parseDocument(out, { version: '1.2' }).toJS(),
      ACTIONS_FILE,
      () => ({
        line: 0,
        column: 0,
      }),
    );
    if (!check.ok) throw new SalesmeetError('internal.unstable', 1, m.unstable());
    return { out, log: check.value };
  };
  // actions.yaml is the user's log; appending to it is what they asked for, so the plan is forced. The plan checks
  // the path (inside the folder, no link); the write itself re-reads the file under its lock and appends to that.
  const planned = append(folder.actions?.loaded.text);
  const plan = await planWrites([{ path, content: planned.out, kind: 'user' }], [], {
    force: true,
    cwd: deps.cwd,
    root: folder.dir,
  });
  let log = planned.log;
  if (!o.dryRun) {
    await updateUserFile(
      path,
      (text) => {
        const next = append(text);
        log = next.log;
        return next.out;
      },
      { shown: folder.display(ACTIONS_FILE) },
    );
  }
  const input = { ...input0, log };
  const merged = mergeActions([input]).find((a) => a.id === id)!;
  return { folder, lang: deps.langFor(folder.meeting.value.lang), update, action: merged, plan };
}
