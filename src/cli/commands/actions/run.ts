import { relative } from 'node:path';
import type { ActionsResult } from '../../../app/actions.js';
import { runActionsUpdate } from '../../../app/actions.js';
import { actionsJson, itemJson, type KpiCheckRow, runActionsReport } from '../../../app/actions-report.js';
import { EXIT } from '../../../core/errors.js';
import { type Lang, pick } from '../../../core/i18n/index.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import { formatMeasure, formatRate } from '../../../core/minutes/view.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { parseActionsOptions } from './options.js';

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

/** `salesmeet actions [dirs…]` (the list) and `salesmeet actions update <id> [dir]` (record progress). */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseActionsOptions(input, ctx.lang);
  const deps = { cwd: ctx.cwd, now: ctx.now(), timezone: ctx.timezone, langFor: ctx.langFor };
  if (o.command === 'update') {
    const result = await runActionsUpdate(
      { id: o.id, dir: o.dir, status: o.status, note: o.note, by: o.by, dryRun: ctx.dryRun },
      deps,
    );
    const lang = result.lang;
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

  const result = await runActionsReport(
    {
      dirs: o.dirs,
      asOf: o.asOf,
      filter: { owner: o.owner, status: o.status, overdue: o.overdue },
      format: o.format,
      out: o.out,
      json: ctx.json,
      kpi: o.kpi,
      kpiPeriod: o.kpiPeriod,
      force: ctx.force,
    },
    deps,
  );
  const lang = result.lang;
  if (result.written !== undefined) {
    ctx.info(
      pick(lang, {
        en: `Wrote ${relative(ctx.cwd, result.written)}`,
        'zh-CN': `已写入 ${relative(ctx.cwd, result.written)}`,
        'zh-TW': `已寫入 ${relative(ctx.cwd, result.written)}`,
      }),
    );
    return EXIT.ok;
  }
  if (result.content !== undefined) {
    ctx.print(result.content.replace(/\n$/, ''));
    return EXIT.ok;
  }
  if (ctx.json) {
    ctx.print(JSON.stringify(actionsJson(result, result.kpiChecks), null, 2));
    return EXIT.ok;
  }
  printText(ctx, lang, result);
  if (result.kpiChecks) printKpiChecks(ctx, lang, result.kpiChecks);
  return EXIT.ok;
}
