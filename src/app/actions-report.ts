/**
 * The `actions` list use-case beyond reading the folders: checks KPI-linked measures against exports (`--kpi`),
 * renders the list as Markdown, HTML or an xlsx tracker, and writes it to `--out`. The JSON document is shaped here
 * too, since `--json --out` writes it to a file.
 */
import { resolve, sep } from 'node:path';
import { type ActionRow, evaluateMeasure, type MeasureCheck, type RateRow } from '../core/actions.js';
import { UsageError } from '../core/errors.js';
import { type Lang, messagesOf } from '../core/i18n/index.js';
import type { KpiResult } from '../core/kpi/result.js';
import { minutesLabels } from '../core/minutes/labels.js';
import type { KpiMeasure } from '../core/minutes/schema.js';
import { localDate } from '../core/minutes/view.js';
import { commitWrites, planWrites } from '../io/write.js';
import {
  type ActionsDeps,
  type ActionsOptions,
  type ActionsResult,
  renderActions,
  runActions,
} from './actions.js';

const m = messagesOf((c) => c.app.actionsReport);

export function rateJson(r: RateRow) {
  return {
    key: r.key,
    ...(r.title !== undefined ? { title: r.title, date: r.date } : {}),
    total: r.total,
    done: r.done,
    open: r.open,
    inProgress: r.inProgress,
    dropped: r.dropped,
    overdue: r.overdue,
    completion: r.completion,
    ...(r.carriedIn !== undefined ? { carriedIn: r.carriedIn } : {}),
  };
}

export function itemJson(a: ActionRow) {
  return {
    id: a.id,
    meeting: a.meeting,
    what: a.what,
    owner: a.owner ?? null,
    due: a.due ?? null,
    measure: a.measure ?? null,
    status: a.status,
    overdue: a.overdue,
    daysOverdue: a.daysOverdue,
    carried: a.carried,
    escalate: a.escalate,
    seenIn: a.seenIn,
    updates: a.updates,
  };
}

/** The `salesmeet.actions/1` document (`actions --json`). */
export function actionsJson(result: ActionsResult, kpiChecks?: KpiCheckRow[]) {
  const r = result.report;
  return {
    schema: 'salesmeet.actions/1',
    asOf: r.asOf,
    meetings: result.folders.map((f) => f.id),
    items: r.items.map(itemJson),
    perOwner: r.perOwner.map(rateJson),
    perMeeting: r.perMeeting.map(rateJson),
    totals: rateJson(r.totals),
    ...(kpiChecks ? { kpiChecks } : {}),
  };
}

/** A KPI-linked measure checked against the exports given with --kpi. */
export interface KpiCheckRow extends MeasureCheck {
  id: string;
  what: string;
  owner: string | null;
  period: string;
}

/**
 * Checks every KPI-linked measure (`measure: {metric, group, target, by}`) against the exports, computed exactly
 * as `salesmeet kpi` computes them: one KPI run per set of group keys the measures use.
 */
async function checkKpiMeasures(
  items: readonly ActionRow[],
  sources: string[],
  period: string | undefined,
  asOf: string,
  lang: Lang,
  deps: { cwd: string; now: Date },
): Promise<KpiCheckRow[]> {
  const measured = items.filter(
    (i): i is ActionRow & { measure: KpiMeasure } => typeof i.measure === 'object' && i.measure !== null,
  );
  if (measured.length === 0) return [];
  const { runKpi } = await import('./kpi.js');
  const runs = new Map<string, KpiResult>();
  const keyOf = (m: KpiMeasure) =>
    Object.keys(m.group ?? {})
      .sort()
      .join(',');
  for (const item of measured) {
    const key = keyOf(item.measure);
    if (runs.has(key)) continue;
    const run = await runKpi(
      { sources: sources.map((path) => ({ path })), by: key ? key.split(',') : [], period, asOf, lang },
      { cwd: deps.cwd, now: deps.now },
    );
    runs.set(key, run.result);
  }
  return measured.map((item) => {
    const result = runs.get(keyOf(item.measure))!;
    return {
      id: item.id,
      what: item.what,
      owner: item.owner ?? null,
      period: result.period.label,
      ...evaluateMeasure(item.measure, result),
    };
  });
}

export interface ActionsReportOptions extends ActionsOptions {
  /** text (printed by the caller), md, html or xlsx. */
  format: 'text' | 'md' | 'html' | 'xlsx';
  /** The file to write; without it, md and html come back as `content` for stdout. */
  out?: string;
  /** With `out` and format text: write the JSON document. */
  json: boolean;
  /** KPI exports to check KPI-linked measures against (`--kpi`), and their period (`--kpi-period`). */
  kpi: string[];
  kpiPeriod?: string;
  force: boolean;
}

export interface ActionsReport extends ActionsResult {
  /** The checks of KPI-linked measures, when `--kpi` was given. */
  kpiChecks?: KpiCheckRow[];
  /** md or html for stdout (format md/html without `out`). */
  content?: string;
  /** The file written to (`out`, absolute). */
  written?: string;
}

/** `salesmeet actions [dirs…]`: reads the folders, checks KPI measures, renders, and writes `--out`. */
export async function runActionsReport(o: ActionsReportOptions, deps: ActionsDeps): Promise<ActionsReport> {
  const result = await runActions(o, deps);
  const lang = result.lang;
  const kpiChecks =
    o.kpi.length > 0
      ? await checkKpiMeasures(result.report.items, o.kpi, o.kpiPeriod, result.report.asOf, lang, deps)
      : undefined;

  let content: string | Uint8Array | undefined;
  if (o.format === 'xlsx') {
    const { trackerWorkbook } = await import('../io/excel/write/tracker.js');
    const l = minutesLabels(lang);
    const title = result.folders.map((f) => f.meeting.value.title).join(l.listSep);
    const today = localDate(deps.now, result.timeZone ?? deps.timezone);
    content = await trackerWorkbook(result.report, l, { title, today });
  } else if (o.format === 'md' || o.format === 'html')
    content = renderActions(result, o.format, lang, deps.now);

  if (o.out === undefined)
    return {
      ...result,
      ...(kpiChecks ? { kpiChecks } : {}),
      ...(typeof content === 'string' ? { content } : {}),
    };

  const path = resolve(deps.cwd, o.out);
  const text =
    content ?? (o.json ? `${JSON.stringify(actionsJson(result, kpiChecks), null, 2)}\n` : undefined);
  if (text === undefined) throw new UsageError('usage.outFormat', m.outFormat());
  // A file under an out/ folder is generated; anywhere else it may be a tracker someone edited: --force.
  const generated = path.split(sep).includes('out');
  const plan = await planWrites([{ path, content: text, kind: generated ? 'generated' : 'user' }], [], {
    force: o.force,
    cwd: deps.cwd,
  });
  await commitWrites(plan);
  return { ...result, ...(kpiChecks ? { kpiChecks } : {}), written: path };
}
