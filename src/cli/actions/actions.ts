import { relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { type ActionsResult, renderActions, runActions, runActionsUpdate } from '../../app/actions.js';
import { type ActionRow, evaluateMeasure, type MeasureCheck, type RateRow } from '../../core/actions.js';
import { EXIT, UsageError } from '../../core/errors.js';
import { isoDate } from '../../core/formats.js';
import { type Lang, pick } from '../../core/i18n/index.js';
import type { KpiResult } from '../../core/kpi/result.js';
import { minutesLabels } from '../../core/minutes/labels.js';
import type { KpiMeasure } from '../../core/minutes/schema.js';
import { ACTION_STATUSES } from '../../core/minutes/schema.js';
import { formatMeasure, formatRate } from '../../core/minutes/view.js';
import { commitWrites, planWrites } from '../../io/write.js';
import type { ActionFn } from '../commands/types.js';
import type { Context } from '../context.js';
import { parseFlag } from '../flags.js';

const statusSchema = z.enum(ACTION_STATUSES);
const filterStatusSchema = z.enum([...ACTION_STATUSES, 'overdue']);
const formatSchema = z.enum(['text', 'md', 'html', 'xlsx']);

function rateJson(r: RateRow) {
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

function itemJson(a: ActionRow) {
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
  ctx: Context,
  items: readonly ActionRow[],
  sources: string[],
  period: string | undefined,
  asOf: string,
  lang: Lang,
): Promise<KpiCheckRow[]> {
  const measured = items.filter(
    (i): i is ActionRow & { measure: KpiMeasure } => typeof i.measure === 'object' && i.measure !== null,
  );
  if (measured.length === 0) return [];
  const { runKpi } = await import('../../app/kpi.js');
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
      { cwd: ctx.cwd, now: ctx.now() },
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

function printKpiChecks(ctx: Context, lang: Lang, checks: KpiCheckRow[]) {
  if (checks.length === 0) return;
  const words = pick(lang, {
    en: {
      title: 'KPI-linked measures',
      met: '✓ met',
      'not-met': '✗ not met',
      pending: '… pending',
      'no-data': '? no data',
    },
    'zh-CN': {
      title: 'KPI 考核标准检查',
      met: '✓ 已达成',
      'not-met': '✗ 未达成',
      pending: '… 进行中',
      'no-data': '? 无数据',
    },
    'zh-TW': {
      title: 'KPI 考核標準檢查',
      met: '✓ 已達成',
      'not-met': '✗ 未達成',
      pending: '… 進行中',
      'no-data': '? 無資料',
    },
  });
  const fmt = (v: number | null, unit: string | null) =>
    v === null
      ? '—'
      : unit === '%' || Math.abs(v) <= 1.5
        ? `${(v * 100).toFixed(1)}%`
        : v.toLocaleString(lang);
  ctx.print('');
  ctx.print(ctx.out.bold(words.title));
  for (const c of checks) {
    const group = Object.entries(c.group)
      .map(([, v]) => v)
      .join('/');
    const mark =
      c.state === 'met'
        ? ctx.out.green(words[c.state])
        : c.state === 'not-met'
          ? ctx.out.red(words[c.state])
          : words[c.state];
    ctx.print(
      `  ${c.id}  ${c.metric}${group ? ` ${group}` : ''}  ${fmt(c.actual, c.unit)} / ${fmt(c.target, c.unit)}  ${mark}  (${c.period}${c.by ? ` → ${c.by}` : ''})`,
    );
  }
}

function printText(ctx: Context, lang: Lang, result: ActionsResult) {
  const l = minutesLabels(lang);
  const r = result.report;
  const c = ctx.out;
  const colon = lang === 'en' ? ': ' : '：';
  const t = r.totals;
  ctx.print(
    c.bold(
      pick(lang, {
        en: `As of ${r.asOf} · ${result.folders.length} meeting(s) · ${t.total} item(s): ${t.done} done, ${t.open + t.inProgress} open, ${t.overdue} overdue · completion ${formatRate(t.completion)}`,
        'zh-CN': `统计日期 ${r.asOf} · ${result.folders.length} 次会议 · ${t.total} 项：已完成 ${t.done}，未完成 ${t.open + t.inProgress}，逾期 ${t.overdue} · 完成率 ${formatRate(t.completion)}`,
        'zh-TW': `統計日期 ${r.asOf} · ${result.folders.length} 次會議 · ${t.total} 項：已完成 ${t.done}，未完成 ${t.open + t.inProgress}，逾期 ${t.overdue} · 完成率 ${formatRate(t.completion)}`,
      }),
    ),
  );
  if (r.items.length === 0) {
    ctx.print(
      pick(lang, {
        en: 'No matching actions.',
        'zh-CN': '没有符合条件的行动项。',
        'zh-TW': '沒有符合條件的行動項目。',
      }),
    );
  }
  for (const g of r.owners) {
    const stats = r.perOwner.find((p) => p.key === g.owner);
    ctx.print('');
    ctx.print(
      `${c.bold(g.owner ?? l.noOwner)}` +
        (stats
          ? pick(lang, {
              en: `  (completion ${formatRate(stats.completion)}, ${stats.overdue} overdue)`,
              'zh-CN': `  （完成率 ${formatRate(stats.completion)}，逾期 ${stats.overdue} 项）`,
              'zh-TW': `  （完成率 ${formatRate(stats.completion)}，逾期 ${stats.overdue} 項）`,
            })
          : ''),
    );
    for (const a of g.items) {
      const mark = a.overdue
        ? c.red('!')
        : a.status === 'done'
          ? c.green('✓')
          : a.status === 'dropped'
            ? c.dim('-')
            : ' ';
      const due = a.due
        ? `${l.due} ${a.due}${a.overdue ? c.red(lang === 'en' ? ` (${l.daysOverdue.replace('{n}', String(a.daysOverdue))})` : `（${l.daysOverdue.replace('{n}', String(a.daysOverdue))}）`) : ''}`
        : '';
      const parts = [
        `${mark} ${c.cyan(a.id)}`,
        a.what,
        due,
        `[${l.actionStatus[a.status]}]`,
        a.carried > 0 ? `${l.carried} ${a.carried}` : '',
        a.escalate ? c.red(`⚠ ${l.escalate}`) : '',
      ].filter(Boolean);
      ctx.print(`  ${parts.join('  ')}`);
      const measure = formatMeasure(a.measure, l);
      if (measure) ctx.print(`      ${l.measure}${colon}${measure}`);
      const last = a.updates[a.updates.length - 1];
      if (last) ctx.print(c.dim(`      ${l.latest}${colon}${last.date}${last.note ? ` ${last.note}` : ''}`));
    }
  }
  ctx.print('');
  ctx.print(c.bold(l.perMeeting));
  for (const m of r.perMeeting) {
    ctx.print(
      pick(lang, {
        en: `  ${m.key}  ${m.total} item(s), ${m.done} done, ${m.overdue} overdue, completion ${formatRate(m.completion)}, ${m.carriedIn} carried in`,
        'zh-CN': `  ${m.key}  ${m.total} 项，已完成 ${m.done}，逾期 ${m.overdue}，完成率 ${formatRate(m.completion)}，结转入 ${m.carriedIn} 项`,
        'zh-TW': `  ${m.key}  ${m.total} 項，已完成 ${m.done}，逾期 ${m.overdue}，完成率 ${formatRate(m.completion)}，結轉入 ${m.carriedIn} 項`,
      }),
    );
  }
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

const run: ActionFn = async (ctx, args, opts) => {
  const positional = (Array.isArray(args[0]) ? (args[0] as string[]) : args[0] ? [args[0]] : []).filter(
    Boolean,
  );
  if (positional[0] === 'update') {
    if (positional.length < 2 || positional.length > 3) throw usage(ctx.lang);
    const result = await runActionsUpdate(
      {
        id: String(positional[1]),
        dir: positional[2],
        status: opts.status === undefined ? undefined : parseFlag(statusSchema, opts.status, '--status'),
        note: opts.note as string | undefined,
        by: opts.by as string | undefined,
        dryRun: ctx.dryRun,
      },
      { cwd: ctx.cwd, now: ctx.now() },
    );
    const lang = ctx.langFor(result.folder.meeting.value.lang);
    const l = minutesLabels(lang);
    if (ctx.json) {
      ctx.print(
        JSON.stringify(
          {
            schema: 'salesmeet.actions.update/1',
            dryRun: ctx.dryRun,
            update: result.update,
            item: itemJson({ ...result.action, overdue: false, daysOverdue: 0, escalate: false }),
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    const file = result.folder.display('actions.yaml');
    ctx.print(
      pick(lang, {
        en: `${ctx.dryRun ? 'Would record' : 'Recorded'} in ${file}: ${result.update.id} ${result.update.date} → ${l.actionStatus[result.action.status]}${result.update.note ? ` · ${result.update.note}` : ''}`,
        'zh-CN': `${ctx.dryRun ? '将记录到' : '已记录到'} ${file}：${result.update.id} ${result.update.date} → ${l.actionStatus[result.action.status]}${result.update.note ? ` · ${result.update.note}` : ''}`,
        'zh-TW': `${ctx.dryRun ? '將記錄到' : '已記錄到'} ${file}：${result.update.id} ${result.update.date} → ${l.actionStatus[result.action.status]}${result.update.note ? ` · ${result.update.note}` : ''}`,
      }),
    );
    return EXIT.ok;
  }

  const dirs = positional;
  if (opts.note !== undefined || opts.by !== undefined)
    throw new UsageError(
      'usage.noteWithoutUpdate',
      pick(ctx.lang, {
        en: '--note and --by record an update: salesmeet actions update <id> [dir] --note TEXT',
        'zh-CN': '--note 和 --by 用于记录进展：salesmeet actions update <编号> [dir] --note 说明',
        'zh-TW': '--note 與 --by 用於記錄進度：salesmeet actions update <編號> [dir] --note 說明',
      }),
    );
  const format = opts.format === undefined ? 'text' : parseFlag(formatSchema, opts.format, '--format');
  const out = opts.out as string | undefined;
  if (format === 'xlsx' && out === undefined)
    throw new UsageError(
      'usage.outRequired',
      pick(ctx.lang, {
        en: '--format xlsx needs --out FILE (a workbook is not printed to the terminal)',
        'zh-CN': '--format xlsx 需要 --out 文件（工作簿不能输出到终端）',
        'zh-TW': '--format xlsx 需要 --out 檔案（活頁簿無法輸出到終端機）',
      }),
    );
  const result = await runActions(
    {
      dirs,
      asOf: opts.asOf === undefined ? undefined : parseFlag(isoDate, opts.asOf, '--as-of'),
      filter: {
        owner: opts.owner as string | undefined,
        status:
          opts.status === undefined ? undefined : parseFlag(filterStatusSchema, opts.status, '--status'),
        overdue: Boolean(opts.overdue),
      },
    },
    { cwd: ctx.cwd, now: ctx.now() },
  );
  const lang = ctx.langFor(result.meetingLang);
  const kpiSources = (opts.kpi as string[] | undefined) ?? [];
  const kpiChecks =
    kpiSources.length > 0
      ? await checkKpiMeasures(
          ctx,
          result.report.items,
          kpiSources,
          opts.kpiPeriod as string | undefined,
          result.report.asOf,
          lang,
        )
      : undefined;

  let content: string | Uint8Array | undefined;
  if (format === 'xlsx') {
    const { trackerWorkbook } = await import('../../io/excel/write/tracker.js');
    const title = result.folders.length === 1 ? result.folders[0]!.meeting.value.title : 'salesmeet';
    content = await trackerWorkbook(result.report, minutesLabels(lang), title);
  } else if (format === 'md' || format === 'html') content = renderActions(result, format, lang, ctx.now());

  if (out !== undefined) {
    const path = resolve(ctx.cwd, out);
    const text =
      content ?? (ctx.json ? `${JSON.stringify(actionsJson(result, kpiChecks), null, 2)}\n` : undefined);
    if (text === undefined)
      throw new UsageError(
        'usage.outFormat',
        pick(ctx.lang, {
          en: '--out needs --format md, html or xlsx (or --json)',
          'zh-CN': '--out 需要配合 --format md、html 或 xlsx（或 --json）',
          'zh-TW': '--out 需要搭配 --format md、html 或 xlsx（或 --json）',
        }),
      );
    // A file under an out/ folder is generated; anywhere else it may be a tracker someone edited: --force.
    const generated = path.split(sep).includes('out');
    const plan = await planWrites([{ path, content: text, kind: generated ? 'generated' : 'user' }], [], {
      force: ctx.force,
      cwd: ctx.cwd,
    });
    await commitWrites(plan);
    ctx.info(
      pick(lang, {
        en: `Wrote ${relative(ctx.cwd, path)}`,
        'zh-CN': `已写入 ${relative(ctx.cwd, path)}`,
        'zh-TW': `已寫入 ${relative(ctx.cwd, path)}`,
      }),
    );
    return EXIT.ok;
  }
  if (content !== undefined) {
    ctx.print(typeof content === 'string' ? content.replace(/\n$/, '') : '');
    return EXIT.ok;
  }
  if (ctx.json) {
    ctx.print(JSON.stringify(actionsJson(result, kpiChecks), null, 2));
    return EXIT.ok;
  }
  printText(ctx, lang, result);
  if (kpiChecks) printKpiChecks(ctx, lang, kpiChecks);
  return EXIT.ok;
};

export default run;
