import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { meetingActions, type TrackedAction } from '../core/actions.js';
import { InputError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { parsePeriod, priorPeriodOf } from '../core/kpi/period.js';
import type { KpiResult, KpiWarning } from '../core/kpi/result.js';
import { dayIn } from '../core/pack/format.js';
import { kpiCharts, type RawHtml } from '../core/pack/kpi-view.js';
import { type PackView, packView } from '../core/pack/view.js';
import { findChromium, htmlToPdf } from '../io/pdf.js';
import { commitWrites, type PlannedFile, planWrites, type WritePlan, writeAtomic } from '../io/write.js';
import { renderCharts } from '../render/bar-chart.js';
import { render } from '../render/engine.js';
import { agendaWarnings, templateOverrides, timedAgenda } from './agenda.js';
import type { LangFor } from './deps.js';
import { loadMeetingFolder, MEETING_FILE, type MeetingFolder } from './meeting-folder.js';

const m = messagesOf((c) => c.app.pack);

export interface PackOptions {
  dir?: string;
  /** A `salesmeet kpi --json` output to use instead of computing the KPI. */
  kpiFile?: string;
  pdf: boolean;
  dryRun: boolean;
}

export interface PackDeps {
  cwd: string;
  now: () => Date;
  timezone: string;
  langFor: LangFor;
  env: NodeJS.ProcessEnv;
  /** The warnings of the KPI computed from the meeting's `kpi:` section, as soon as it is computed. */
  onKpiWarnings?: (warnings: KpiWarning[]) => void;
  /** Progress on stderr (the PDF takes a few seconds). */
  progress?: (step: 'charts' | 'pdf') => void;
}

export interface PackResult {
  folder: MeetingFolder;
  lang: Lang;
  view: PackView;
  /** Warnings with their position in meeting.yaml (a start the clocks going back make ambiguous). */
  warnings: Problem[];
  plan: WritePlan;
  written: boolean;
  pdf: string | null;
}

/**
 * The previous meeting's actions as of today: those carried into this meeting (meeting.yaml
 * `carriedActions`) and those of the `previous` folder (its minutes and actions.yaml), the latest status
 * winning; this folder's actions.yaml updates apply last.
 */
export async function previousActions(folder: MeetingFolder, cwd: string): Promise<TrackedAction[]> {
  const meeting = folder.meeting.value;
  const byId = new Map<string, TrackedAction>();
  if (meeting.previous !== undefined) {
    const path = resolve(folder.dir, meeting.previous);
    let prev: MeetingFolder;
    try {
      prev = await loadMeetingFolder(path, cwd);
    } catch (error) {
      if (error instanceof InputError && error.code.startsWith('folder.')) {
        throw new InputError('pack.noPrevious', m.noPrevious({ path: meeting.previous }), {
          location: { file: folder.display(MEETING_FILE), ...folder.meeting.loaded.positionOf(['previous']) },
          hint: m.noPreviousHint(),
          cause: error,
        });
      }
      throw error;
    }
    const list = meetingActions(
      prev.id,
      prev.minutes?.value.actions ?? [],
      prev.meeting.value.carriedActions,
      prev.actions?.value,
    );
    for (const a of list) byId.set(a.id, a);
  }
  // Items carried into this meeting; a status already known from the previous folder is newer than the copy.
  const carried = meetingActions(folder.id, [], meeting.carriedActions, folder.actions?.value);
  for (const c of carried) {
    const known = byId.get(c.id);
    if (!known) byId.set(c.id, c);
    else {
      const merged: TrackedAction = { ...known, carried: Math.max(known.carried, c.carried) };
      // This folder's own updates (actions.yaml) are the latest word on a carried item.
      if (c.updates.length > 0) {
        merged.status = c.status;
        merged.updates = [...known.updates, ...c.updates];
      }
      byId.set(c.id, merged);
    }
  }
  return [...byId.values()];
}

/** Reads a `salesmeet kpi --json` output (schema salesmeet.kpi/1), checking the fields the pack uses. */
export async function readKpiJson(path: string, display: string): Promise<KpiResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new InputError('pack.kpiRead', m.kpiRead({ detail }), { location: { file: display } });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError('pack.kpiShape', m.kpiShape({ detail: (error as Error).message }), {
      location: { file: display },
      hint: m.kpiShapeHint(),
    });
  }
  const d = data as Partial<KpiResult> | null;
  const problem =
    d === null || typeof d !== 'object'
      ? 'expected an object'
      : d.schema !== 'salesmeet.kpi/1'
        ? `schema is ${JSON.stringify(d.schema ?? null)}`
        : !Array.isArray(d.rows) || !Array.isArray(d.totals)
          ? '`rows` and `totals` must be lists'
          : typeof d.period !== 'object' || d.period === null
            ? '`period` is missing'
            : d.funnel !== undefined &&
                (typeof d.funnel !== 'object' || d.funnel === null || !Array.isArray(d.funnel.stages))
              ? '`funnel.stages` must be a list'
              : undefined;
  if (problem)
    throw new InputError('pack.kpiShape', m.kpiShape({ detail: problem }), {
      location: { file: display },
      hint: m.kpiShapeHint(),
    });
  const result = d as KpiResult;
  return {
    ...result,
    by: result.by ?? [],
    warnings: result.warnings ?? [],
    timeProgress: result.timeProgress ?? null,
  };
}

