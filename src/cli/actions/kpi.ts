import { extname, resolve } from 'node:path';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { computeMeetingKpi, type KpiRun, parseColumns, runKpi } from '../../app/kpi.js';
import { formatLocation, UsageError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/lang.js';
import { defineMessages, type Text } from '../../core/i18n/messages.js';
import { km } from '../../core/kpi/messages.js';
import { buildTable, caption, legendLines, metricLegend, type Table } from '../../core/kpi/present.js';
import type { Status } from '../../core/kpi/result.js';
import { neutralise } from '../../io/excel/cells.js';
import { commitWrites, planWrites } from '../../io/write.js';
import type { ActionFn } from '../commands/types.js';
import type { Context } from '../context.js';
import { conflictingFlags } from '../flags.js';
import { kpiWarningLine } from '../report.js';

const m = defineMessages({
  en: {
    badFormat: '--format: expected table, md, csv, xlsx or json, found "{value}"',
    xlsxOut: 'the xlsx report needs --out FILE',
    both: 'give either files or --meeting, not both',
    wrote: 'wrote {file}',
    reading: 'reading',
    rows: '{files} file(s), {rows} data rows read',
    noRows: 'no KPI values for {period}',
    note: 'note: ',
  },
  'zh-CN': {
    badFormat: '--format 应为 table、md、csv、xlsx 或 json，实际是“{value}”',
    xlsxOut: 'xlsx 报表需要用 --out 指定文件',
    both: '请只指定文件或 --meeting 之一',
    wrote: '已写入 {file}',
    reading: '正在读取',
    rows: '共读取 {files} 个文件、{rows} 行数据',
    noRows: '{period} 没有 KPI 数据',
    note: '说明：',
  },
  'zh-TW': {
    badFormat: '--format 應為 table、md、csv、xlsx 或 json，實際是「{value}」',
    xlsxOut: 'xlsx 報表需要用 --out 指定檔案',
    both: '請只指定檔案或 --meeting 之一',
    wrote: '已寫入 {file}',
    reading: '正在讀取',
    rows: '共讀取 {files} 個檔案、{rows} 列資料',
    noRows: '{period} 沒有 KPI 資料',
    note: '說明：',
  },
});

type Format = 'table' | 'md' | 'csv' | 'xlsx' | 'json';
const FORMATS: Format[] = ['table', 'md', 'csv', 'xlsx', 'json'];

function pickFormat(opts: Record<string, unknown>, json: boolean): Format {
  const f = opts.format as string | undefined;
  if (json && f !== undefined && f !== 'json') throw conflictingFlags('--json', `--format ${f}`);
  if (json) return 'json';
  if (f !== undefined) {
    if (!(FORMATS as string[]).includes(f)) throw new UsageError('kpi.format', m.badFormat({ value: f }));
    return f as Format;
  }
  const out = opts.out as string | undefined;
  if (out) {
    const ext = extname(out).toLowerCase().slice(1);
    if (ext === 'xlsx' || ext === 'csv' || ext === 'json') return ext;
    if (ext === 'md' || ext === 'markdown') return 'md';
  }
  return 'table';
}

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

function pad(s: string, width: number, right: boolean): string {
  const gap = Math.max(0, width - stringWidth(s));
  return right ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

function renderTerminal(t: Table, ctx: Context): string {
  const widths = t.headers.map((h, i) =>
    Math.max(stringWidth(h), ...t.rows.map((r) => stringWidth(r[i] ?? ''))),
  );
  const colour = (s: string, st: Status) => {
    if (st === 'on-track' || st === 'met') return ctx.out.green(s);
    if (st === 'at-risk') return ctx.out.yellow(s);
    if (st === 'off-track' || st === 'not-met') return ctx.out.red(s);
    return s;
  };
  const statusCol = t.headers.length - 1;
  const line = (cells: string[], st: Status | null, bold: boolean) =>
    cells
      .map((c, i) => {
        const p = pad(c, widths[i]!, t.numeric[i]!);
        if (i === statusCol && st !== null && c !== '—') return colour(p, st);
        return bold ? ctx.out.bold(p) : p;
      })
      .join('  ')
      .trimEnd();
  const out = [line(t.headers, null, true), widths.map((w) => '─'.repeat(w)).join('  ')];
  t.rows.forEach((r, i) => {
    if (i === t.totalsFrom) out.push(widths.map((w) => '─'.repeat(w)).join('  '));
    out.push(line(r, t.status[i] ?? null, i >= t.totalsFrom && t.totalsFrom >= 0));
  });
  return out.join('\n');
}

const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function renderMarkdown(t: Table, title: string, legend: string[]): string {
  const out = [
    `## ${mdCell(title)}`,
    '',
    `| ${t.headers.map(mdCell).join(' | ')} |`,
    `|${t.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
  ];
  t.rows.forEach((r, i) => {
    const cells = r.map(mdCell);
    out.push(
      `| ${i >= t.totalsFrom && t.totalsFrom >= 0 ? cells.map((c) => (c ? `**${c}**` : c)).join(' | ') : cells.join(' | ')} |`,
    );
  });
  out.push('', ...legend.map((l) => `- ${mdCell(l)}`));
  return `${out.join('\n')}\n`;
}

/** CSV with a UTF-8 BOM (Excel opens it as UTF-8) and cells that would become formulas neutralised. */
function renderCsv(t: Table): string {
  const cell = (raw: string) => {
    // An ASCII minus, so Excel reads −800 and −3.0% as numbers; a plain number cannot hide a formula.
    const s = raw.replace(/\u2212/g, '-');
    const numeric = /^[-+]?[\d,]+(\.\d+)?%?$/.test(s);
    const v = numeric ? s : neutralise(s);
    return /[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [t.headers, ...t.rows].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `--won "Signed,Paid" --won 成交` → ['Signed', 'Paid', '成交']. */
function splitList(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(/[,，]/))
    .map((v) => v.trim())
    .filter(Boolean);
}

const run: ActionFn = async (ctx, args, opts) => {
  const files = (args as unknown[]).flat().filter((a): a is string => typeof a === 'string');
  const format = pickFormat(opts, ctx.json);
  const out = opts.out as string | undefined;
  if (format === 'xlsx' && !out) throw new UsageError('kpi.xlsxOut', m.xlsxOut());
  const meetingDir = opts.meeting as string | undefined;
  if (meetingDir && files.length > 0) throw new UsageError('kpi.both', m.both());
  const bar = progressBar(ctx);
  const common = {
    ...(opts.period ? { period: String(opts.period) } : {}),
    ...(opts.ytd ? { ytd: true } : {}),
    ...(opts.asOf ? { asOf: String(opts.asOf) } : {}),
    ...(opts.workdays ? { workdays: true } : {}),
    ...(opts.by ? { by: opts.by as string[] } : {}),
    ...(opts.metric ? { metrics: opts.metric as string[] } : {}),
    ...(opts.won ? { won: splitList(opts.won as string[]) } : {}),
    ...(opts.lost ? { lost: splitList(opts.lost as string[]) } : {}),
    ...(opts.columns ? { columns: parseColumns(opts.columns as string[]) } : {}),
  };
  let lang: Lang = ctx.lang;
  let result: KpiRun;
  // --no-fast: exceljs reads every workbook (SALESMEET_FAST_XLSX=0 does the same, see src/io/excel/read.ts).
  const reader = {
    ...(opts.fast === false ? { fast: false } : {}),
    onNote: (t: Text) => ctx.debug(t(lang)),
  };
  try {
    if (meetingDir) {
      const { loadMeetingFolder } = await import('../../app/meeting-folder.js');
      const folder = await loadMeetingFolder(meetingDir, ctx.cwd);
      lang = ctx.langFor(folder.meeting.value.lang);
      result = await computeMeetingKpi(folder, {
        ...common,
        lang,
        now: ctx.now(),
        cwd: ctx.cwd,
        ...(bar.update ? { onProgress: bar.update } : {}),
        ...reader,
      });
    } else {
      result = await runKpi(
        {
          sources: files.map((f) => ({
            path: f,
            ...(opts.encoding !== undefined ? { encoding: String(opts.encoding) } : {}),
          })),
          lang,
          ...common,
        },
        {
          cwd: ctx.cwd,
          now: ctx.now(),
          ...(bar.update ? { onProgress: bar.update } : {}),
          onFileDone: bar.done,
          ...reader,
        },
      );
    }
  } finally {
    bar.done();
  }
  for (const s of result.sheets) {
    if (s.note) {
      const key = s.note === 'no-header' ? 'noHeader' : (s.note as 'matrix' | 'empty' | 'flatTargets');
      const text = km[key] ? km[key]()(lang) : s.note;
      ctx.debug(`${formatLocation({ file: s.file, sheet: s.sheet })}: ${text}`);
    } else ctx.debug(`${formatLocation({ file: s.file, sheet: s.sheet })}: ${s.kind}`);
  }
  ctx.debug(m.rows({ files: result.files.length, rows: result.rowsRead })(lang));
  for (const n of result.result.notes) ctx.info(`${m.note()(lang)}${kpiWarningLine(n)}`);
  for (const w of result.result.warnings) ctx.warn(kpiWarningLine(w));
  for (const d of result.details) ctx.debug(d);
  const r = result.result;
  const title = caption(r, lang, { ytd: result.ytd, workdays: result.workdays });
  const legend = [...legendLines(lang, result.thresholds), ...metricLegend(r, lang)];
  let content: string | Uint8Array;
  if (format === 'json') content = `${JSON.stringify(r, null, 2)}\n`;
  else if (format === 'xlsx') {
    const { kpiWorkbook } = await import('../../io/excel/write/kpi-report.js');
    content = await kpiWorkbook(r, result.extras, lang, { caption: title, thresholds: result.thresholds });
  } else {
    const table = buildTable(r, result.extras, lang);
    if (r.rows.length === 0) ctx.warn(m.noRows({ period: r.period.label })(lang));
    if (format === 'csv') content = renderCsv(table);
    else if (format === 'md') content = renderMarkdown(table, title, legend);
    else if (out)
      content = `${title}\n\n${renderTerminal(table, { ...ctx, out: new Chalk({ level: 0 }) })}\n\n${legend.join('\n')}\n`;
    else
      content = `${ctx.out.bold(title)}\n\n${renderTerminal(table, ctx)}\n\n${ctx.out.dim(legend.join('\n'))}\n`;
  }
  if (out) {
    const path = resolve(ctx.cwd, out);
    const plan = await planWrites([{ path, content, kind: 'user' }], [], { force: ctx.force, cwd: ctx.cwd });
    await commitWrites(plan);
    ctx.info(m.wrote({ file: out })(lang));
  } else if (typeof content === 'string') ctx.streams.stdout.write(content);
  return 0;
};

export default run;
