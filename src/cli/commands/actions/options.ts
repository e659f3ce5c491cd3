import { z } from 'zod';
import { UsageError } from '../../../core/errors.js';
import { isoDate } from '../../../core/formats.js';
import { type Lang, pick } from '../../../core/i18n/index.js';
import { ACTION_STATUSES, type ActionStatus } from '../../../core/minutes/schema.js';
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
  return new UsageError(
    'usage.update',
    pick(lang, {
      en: 'usage: salesmeet actions update <id> [dir] --status STATUS --note TEXT',
      'zh-CN': '用法：salesmeet actions update <编号> [dir] --status 状态 --note 说明',
      'zh-TW': '用法：salesmeet actions update <編號> [dir] --status 狀態 --note 說明',
    }),
  );
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
    throw new UsageError(
      'usage.noteWithoutUpdate',
      pick(lang, {
        en: '--note and --by record an update: salesmeet actions update <id> [dir] --note TEXT',
        'zh-CN': '--note 和 --by 用于记录进展：salesmeet actions update <编号> [dir] --note 说明',
        'zh-TW': '--note 與 --by 用於記錄進度：salesmeet actions update <編號> [dir] --note 說明',
      }),
    );
  const format = opts.format === undefined ? 'text' : parseFlag(formatSchema, opts.format, '--format');
  if (format === 'xlsx' && opts.out === undefined)
    throw new UsageError(
      'usage.outRequired',
      pick(lang, {
        en: '--format xlsx needs --out FILE (a workbook is not printed to the terminal)',
        'zh-CN': '--format xlsx 需要 --out 文件（工作簿不能输出到终端）',
        'zh-TW': '--format xlsx 需要 --out 檔案（活頁簿無法輸出到終端機）',
      }),
    );
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