/** The KPI summary from the meeting's `kpi:` section, computed exactly as `salesmeet kpi --meeting` does. */
async function meetingKpi(folder: MeetingFolder, lang: Lang, deps: PackDeps): Promise<KpiResult | null> {
  if (!folder.meeting.value.kpi?.sources.length) return null;
  const { computeMeetingKpi } = await import('./kpi.js');
  const run = await computeMeetingKpi(folder, { lang, now: deps.now(), cwd: deps.cwd });
  deps.onKpiWarnings?.(run.result.warnings);
  return run.result;
}

/** How many periods back the ranking looks for "below target N periods running". */
const RANKING_LOOK_BACK = 6;

/**
 * The periods before the meeting's, by its first breakdown: the previous one (change of rank) and, while some group
 * is still below target, the ones before it. A period the data does not cover ends the walk.
 */
async function rankingHistory(
  folder: MeetingFolder,
  kpi: KpiResult,
  lang: Lang,
  deps: PackDeps,
): Promise<{ previous: KpiResult | null; earlier: KpiResult[] } | null> {
  const key = kpi.by[0];
  let period = parsePeriod(kpi.period.label.replace(/ YTD$/, ''));
  if (key === undefined || !period) return null;
  const { computeMeetingKpi } = await import('./kpi.js');
  const results: KpiResult[] = [];
  const stillBelow = (r: KpiResult) =>
    r.rows.some((x) => Object.keys(x.group).length === 1 && x.achievement !== null && x.achievement < 1);
  for (let i = 0; i < RANKING_LOOK_BACK; i++) {
    period = priorPeriodOf(period);
    let result: KpiResult;
    try {
      result = (
        await computeMeetingKpi(folder, {
          lang,
          now: deps.now(),
          cwd: deps.cwd,
          period: period.label,
          by: [key],
        })
      ).result;
    } catch {
      // The main KPI read these files for the meeting's period; a period before the data starts ends the walk.
      break;
    }
    if (result.rows.length === 0) break;
    results.push(result);
    if (!stillBelow(result)) break;
  }
  return { previous: results[0] ?? null, earlier: results.slice(1) };
}

/** Renders out/pack.html and out/pack.md (and out/pack.pdf with --pdf) from a meeting folder. */
export async function runPack(o: PackOptions, deps: PackDeps): Promise<PackResult> {
  const folder = await loadMeetingFolder(o.dir, deps.cwd);
  const meeting = folder.meeting.value;
  const lang = deps.langFor(meeting.lang);
  const timezone = meeting.timezone ?? deps.timezone;
  const agenda = timedAgenda(folder, timezone);
  const actions = await previousActions(folder, deps.cwd);
  const kpi = o.kpiFile
    ? await readKpiJson(resolve(deps.cwd, o.kpiFile), o.kpiFile)
    : await meetingKpi(folder, lang, deps);
  // The monthly meeting ranks its regions (表扬先进、鞭策落后): the previous periods, computed from the same data.
  const history =
    kpi && !o.kpiFile && meeting.type === 'monthly' ? await rankingHistory(folder, kpi, lang, deps) : null;
  let charts: { id: string; title: string; svg: RawHtml }[] = [];
  if (kpi) {
    deps.progress?.('charts');
    charts = renderCharts(kpiCharts(kpi, lang), lang);
  }
  const today = dayIn(deps.now(), timezone);
  const view = packView({ meeting, agenda, lang, timezone, kpi, charts, actions, today, history });
  const overrides = templateOverrides(folder);
  const html = render('pack', 'html', view, { lang, overrides });
  const md = render('pack', 'md', view, { lang, overrides });

  const out = join(folder.dir, 'out');
  const files: PlannedFile[] = [
    { path: join(out, 'pack.html'), content: html, kind: 'generated' },
    { path: join(out, 'pack.md'), content: md, kind: 'generated' },
  ];
  const plan = await planWrites(files, [{ path: out }], { force: false, cwd: deps.cwd, root: folder.dir });
  const warnings = agendaWarnings(folder, agenda);
  if (o.dryRun) return { folder, lang, view, warnings, plan, written: false, pdf: null };
  await commitWrites(plan);

  let pdf: string | null = null;
  if (o.pdf) {
    const browser = findChromium(deps.env);
    if (!browser) throw new InputError('pack.noBrowser', m.noBrowser(), { hint: m.noBrowserHint() });
    deps.progress?.('pdf');
    let bytes: Uint8Array;
    try {
      bytes = await htmlToPdf(join(out, 'pack.html'), browser, {
        header: render('pack-header', 'html', view, { lang, overrides }),
        footer: render('pack-footer', 'html', view, { lang, overrides }),
      });
    } catch (error) {
      const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new InputError('pack.pdfFailed', m.pdfFailed({ detail }), {
        hint: m.pdfFailedHint(),
        cause: error,
      });
    }
    pdf = join(out, 'pack.pdf');
    await writeAtomic(pdf, bytes);
  }
  return { folder, lang, view, warnings, plan, written: true, pdf };
}
