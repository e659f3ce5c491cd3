import * as z from 'zod';
import { UsageError } from '../../../core/errors.js';
import { isoDate } from '../../../core/formats.js';
import type { Lang } from '../../../core/i18n/index.js';
import { ACTION_STATUSES, type ActionStatus } from '../../../core/minutes/schema.js';
import { catalogue } from '../../../i18n/index.js';
import { parseFlag } from '../../flags.js';
import { listArg, parseInput, repeated } from '../../options.js';
import type { RawInput } from '../types.js';

const statusSchema = z.enum(ACTION_STATUSES);
const filterStatusSchema = z.enum([...ACTION_STATUSES, 'overdue']);
const formatSchema = z.enum(['text', 'md', 'html', 'xlsx']);

const raw = z.object({
  owner: z.string().optional(),
  status: z.string().optional(),
  overdue: z.boolean().optional(),
  note: z.string().optional(),
  by: z.string().optional(),
  asOf: z.string().optional(),
  kpi: repeated,
  kpiPeriod: z.string().optional(),
  format: z.string().optional(),
  out: z.string().optional(),
});

/** `salesmeet actions update <id> [dir] --status S --note N --by B`. */
export interface ActionsUpdateCliOptions {
  command: 'update';
  id: string;
  dir: string | undefined;
  status: ActionStatus | undefined;
  note: string | undefined;
  by: string | undefined;
}

/** `salesmeet actions [dirs…]` with its filters and output. */
export interface ActionsListCliOptions {
  command: 'list';
  dirs: string[];
  owner: string | undefined;
  status: z.output<typeof filterStatusSchema> | undefined;
  overdue: boolean;
  asOf: string | undefined;
  kpi: string[];
  kpiPeriod: string | undefined;
  format: z.output<typeof formatSchema>;
  out: string | undefined;
}

function usage(lang: Lang): UsageError {
  return new UsageError('usage.update', catalogue(lang).cli.actions.updateUsage);
}

/**
 * `actions update …` is read here rather than as a commander subcommand: commander would give `--status` to the
 * list filter of the same name. The checks run in the order they always have, so the first problem is reported.
 */
export function parseActionsOptions(
  input: RawInput,
  lang: Lang,
): ActionsUpdateCliOptions | ActionsListCliOptions {
  const { args, opts } = parseInput(input, { args: listArg, opts: raw });
  const positional = (args[0] ?? []).filter(Boolean);
  if (positional[0] === 'update') {
    if (positional.length < 2 || positional.length > 3) throw usage(lang);
    return {
      command: 'update',
      id: String(positional[1]),
      dir: positional[2],
      status: opts.status === undefined ? undefined : parseFlag(statusSchema, opts.status, '--status'),
      note: opts.note,
      by: opts.by,
    };
  }
  if (opts.note !== undefined || opts.by !== undefined)
    throw new UsageError('usage.noteWithoutUpdate', catalogue(lang).cli.actions.noteAndBy);
  const format = opts.format === undefined ? 'text' : parseFlag(formatSchema, opts.format, '--format');
  if (format === 'xlsx' && opts.out === undefined)
    throw new UsageError('usage.outRequired', catalogue(lang).cli.actions.xlsxNeedsOut);
  return {
    command: 'list',
    dirs: positional,
    asOf: opts.asOf === undefined ? undefined : parseFlag(isoDate, opts.asOf, '--as-of'),
    owner: opts.owner,
    status: opts.status === undefined ? undefined : parseFlag(filterStatusSchema, opts.status, '--status'),
    overdue: Boolean(opts.overdue),
    kpi: opts.kpi ?? [],
    kpiPeriod: opts.kpiPeriod,
    format,
    out: opts.out,
  };
}
