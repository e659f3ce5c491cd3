import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type Problem, SalesmeetError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { reviewMeeting, reviewMinutes } from '../core/meeting/advice.js';
import { type Meeting, meetingSchema } from '../core/meeting/schema.js';
import { actionsLogSchema, minutesSchema } from '../core/minutes/schema.js';
import { narrativeSchema, REPORT_FILE, reviewNarrative } from '../core/report/narrative.js';
import type { LangFor } from './deps.js';
import {
  ACTIONS_FILE,
  loadChecked,
  MEETING_FILE,
  MINUTES_FILE,
  resolveMeetingDir,
} from './meeting-folder.js';

export interface CheckResult {
  dir: string;
  files: string[];
  errors: Problem[];
  advice: Problem[];
  /** The output language: `langFor` applied to the meeting's `lang` (when meeting.yaml could be read). */
  lang: Lang;
}

/** Present at all: a folder named minutes.yaml is reported by the loader, not silently skipped. */
async function exists(p: string) {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Problems of a file that failed to load (syntax or schema), so `check` reports every file, not just the first. */
async function collect<T>(load: () => Promise<T>, errors: Problem[]): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof SalesmeetError) || error.exitCode !== 3) throw error;
    if (error.problems.length > 0) errors.push(...error.problems);
    else errors.push({ code: error.code, message: error.text, hint: error.hint, ...error.location });
    return undefined;
  }
}

/** Validates meeting.yaml, minutes.yaml and actions.yaml of a folder: schema errors with positions, then advice. */
export async function runCheck(
  dirArg: string | undefined,
  deps: { cwd: string; langFor: LangFor },
): Promise<CheckResult> {
  const dir = await resolveMeetingDir(dirArg, deps.cwd);
  const display = (f: string) => relative(deps.cwd, join(dir, f)) || f;
  const errors: Problem[] = [];
  const advice: Problem[] = [];
  const files = [display(MEETING_FILE)];

  const meeting = await collect(
    () => loadChecked(meetingSchema, join(dir, MEETING_FILE), display(MEETING_FILE)),
    errors,
  );
  let meetingValue: Meeting | undefined;
  if (meeting) {
    meetingValue = meeting.value;
    const review = reviewMeeting(meeting.value, display(MEETING_FILE), meeting.loaded.positionOf);
    errors.push(...review.errors);
    advice.push(...review.advice);
  }
  if (await exists(join(dir, MINUTES_FILE))) {
    files.push(display(MINUTES_FILE));
    const minutes = await collect(
      () => loadChecked(minutesSchema, join(dir, MINUTES_FILE), display(MINUTES_FILE)),
      errors,
    );
    if (minutes)
      advice.push(
        ...reviewMinutes(minutes.value, meetingValue, display(MINUTES_FILE), minutes.loaded.positionOf),
      );
  }
  if (await exists(join(dir, ACTIONS_FILE))) {
    files.push(display(ACTIONS_FILE));
    await collect(
      () => loadChecked(actionsLogSchema, join(dir, ACTIONS_FILE), display(ACTIONS_FILE)),
      errors,
    );
  }
  // report.yaml (the narrative of `salesmeet report`): its empty sections are advice, so --strict fails on them.
  if (await exists(join(dir, REPORT_FILE))) {
    files.push(display(REPORT_FILE));
    const report = await collect(
      () => loadChecked(narrativeSchema, join(dir, REPORT_FILE), display(REPORT_FILE)),
      errors,
    );
    if (report) advice.push(...reviewNarrative(report.value, display(REPORT_FILE), report.loaded.positionOf));
  }
  return { dir, files, errors, advice, lang: deps.langFor(meetingValue?.lang) };
}
