import type { KpiRun } from '../../../app/kpi.js';
import { runKpiReport } from '../../../app/kpi-report.js';
import { formatLocation } from '../../../core/errors.js';
import type { Lang } from '../../../core/i18n/lang.js';
import { messagesOf } from '../../../core/i18n/messages.js';
import { km } from '../../../core/kpi/messages.js';
import { terminalSafe, terminalSafeJson } from '../../../core/text.js';
import type { Context } from '../../context.js';
import { safeJsonBytes } from '../../json-bytes.js';
import { kpiWarningLine } from '../../report.js';
import type { RawInput } from '../types.js';
import { parseKpiOptions } from './options.js';

const m = messagesOf((c) => c.cli.kpi);

/** A progress bar on stderr, only when stderr is a terminal. */
function progressBar(ctx: Context): {
  update?: (file: string, read: number, size: number) => void;
  done: () => void;
} {
  if (!ctx.streams.stderr.isTTY || ctx.json) return { done: () => {} };
  let last = -1;
  let shown = false;
  return {
    update(file, read, size) {
      const pct = size > 0 ? Math.min(1, read / size) : 1;
      const step = Math.floor(pct * 100);
      if (step === last || size < 2 * 1024 * 1024) return;
      last = step;
      shown = true;
      const width = 30;
      const full = Math.round(pct * width);
      ctx.streams.stderr.write(
        `\r${m.reading()(ctx.lang)} ${file} ${ctx.err.cyan('█'.repeat(full))}${ctx.err.dim('░'.repeat(width - full))} ${String(step).padStart(3)}%`,
      );
    },
    done() {
      if (shown) ctx.streams.stderr.write('\r\x1b[2K');
      shown = false;
      last = -1;
    },
  };
}

/** What was read and what to mind: sheets and row counts (--verbose), notes, warnings. */
function printDiagnostics(ctx: Context, run: KpiRun, lang: Lang) {
  for (const s of run.sheets) {
    if (s.note) {
      const key = s.note === 'no-header' ? 'noHeader' : (s.note as 'matrix' | 'empty' | 'flatTargets');
      const text = km[key] ? km[key]()(lang) : s.note;
      ctx.debug(`${formatLocation({ file: s.file, sheet: s.sheet })}: ${text}`);
    } else ctx.debug(`${formatLocation({ file: s.file, sheet: s.sheet })}: ${s.kind}`);
  }
  ctx.debug(m.rows({ files: run.files.length, rows: run.rowsRead })(lang));
  for (const n of run.result.notes) ctx.info(`${m.note()(lang)}${kpiWarningLine(n)}`);
  for (const w of run.result.warnings) ctx.warn(kpiWarningLine(w));
  for (const d of run.details) ctx.debug(d);
}

/** `salesmeet kpi [files…] | --meeting dir`: the achievement table on the terminal, or a file with --out. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseKpiOptions(input, ctx.json);
  const bar = progressBar(ctx);
  let report: Awaited<ReturnType<typeof runKpiReport>>;
  try {
    report = await runKpiReport(
      { ...o, force: ctx.force },
      {
        cwd: ctx.cwd,
        now: ctx.now(),
        langFor: ctx.langFor,
        ...(bar.update ? { onProgress: bar.update } : {}),
        onFileDone: bar.done,
        onNote: (text) => ctx.debug(text),
        onComputed: (run, lang) => {
          bar.done();
          printDiagnostics(ctx, run, lang);
          const tableLike = o.format === 'table' || o.format === 'md' || o.format === 'csv';
          if (tableLike && run.result.rows.length === 0)
            ctx.warn(m.noRows({ period: run.result.period.label })(lang));
        },
      },
    );
  } finally {
    bar.done();
  }
  const lang = report.lang;
  if (report.written !== undefined) ctx.info(m.wrote({ file: report.written })(lang));
  // Cells of an export can hold anything: what goes to the terminal goes through terminalSafe (context.ts); JSON
  // keeps escapes that JSON knows.
  else if (report.content !== undefined)
    ctx.streams.stdout.write(
      o.format === 'json'
        ? (safeJsonBytes(report.content) ?? terminalSafeJson(report.content))
        : terminalSafe(report.content),
    );
  else if (report.table) {
    // Loaded only for the terminal table: it brings string-width, whose import builds an Intl.Segmenter and
    // compiles emoji-regex (about 12 ms of `kpi --json`'s start-up).
    const { renderFunnelText, renderKpiTable } = await import('../../../render/kpi-text.js');
    // The funnel of opportunity exports, under the table.
    const funnel = report.funnel ? `\n\n${renderFunnelText(report.funnel, ctx.out, ctx.out.dim)}` : '';
    ctx.streams.stdout.write(
      terminalSafe(
        `${ctx.out.bold(report.title)}\n\n${renderKpiTable(report.table, ctx.out)}${funnel}\n\n${ctx.out.dim(report.legend.join('\n'))}\n`,
      ),
    );
  }
  return 0;
}
