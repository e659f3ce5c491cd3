/**
 * `salesmeet report`: the period review and next-period plan of a meeting folder. Computes the KPI of the
 * period (and by region, product line, rep and customer; the previous period; each month) from the meeting's
 * `kpi:` section, reads the narrative from report.yaml, builds the view and writes out/report.md, .html, .docx
 * (and .pdf), with the style's charts as out/report-charts/<id>.svg (inline in the HTML, SVG + PNG in Word).
 * `--new` scaffolds report.yaml with questions from the data; it is never overwritten otherwise.
 */
import { join } from 'node:path';
import { meetingActions } from '../core/actions.js';
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../core/kpi/formulas.js';
import { dayOfIso, monthKey, parsePeriod, priorPeriodOf } from '../core/kpi/period.js';
import type { GroupKey, KpiResult, KpiWarning } from '../core/kpi/result.js';
import { dayIn } from '../core/pack/format.js';
import { REPORT_CHART_IDS, reportChartSpecs } from '../core/report/charts.js';
import { narrativeOf, narrativeSchema, REPORT_FILE, scaffoldNarrative } from '../core/report/narrative.js';
import type { TargetsDoc } from '../core/report/targets.js';
import {
  type Narrative,
  promptsFor,
  type ReportChart,
  type ReportDimension,
  type ReportInput,
  type ReportStyle,
  type ReportView,
  reportView,
} from '../core/report/view.js';
import { catalogue } from '../i18n/index.js';
import { findChromium, htmlToPdf } from '../io/pdf.js';
import {
  commitWrites,
  type PlannedFile,
  pathKind,
  planWrites,
  removeIfGenerated,
  type WritePlan,
  writeAtomic,
} from '../io/write.js';
import type { DrawnChart } from '../render/charts.js';
import { render } from '../render/engine.js';
import { templateOverrides } from './agenda.js';
import type { LangFor } from './deps.js';
import type { KpiRun } from './kpi.js';
import { loadChecked, loadMeetingFolder, type MeetingFolder } from './meeting-folder.js';
import { loadTargetsFile } from './targets-file.js';
import { schemaComment } from './yaml-out.js';

const m = messagesOf((c) => c.report.app);

export interface ReportOptions {
  dir?: string;
  style: ReportStyle;
  /** Overrides meeting.yaml's kpi.period. */
  period?: string;
  /** A `salesmeet targets` workbook, YAML or JSON (relative to the working directory): the next period's targets. */
  targets?: string;
  pdf: boolean;
  dryRun: boolean;
  /** --new: scaffold report.yaml (refused when it exists, unless force). */
  scaffold: boolean;
  force: boolean;
}

export interface ReportDeps {
  cwd: string;
  now: () => Date;
  timezone: string;
  langFor: LangFor;
  env: NodeJS.ProcessEnv;
  onKpiWarnings?: (warnings: KpiWarning[]) => void;
  /** Copies of a figure in the --targets workbook that disagree (sheet, cell, the two figures, which is used). */
  onTargetsWarnings?: (warnings: KpiWarning[]) => void;
  progress?: (step: 'kpi' | 'charts' | 'pdf', count?: number) => void;
}

export interface ReportResult {
  folder: MeetingFolder;
  lang: Lang;
  view: ReportView;
  plan: WritePlan;
  written: boolean;
  pdf: string | null;
  /** report.yaml when --new wrote it. */
  scaffolded: string | null;
}

export interface ReportData {
  kpi: KpiResult | null;
  dimensions: ReportDimension[];
  months: { label: string; result: KpiResult }[];
  thresholds: Thresholds;
}

const DIMENSIONS: GroupKey[] = ['region', 'product', 'rep', 'customer'];

const hasGroups = (r: KpiResult, k: GroupKey) =>
  r.rows.some((x) => x.metric === 'revenue' && x.group[k] !== undefined && x.group[k] !== '');

/** The months of a period up to the as-of day (a month's report: January to that month). */
export function trendMonths(label: string, asOf: string): string[] {
  const p = parsePeriod(label.replace(/ YTD$/, ''));
  if (!p || p.kind === 'week') return [];
  const start = p.kind === 'month' ? dayOfIso(`${label.slice(0, 4)}-01-01`)! : p.start;
  const last = Math.min(p.end, dayOfIso(asOf) ?? p.end);
  const out: string[] = [];
  for (let d = start; d <= last; d += 28) {
    const k = monthKey(d);
    if (!out.includes(k)) out.push(k);
  }
  if (!out.includes(monthKey(last)) && last >= start) out.push(monthKey(last));
  return out;
}

