import { extname } from 'node:path';
import * as z from 'zod';
import { parseBy, parseColumns, resolveAsOf, resolvePeriod } from '../../../app/kpi.js';
import type { KpiFormat } from '../../../app/kpi-report.js';
import { UsageError } from '../../../core/errors.js';
import { messagesOf } from '../../../core/i18n/messages.js';
import { conflictingFlags } from '../../flags.js';
import { listArg, parseInput, repeated } from '../../options.js';
import type { RawInput } from '../types.js';

const m = messagesOf((c) => c.cli.kpi);

const FORMATS: KpiFormat[] = ['table', 'md', 'csv', 'xlsx', 'json'];

const raw = z.object({
  meeting: z.string().optional(),
  period: z.string().optional(),
  ytd: z.boolean().optional(),
  asOf: z.string().optional(),
  workdays: z.boolean().optional(),
  by: repeated,
  columns: repeated,
  encoding: z.string().optional(),
  won: repeated,
  lost: repeated,
  metric: repeated,
  format: z.string().optional(),
  fast: z.boolean().optional(),
  out: z.string().optional(),
});

export interface KpiCliOptions {
  files: string[];
  meeting: string | undefined;
  format: KpiFormat;
  out: string | undefined;
  encoding: string | undefined;
  /** Checked here (a period such as 2026-H1), computed in app. */
  period: string | undefined;
  ytd: boolean;
  asOf: string | undefined;
  workdays: boolean;
  by: string[] | undefined;
  metrics: string[] | undefined;
  won: string[] | undefined;
  lost: string[] | undefined;
  columns: Record<string, string> | undefined;
  /** false with --no-fast. */
  fast: boolean;
}

function pickFormat(format: string | undefined, out: string | undefined, json: boolean): KpiFormat {
  if (json && format !== undefined && format !== 'json')
    throw conflictingFlags('--json', `--format ${format}`);
  if (json) return 'json';
  if (format !== undefined) {
    if (!(FORMATS as string[]).includes(format))
      throw new UsageError('kpi.format', m.badFormat({ value: format }));
    return format as KpiFormat;
  }
  if (out) {
    const ext = extname(out).toLowerCase().slice(1);
    if (ext === 'xlsx' || ext === 'csv' || ext === 'json') return ext;
    if (ext === 'md' || ext === 'markdown') return 'md';
  }
  return 'table';
}

/** `--won "Signed,Paid" --won 成交` → ['Signed', 'Paid', '成交']. */
function splitList(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(/[,，]/))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Every flag checked once, in the order the messages have always come: format, --out, files, columns, by, date, period. */
export function parseKpiOptions(input: RawInput, json: boolean): KpiCliOptions {
  const { args, opts } = parseInput(input, { args: listArg, opts: raw });
  const files = args[0] ?? [];
  const format = pickFormat(opts.format, opts.out, json);
  if (format === 'xlsx' && !opts.out) throw new UsageError('kpi.xlsxOut', m.xlsxOut());
  if (opts.meeting && files.length > 0) throw new UsageError('kpi.both', m.both());
  const columns = opts.columns ? parseColumns(opts.columns) : undefined;
  parseBy(opts.by);
  if (opts.asOf) resolveAsOf(opts.asOf);
  if (opts.period) resolvePeriod(opts.period);
  return {
    files,
    meeting: opts.meeting,
    format,
    out: opts.out,
    encoding: opts.encoding,
    period: opts.period || undefined,
    ytd: Boolean(opts.ytd),
    asOf: opts.asOf || undefined,
    workdays: Boolean(opts.workdays),
    by: opts.by,
    metrics: opts.metric,
    won: opts.won ? splitList(opts.won) : undefined,
    lost: opts.lost ? splitList(opts.lost) : undefined,
    columns,
    fast: opts.fast !== false,
  };
}
