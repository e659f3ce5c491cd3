import { relative } from 'node:path';
import type { ActionsResult } from '../../../app/actions.js';
import { runActionsUpdate } from '../../../app/actions.js';
import { actionsJson, itemJson, type KpiCheckRow, runActionsReport } from '../../../app/actions-report.js';
import { EXIT } from '../../../core/errors.js';
import type { Lang } from '../../../core/i18n/index.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import { formatMeasure, formatRate } from '../../../core/minutes/view.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { parseActionsOptions } from './options.js';

function printKpiChecks(ctx: Context, lang: Lang, checks: KpiCheckRow[]) {
  if (checks.length === 0) return;
  const words = catalogue(lang).cli.actions.kpiChecks;
  const fmt = (v: number | null, unit: string | null) =>
    v === null
      ? '—'
      : unit === '%' || Math.abs(v) <= 1.5
        ? `${(v * 100).toFixed(1)}%`
        : v.toLocaleString(lang);
  ctx.print('');
  ctx.print(ctx.out.bold(words.title));
  const l = minutesLabels(lang);
  for (const c of checks) {
    // The measure in the same words as the minutes and the tracker (华东回款率 ≥ 90%（2026-09-30 前）).
    const measure = formatMeasure(
      { metric: c.metric, group: c.group, target: c.target, ...(c.by ? { by: c.by } : {}) },
      l,
    );
    const mark =
      c.state === 'met'
        ? ctx.out.green(words[c.state])
        : c.state === 'not-met'
          ? ctx.out.red(words[c.state])
          : words[c.state];
    ctx.print(`  ${c.id}  ${measure}  ${words.actual} ${fmt(c.actual, c.unit)}  ${mark}  (${c.period})`);
  }
}

function printText(ctx: Context, lang: Lang, result: ActionsResult) {
  const l = minutesLabels(lang);
  const r = result.report;
  const c = ctx.out;
  const punct = catalogue(lang).punctuation;
  const colon = punct.colon;
  const t = r.totals;
  ctx.print(
    c.bold(
      interpolate(catalogue(lang).cli.actions.summary, {
        asOf: r.asOf,
        folders: result.folders.length,
        total: t.total,
        done: t.done,
        open: t.open + t.inProgress,
        overdue: t.overdue,
        completion: formatRate(t.completion),
      }),
    ),
  );
  if (r.items.length === 0) {
    ctx.print(catalogue(lang).cli.actions.noMatchingActions);
  }
  for (const g of r.owners) {
    const stats = r.perOwner.find((p) => p.key === g.owner);
    ctx.print('');
    ctx.print(
      `${c.bold(g.owner ?? l.noOwner)}` +
        (stats
          ? interpolate(catalogue(lang).cli.actions.ownerStats, {
              completion: formatRate(stats.completion),
              overdue: stats.overdue,
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
        ? `${l.due} ${a.due}${a.overdue ? c.red(`${punct.lparen}${l.daysOverdue.replace('{n}', String(a.daysOverdue))}${punct.rparen}`) : ''}`
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
      interpolate(catalogue(lang).cli.actions.perMeetingLine, {
        key: String(m.key),
        total: m.total,
        done: m.done,
        overdue: m.overdue,
        completion: formatRate(m.completion),
        carriedIn: m.carriedIn,
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
      `${interpolate(
        ctx.dryRun ? catalogue(lang).cli.actions.wouldRecord : catalogue(lang).cli.actions.recorded,
        {
          file,
          id: result.update.id,
          date: result.update.date,
          status: l.actionStatus[result.action.status],
        },
      )}${result.update.note ? ` · ${result.update.note}` : ''}`,
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
    ctx.info(interpolate(catalogue(lang).cli.actions.wroteFile, { file: relative(ctx.cwd, result.written) }));
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