/**
 * Every KPI result the report reads, computed as `salesmeet kpi --meeting` does: the period by the meeting's
 * dimension, by each other dimension the data has, the previous period (for the change of rank) and each month.
 */
export async function reportData(
  folder: MeetingFolder,
  lang: Lang,
  period: string | undefined,
  deps: Pick<ReportDeps, 'now' | 'cwd' | 'onKpiWarnings' | 'progress'>,
): Promise<ReportData> {
  const conf = folder.meeting.value.kpi;
  if (!conf?.sources.length) return { kpi: null, dimensions: [], months: [], thresholds: DEFAULT_THRESHOLDS };
  const { computeMeetingKpi } = await import('./kpi.js');
  const now = deps.now();
  const base = { lang, now, cwd: deps.cwd };
  const main = await computeMeetingKpi(folder, { ...base, ...(period ? { period } : {}) });
  deps.onKpiWarnings?.(main.result.warnings);
  const label = main.result.period.label.replace(/ YTD$/, '');
  const p = parsePeriod(label);
  /** Another period or dimension of the same data; nothing when the data does not answer it. */
  const other = async (o: { period: string; by: GroupKey[] }): Promise<KpiRun | null> => {
    try {
      return await computeMeetingKpi(folder, { ...base, asOf: main.result.asOf, ...o });
    } catch (error) {
      if (error instanceof InputError) return null;
      throw error;
    }
  };
  const months = trendMonths(main.result.period.label, main.result.asOf);
  deps.progress?.('kpi', 1 + DIMENSIONS.length + months.length);
  const keys = [...new Set<GroupKey>([...main.result.by, ...DIMENSIONS])];
  const dimensions: ReportDimension[] = [];
  for (const k of keys) {
    const current =
      main.result.by.length === 1 && main.result.by[0] === k ? main : await other({ period: label, by: [k] });
    if (!current || !hasGroups(current.result, k)) continue;
    const wantsPrevious = dimensions.length === 0 || k === 'rep';
    const previous = wantsPrevious && p ? await other({ period: priorPeriodOf(p).label, by: [k] }) : null;
    dimensions.push({ key: k, current: current.result, previous: previous?.result ?? null });
  }
  const first = dimensions[0]?.key;
  const monthly: { label: string; result: KpiResult }[] = [];
  for (const mo of months) {
    const r = await other({ period: mo, by: first ? [first] : [] });
    if (r) monthly.push({ label: mo, result: r.result });
  }
  return { kpi: main.result, dimensions, months: monthly, thresholds: main.thresholds };
}

/** Where report.md finds a chart: out/report-charts/<id>.svg, relative to out/. */
const CHARTS_DIR = 'report-charts';

/**
 * The style's charts, drawn: their specs from the analysis (core), the SVG from bar-chart.ts (regions) and ECharts
 * (the others). Each goes into the view (inline SVG, file name, the dimension it belongs to) and, as a standalone
 * file, beside report.md.
 */
async function drawnCharts(
  input: ReportInput,
  progress: ReportDeps['progress'],
): Promise<{ drawn: DrawnChart[]; charts: NonNullable<ReportInput['charts']> }> {
  const specs = reportChartSpecs(input);
  if (specs.length === 0) return { drawn: [], charts: {} };
  progress?.('charts');
  const { drawReportCharts } = await import('../render/report-charts.js');
  const drawn = await drawReportCharts(specs, input.lang);
  const charts: NonNullable<ReportInput['charts']> = {};
  for (const spec of specs) {
    const d = drawn.find((x) => x.id === spec.id)!;
    const chart: ReportChart = { id: d.id, title: d.title, svg: d.svg, file: `${CHARTS_DIR}/${d.id}.svg` };
    if ('key' in spec) chart.key = spec.key;
    charts[spec.id] = chart;
  }
  return { drawn, charts };
}

/** Word's copy of each chart: the SVG (CJK font first, as resvg draws it) and its PNG fallback. */
async function docxCharts(drawn: DrawnChart[], lang: Lang) {
  if (drawn.length === 0) return new Map();
  const { forRaster, rasterise } = await import('../render/raster.js');
  const pngs = await rasterise(drawn, lang);
  return new Map(
    drawn.map((d, i) => [
      d.id,
      { svg: forRaster(d.file, lang), png: pngs[i]!.png, width: d.width, height: d.height },
    ]),
  );
}

