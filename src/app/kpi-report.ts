/**
 * The `kpi` command's use-case: compute the KPI from files or a meeting folder, lay it out in the asked format
 * (JSON, xlsx, CSV, Markdown, a plain table) and write it to `--out`. Only the coloured terminal table is left to
 * the caller, which is the one that knows the terminal.
 */
import { resolve } from 'node:path';
import type { Lang } from '../core/i18n/lang.js';
import type { Text } from '../core/i18n/messages.js';
import { type FunnelText, funnelText } from '../core/kpi/funnel-present.js';
import { buildTable, caption, legendLines, metricLegend, type Table } from '../core/kpi/present.js';
import { commitWrites, planWrites } from '../io/write.js';
import type { LangFor } from './deps.js';
import { computeMeetingKpi, type KpiRun, runKpi } from './kpi.js';

export type KpiFormat = 'table' | 'md' | 'csv' | 'xlsx' | 'json';

export interface KpiReportOptions {
  /** Files or folders (when no meeting folder is given). */
  files: string[];
  /** A meeting folder whose `kpi:` section names the sources. */
  meeting?: string;
  format: KpiFormat;
  out?: string;
  force: boolean;
  /** CSV encoding for every file given. */
  encoding?: string;
  period?: string;
  ytd?: boolean;
  asOf?: string;
  workdays?: boolean;
  by?: string[];
  metrics?: string[];
  won?: string[];
  lost?: string[];
  columns?: Record<string, string>;
  /** false: exceljs only (--no-fast). */
  fast?: boolean;
}

export interface KpiReportDeps {
  cwd: string;
  now: Date;
  langFor: LangFor;
  onProgress?: (file: string, bytesRead: number, size: number) => void;
  onFileDone?: (file: string) => void;
  /** A note for --verbose, already in the output language. */
  onNote?: (text: string) => void;
  /** Called once the KPI is computed, before anything is written (the caller reports sheets and warnings). */
  onComputed?: (run: KpiRun, lang: Lang) => void;
}

export interface KpiReport {
  lang: Lang;
  run: KpiRun;
  title: string;
  legend: string[];
  /** The table, for the terminal (format table without --out). */
  table?: Table;
  /** The funnel shown under the table, when the data has opportunity stages (format table without --out). */
  funnel?: FunnelText;
  /** The text for stdout (json, md, csv without --out). */
  content?: string;
  /** `--out` as given, once written. */
  written?: string;
}

/** `salesmeet kpi`: compute, lay out, write. */
export async function runKpiReport(o: KpiReportOptions, deps: KpiReportDeps): Promise<KpiReport> {
  const common = {
    ...(o.period ? { period: o.period } : {}),
    ...(o.ytd ? { ytd: true } : {}),
    ...(o.asOf ? { asOf: o.asOf } : {}),
    ...(o.workdays ? { workdays: true } : {}),
    ...(o.by ? { by: o.by } : {}),
    ...(o.metrics ? { metrics: o.metrics } : {}),
    ...(o.won ? { won: o.won } : {}),
    ...(o.lost ? { lost: o.lost } : {}),
    ...(o.columns ? { columns: o.columns } : {}),
  };
  let lang: Lang = deps.langFor();
  const reader = {
    ...(o.fast === false ? { fast: false } : {}),
    onNote: (t: Text) => deps.onNote?.(t(lang)),
  };
  let run: KpiRun;
  if (o.meeting) {
    const { loadMeetingFolder } = await import('./meeting-folder.js');
    const folder = await loadMeetingFolder(o.meeting, deps.cwd);
    lang = deps.langFor(folder.meeting.value.lang);
    run = await computeMeetingKpi(folder, {
      ...common,
      lang,
      now: deps.now,
      cwd: deps.cwd,
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
      ...reader,
    });
  } else {
    run = await runKpi(
      {
        sources: o.files.map((f) => ({
          path: f,
          ...(o.encoding !== undefined ? { encoding: o.encoding } : {}),
        })),
        lang,
        ...common,
      },
      {
        cwd: deps.cwd,
        now: deps.now,
        ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
        ...(deps.onFileDone ? { onFileDone: deps.onFileDone } : {}),
        ...reader,
      },
    );
  }
  deps.onComputed?.(run, lang);
  const r = run.result;
  // The title and legend are worded when read (JSON has neither: formatters cost a few ms to build).
  let words: { title: string; legend: string[] } | undefined;
  const worded = () =>
    (words ??= {
      title: caption(r, lang, { ytd: run.ytd, workdays: run.workdays }),
      legend: [...legendLines(lang, run.thresholds), ...metricLegend(r, lang)],
    });
  const report: KpiReport = {
    lang,
    run,
    get title() {
      return worded().title;
    },
    get legend() {
      return worded().legend;
    },
  };
  let content: string | Uint8Array;
  if (o.format === 'json') content = `${JSON.stringify(r, null, 2)}\n`;
  else if (o.format === 'xlsx') {
    const { kpiWorkbook } = await import('../io/excel/write/kpi-report.js');
    content = await kpiWorkbook(r, run.extras, lang, { caption: report.title, thresholds: run.thresholds });
  } else {
    // The text renderers bring string-width, whose import builds an Intl.Segmenter and compiles emoji-regex (about
    // 12 ms): loaded only for the formats that lay out text, not for JSON.
    const { PLAIN, renderFunnelText, renderKpiCsv, renderKpiMarkdown, renderKpiTable } = await import(
      '../render/kpi-text.js'
    );
    // Only the terminal's table is capped (a breakdown by customer); a file holds every row.
    const toTerminal = o.format === 'table' && !o.out;
    const table = buildTable(r, run.extras, lang, { cap: toTerminal });
    // The funnel (opportunity exports) follows the table; CSV holds the one table only.
    const funnel = o.format === 'csv' ? null : funnelText(r, lang);
    if (o.format === 'csv') content = renderKpiCsv(table);
    else if (o.format === 'md')
      content =
        renderKpiMarkdown(table, report.title, report.legend) +
        (funnel
          ? `\n${renderKpiMarkdown(funnel.table, funnel.caption, [...funnel.lines, ...funnel.notes])}`
          : '');
    else if (o.out)
      content = `${report.title}\n\n${renderKpiTable(table, PLAIN)}${funnel ? `\n\n${renderFunnelText(funnel, PLAIN)}` : ''}\n\n${report.legend.join('\n')}\n`;
    else return Object.assign(report, { table, ...(funnel ? { funnel } : {}) });
  }
  // Object.assign, not a spread: the title and legend stay unworded until read.
  if (!o.out) return typeof content === 'string' ? Object.assign(report, { content }) : report;
  const path = resolve(deps.cwd, o.out);
  const plan = await planWrites([{ path, content, kind: 'user' }], [], { force: o.force, cwd: deps.cwd });
  await commitWrites(plan);
  return Object.assign(report, { written: o.out });
}
