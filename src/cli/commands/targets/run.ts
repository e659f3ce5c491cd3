import stringWidth from 'string-width';
import { runTargets, targetsDocument } from '../../../app/targets.js';
import type { Problem } from '../../../core/errors.js';
import type { Lang } from '../../../core/i18n/index.js';
import { interpolate } from '../../../core/i18n/messages.js';
import type { TargetsResult } from '../../../core/targets/decompose.js';
import { targetHeader, targetLabels } from '../../../core/targets/messages.js';
import { terminalSafe } from '../../../core/text.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import { formatProblem } from '../../report.js';
import type { RawInput } from '../types.js';
import { parseTargetsOptions } from './options.js';

function pad(s: string, width: number, right: boolean): string {
  const gap = Math.max(0, width - stringWidth(s));
  return right ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

/** A plain table: first column left-aligned, numbers right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => stringWidth(r[c] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, c) => pad(cell, widths[c]!, c > 0))
      .join('  ')
      .trimEnd(),
  );
}

function summary(r: TargetsResult, lang: Lang): string[] {
  const L = targetLabels(lang);
  const n = (x: number) =>
    x.toLocaleString('en', { minimumFractionDigits: r.precision, maximumFractionDigits: r.precision });
  const unit = r.unit ? ` ${r.unit}` : '';
  const pct = `${Number((r.reserve * 100).toFixed(2))}%`;
  const lines = [
    interpolate(catalogue(lang).cli.targets.summary, {
      period: r.period,
      companyTarget: n(r.companyTarget),
      unit,
      pct,
      reserveAmount: n(r.reserveAmount),
      assignedTotal: n(r.assignedTotal),
    }),
    '',
  ];
  const top = r.levels[0];
  if (top) {
    const rows = [[L.level[top], ...r.months, L.total]];
    for (const o of r.org.filter((x) => x.level === top))
      rows.push([o.name, ...o.months.map(n), n(o.target)]);
    rows.push([L.total, ...r.time.months.map((m) => n(m.target)), n(r.assignedTotal)]);
    lines.push(...table(rows));
  } else {
    const rows = [[L.month, L.companyTarget, targetHeader(lang, r.unit)]];
    for (const m of r.time.months) rows.push([m.period, n(m.companyTarget), n(m.target)]);
    rows.push([L.total, n(r.companyTarget), n(r.assignedTotal)]);
    lines.push(...table(rows));
  }
  return lines;
}

/** `salesmeet targets`: decompose a period target; print a summary, or write xlsx / yaml / json. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseTargetsOptions(input);
  const run = await runTargets(
    {
      plan: o.plan,
      flags: o.flags,
      format: o.format,
      out: o.out,
      lang: ctx.lang,
      force: ctx.force,
      dryRun: ctx.dryRun,
      now: ctx.now(),
      history: o.history,
    },
    { cwd: ctx.cwd },
  );
  const lang = run.lang;
  const r = run.result;

  const advice: Problem[] = r.advice.map((a) => ({
    code: a.code,
    message: a.message,
    path: a.subject,
  }));

  if (ctx.json) {
    const doc = targetsDocument(r, lang);
    ctx.print(
      JSON.stringify(
        {
          ...doc,
          file: run.file
            ? { path: run.file.shown, format: run.file.format, action: run.file.action, written: run.written }
            : null,
        },
        null,
        2,
      ),
    );
    return 0;
  }

  if (run.file === null && (run.format === 'yaml' || run.format === 'json')) {
    const { renderTargets } = await import('../../../app/targets.js');
    const text = (await renderTargets(r, run.format, lang, ctx.now())) as string;
    ctx.streams.stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`));
  } else {
    for (const line of summary(r, lang)) ctx.print(line);
  }
  for (const note of r.notes) ctx.info(ctx.err.dim(note(lang)));
  for (const a of advice) ctx.info(formatProblem(a, lang, ctx.err, 'advice'));
  if (run.file) {
    const shown = run.file.shown;
    const line = ctx.dryRun
      ? interpolate(catalogue(lang).cli.targets.wouldWrite, { shown })
      : interpolate(catalogue(lang).cli.targets.wrote, { shown });
    ctx.info(run.file.action === 'overwrite' ? ctx.err.yellow(line) : ctx.err.green(line));
    if (!ctx.dryRun && run.file.format === 'xlsx')
      ctx.info(interpolate(catalogue(lang).cli.targets.next, { shown }));
  }
  return 0;
}