/** report.yaml beside meeting.yaml, when there is one. */
export async function loadNarrative(folder: MeetingFolder): Promise<Narrative | null> {
  const path = join(folder.dir, REPORT_FILE);
  if ((await pathKind(path)) !== 'file') return null;
  const checked = await loadChecked(narrativeSchema, path, folder.display(path));
  return narrativeOf(checked.value);
}

/** Writes out/report.{md,html,docx} (and .pdf), and report.yaml with --new. */
export async function runReport(o: ReportOptions, deps: ReportDeps): Promise<ReportResult> {
  const folder = await loadMeetingFolder(o.dir, deps.cwd);
  const meeting = folder.meeting.value;
  const lang = deps.langFor(meeting.lang);
  const timezone = meeting.timezone ?? deps.timezone;
  // The targets file first: a file that cannot be read stops the report before the KPI are computed.
  let targets: TargetsDoc | null = null;
  if (o.targets) {
    const file = await loadTargetsFile(o.targets, { cwd: deps.cwd, lang, env: deps.env });
    deps.onTargetsWarnings?.(file.warnings);
    targets = file.doc;
  }
  const data = await reportData(folder, lang, o.period, deps);
  const narrative = (await loadNarrative(folder)) ?? {};
  const minutes = folder.minutes?.value;
  const actions = minutes ? meetingActions(folder.id, minutes.actions, [], folder.actions?.value) : [];
  const today = dayIn(deps.now(), timezone);
  const sources = [
    ...(meeting.kpi?.sources.map((s) => s.file) ?? []),
    'meeting.yaml',
    ...(minutes ? ['minutes.yaml'] : []),
  ];
  const input: ReportInput = {
    lang,
    style: o.style,
    meeting,
    kpi: data.kpi,
    dimensions: data.dimensions,
    months: data.months,
    thresholds: data.thresholds,
    narrative: o.scaffold ? {} : narrative,
    minutes,
    actions,
    today,
    sources,
    targets,
  };
  const { drawn, charts } = await drawnCharts(input, deps.progress);
  input.charts = charts;
  let view = reportView(input);

  const files: PlannedFile[] = [];
  let scaffolded: string | null = null;
  if (o.scaffold) {
    // The first line points editors at schema/report.schema.json, as meeting.yaml's and minutes.yaml's do.
    const text = `#${schemaComment(folder.dir, 'report.schema.json')}\n${scaffoldNarrative(catalogue(lang).report, promptsFor(input))}`;
    scaffolded = join(folder.dir, REPORT_FILE);
    files.push({ path: scaffolded, content: text, kind: 'user' });
    view = reportView({ ...input, narrative: {} });
  }
  const overrides = templateOverrides(folder);
  const md = render('report', 'md', view, { lang, overrides });
  const html = render('report', 'html', view, { lang, overrides });
  const { reportDocx } = await import('../io/report-docx.js');
  const docx = await reportDocx(view, await docxCharts(drawn, lang), deps.now());
  const out = join(folder.dir, 'out');
  files.push(
    { path: join(out, 'report.md'), content: md, kind: 'generated' },
    { path: join(out, 'report.html'), content: html, kind: 'generated' },
    { path: join(out, 'report.docx'), content: docx, kind: 'generated' },
    ...drawn.map((d) => ({
      path: join(out, CHARTS_DIR, `${d.id}.svg`),
      content: d.file,
      kind: 'generated' as const,
    })),
  );
  const dirs = [{ path: out }, ...(drawn.length ? [{ path: join(out, CHARTS_DIR) }] : [])];
  const plan = await planWrites(files, dirs, { force: o.force, cwd: deps.cwd, root: folder.dir });
  if (o.dryRun) return { folder, lang, view, plan, written: false, pdf: null, scaffolded };
  await commitWrites(plan);
  // A chart an earlier run drew (another style, other data) that this one does not: its file goes too.
  for (const id of REPORT_CHART_IDS)
    if (!drawn.some((d) => d.id === id)) await removeIfGenerated(join(out, CHARTS_DIR, `${id}.svg`));

  let pdf: string | null = null;
  if (o.pdf) {
    const browser = findChromium(deps.env);
    if (!browser) throw new InputError('report.noBrowser', m.noBrowser(), { hint: m.noBrowserHint() });
    deps.progress?.('pdf');
    let bytes: Uint8Array;
    try {
      bytes = await htmlToPdf(join(out, 'report.html'), browser);
    } catch (error) {
      const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new InputError('report.pdfFailed', m.pdfFailed({ detail }), { cause: error });
    }
    pdf = join(out, 'report.pdf');
    await writeAtomic(pdf, bytes);
  }
  return { folder, lang, view, plan, written: true, pdf, scaffolded };
}
