import { join, relative, resolve } from 'node:path';
import { actionReport, meetingActions, mergeActions } from '../core/actions.js';
import { computeAgenda } from '../core/agenda.js';
import { OverwriteError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n/index.js';
import { type Meeting, meetingSchema } from '../core/meeting/schema.js';
import type { Minutes } from '../core/minutes/schema.js';
import { actionsView, localDate, minutesView } from '../core/minutes/view.js';
import type { SignOffReport } from '../core/signoff/policy.js';
import { catalogue } from '../i18n/index.js';
import {
  commitWrites,
  isAsGenerated,
  type PlannedFile,
  pathKind,
  planWrites,
  type WritePlan,
} from '../io/write.js';
import { render } from '../render/engine.js';
import { meetingInput, seriesFolders } from './actions.js';
import {
  loadChecked,
  loadMeetingFolder,
  MEETING_FILE,
  type MeetingFolder,
  MINUTES_FILE,
  resolveMeetingDir,
} from './meeting-folder.js';
import { requireMinutes, type SignOffState, signOffState } from './minutes-signoff.js';
import { schemaComment, toYaml } from './yaml-out.js';

export interface MinutesRenderOptions {
  dir?: string;
  /** The language chosen by the caller (--lang, else meeting.lang, else the system). */
  langFor: (meetingLang?: string) => Lang;
  dryRun: boolean;
  /** Skip the Word file (it is the slow part). */
  docx?: boolean;
}

export interface MinutesRenderResult {
  folder: MeetingFolder;
  lang: Lang;
  plan: WritePlan;
  signOff: SignOffReport;
  state: SignOffState;
  /** Meeting folders of the series left out of the action list because they cannot be read. */
  warnings: Problem[];
}

/** Template folders of a meeting: its own `templates:` folder first, then the built-in ones. */
export function templateOverrides(folder: MeetingFolder): string[] {
  const t = folder.meeting.value.templates;
  return t ? [resolve(folder.dir, t)] : [];
}

/**
 * Renders the action list of one meeting folder (its own and carried items) as of a day. Each item's status is
 * the latest update about it anywhere in the series (the meeting folders beside this one and its `previous:`),
 * merged exactly as `salesmeet actions` merges them, so the two lists never disagree; updates dated after the
 * as-of day are left out.
 */
export async function renderMeetingActions(
  folder: MeetingFolder,
  lang: Lang,
  now: Date,
  timezone: string,
  cwd: string,
) {
  const meeting = folder.meeting.value;
  const input = meetingInput(folder);
  const series = await seriesFolders(folder, cwd);
  const asOf = localDate(now, meeting.timezone ?? timezone);
  const mine = new Set(meetingActions(input.id, input.own, input.carried, undefined).map((a) => a.id));
  const merged = mergeActions(series.folders.map(meetingInput), asOf).filter((a) => mine.has(a.id));
  const report = actionReport(merged, [input], asOf);
  const view = actionsView(report, {
    lang,
    title: meeting.title,
    now: now.toISOString(),
    timeZone: meeting.timezone,
  });
  const options = { lang, overrides: templateOverrides(folder) };
  return {
    report,
    warnings: series.warnings,
    md: render('actions', 'md', view, options),
    html: render('actions', 'html', view, options),
  };
}

/** The rendered minutes: out/minutes.md, out/minutes.html and (unless `docx` is false) out/minutes.docx. */
export async function minutesFiles(
  folder: MeetingFolder,
  minutes: Minutes,
  lang: Lang,
  now: Date,
  signOff: SignOffReport,
  which: { md?: boolean; html?: boolean; docx?: boolean } = {},
): Promise<PlannedFile[]> {
  const view = minutesView({
    meeting: folder.meeting.value,
    minutes,
    meetingId: folder.id,
    signOff,
    lang,
    now: now.toISOString(),
  });
  const options = { lang, overrides: templateOverrides(folder) };
  const out = (f: string) => join(folder.dir, 'out', f);
  const files: PlannedFile[] = [];
  if (which.md !== false)
    files.push({
      path: out('minutes.md'),
      content: render('minutes', 'md', view, options),
      kind: 'generated',
    });
  if (which.html !== false)
    files.push({
      path: out('minutes.html'),
      content: render('minutes', 'html', view, options),
      kind: 'generated',
    });
  if (which.docx !== false) {
    const { minutesDocx } = await import('../io/docx.js');
    files.push({ path: out('minutes.docx'), content: await minutesDocx(view), kind: 'generated' });
  }
  return files;
}

export interface MinutesRefresh {
  /** Rendered minutes brought up to date (paths). */
  refreshed: string[];
  /** Rendered minutes left as they are because someone edited them by hand (paths). */
  edited: string[];
}

/**
 * After a signature: re-renders the minutes files that exist in out/ (md, html, docx) with the sign-off status as
 * it now is, so out/ never disagrees with the signatures. A file edited by hand is not replaced (the generated-file
 * rule) but named, so the signature itself never fails over a rendered copy; files that were never rendered are
 * not created.
 */
export async function refreshMinutes(
  folder: MeetingFolder,
  minutes: Minutes,
  lang: Lang,
  deps: { cwd: string; now: Date },
): Promise<MinutesRefresh> {
  const out = (f: string) => join(folder.dir, 'out', f);
  const result: MinutesRefresh = { refreshed: [], edited: [] };
  const which: Record<'md' | 'html' | 'docx', boolean> = { md: false, html: false, docx: false };
  for (const ext of ['md', 'html', 'docx'] as const) {
    const path = out(`minutes.${ext}`);
    if (await isAsGenerated(path)) which[ext] = true;
    else if ((await pathKind(path)) === 'file') result.edited.push(path);
  }
  if (!which.md && !which.html && !which.docx) return result;
  const state = await signOffState(folder, minutes);
  const files = await minutesFiles(folder, minutes, lang, deps.now, state.report, which);
  try {
    await commitWrites(await planWrites(files, [], { force: false, cwd: deps.cwd, root: folder.dir }));
  } catch (error) {
    // Edited by hand in the moment since the check above: left as it is, like the others.
    if (!(error instanceof OverwriteError)) throw error;
    result.edited.push(...files.map((f) => f.path));
    return result;
  }
  result.refreshed = files.map((f) => f.path);
  return result;
}

/**
 * Renders out/minutes.md, out/minutes.html, out/minutes.docx and the meeting's action list (out/actions.md,
 * out/actions.html). Rendering reads minutes.yaml and never writes it, so it cannot disturb a sign-off.
 */
export async function runMinutes(
  o: MinutesRenderOptions,
  deps: { cwd: string; now: Date; timezone: string },
): Promise<MinutesRenderResult> {
  const folder = await loadMeetingFolder(o.dir, deps.cwd);
  const minutes = requireMinutes(folder, o.dir ?? '.').value;
  const lang = o.langFor(folder.meeting.value.lang);
  const state = await signOffState(folder, minutes);
  const files = await minutesFiles(folder, minutes, lang, deps.now, state.report, {
    docx: o.docx !== false,
  });
  const actions = await renderMeetingActions(folder, lang, deps.now, deps.timezone, deps.cwd);
  const out = (f: string) => join(folder.dir, 'out', f);
  files.push({ path: out('actions.md'), content: actions.md, kind: 'generated' });
  files.push({ path: out('actions.html'), content: actions.html, kind: 'generated' });
  const plan = await planWrites(files, [{ path: join(folder.dir, 'out') }], {
    force: false,
    cwd: deps.cwd,
    root: folder.dir,
  });
  if (!o.dryRun) await commitWrites(plan);
  return { folder, lang, plan, signOff: state.report, state, warnings: actions.warnings };
}

/** The minutes skeleton of a meeting: its agenda as topics, its attendees as present, times as planned. */
export function minutesSkeleton(meeting: Meeting): Partial<Minutes> & Record<string, unknown> {
  const agenda = computeAgenda({
    start: meeting.start,
    duration: meeting.duration,
    transition: meeting.transition,
    buffer: meeting.buffer,
    items: meeting.agenda,
  });
  const skeleton: Partial<Minutes> & Record<string, unknown> = {
    meeting: meeting.title,
    actualStart: meeting.start,
  };
  const end = meeting.end ?? agenda.end;
  if (end) skeleton.actualEnd = end;
  skeleton.attendance = meeting.attendees.map((a) => ({ name: a.name, status: 'present' as const }));
  const topics = meeting.agenda
    .filter((a) => !a.break)
    .map((a) => ({ title: a.title, points: [], decisions: [] }));
  skeleton.topics =
    topics.length > 0 ? topics : meeting.topics.map((t) => ({ title: t.title, points: [], decisions: [] }));
  // The gap analysis settled in the meeting: each line with a countermeasure becomes an action, with a KPI-linked
  // measure when the line names the value to reach.
  skeleton.actions = meeting.gaps
    .filter((g) => g.measure)
    .map((g) => ({
      what: g.measure!,
      ...(g.owner ? { owner: g.owner } : {}),
      ...(g.due ? { due: g.due } : {}),
      ...(g.target !== undefined
        ? {
            measure: {
              metric: g.metric,
              ...(g.group ? { group: g.group } : {}),
              target: g.target,
              ...(g.due ? { by: g.due } : {}),
            },
          }
        : {}),
      status: 'open' as const,
    }));
  skeleton.otherBusiness = [];
  return skeleton;
}

export interface MinutesNewResult {
  dir: string;
  lang: Lang;
  plan: WritePlan;
}

/** `minutes --new`: writes minutes.yaml from meeting.yaml; refuses to replace an existing one without --force. */
export async function runMinutesNew(
  o: { dir?: string; force: boolean; dryRun: boolean; langFor: (l?: string) => Lang },
  deps: { cwd: string },
): Promise<MinutesNewResult> {
  const dir = await resolveMeetingDir(o.dir, deps.cwd);
  // Read meeting.yaml only: an old minutes.yaml may be broken, and it is exactly what --force replaces.
  const meeting = (
    await loadChecked(meetingSchema, join(dir, MEETING_FILE), relative(deps.cwd, join(dir, MEETING_FILE)))
  ).value;
  const lang = o.langFor(meeting.lang);
  const header = catalogue(lang).app.minutes.newHeader.split('\n');
  const text = toYaml(minutesSkeleton(meeting), {
    header: [schemaComment(dir, 'minutes.schema.json'), ...header],
  });
  const plan = await planWrites([{ path: join(dir, MINUTES_FILE), content: text, kind: 'user' }], [], {
    force: o.force,
    cwd: deps.cwd,
    root: dir,
  });
  if (!o.dryRun) await commitWrites(plan);
  return { dir, lang, plan };
}
