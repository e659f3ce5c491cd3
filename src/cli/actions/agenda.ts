import { relative } from 'node:path';
import { type AgendaResult, runAgenda } from '../../app/agenda.js';
import { formatLocation } from '../../core/errors.js';
import { type Lang, pick } from '../../core/i18n/index.js';
import type { WritePlan } from '../../io/write.js';
import type { ActionFn } from '../commands/types.js';
import type { Context } from '../context.js';

/** "Wrote:" and the files, or "Would write" under --dry-run. */
export function printWrites(
  ctx: Context,
  lang: Lang,
  plan: WritePlan,
  dryRun: boolean,
  extra: string[] = [],
) {
  const rel = (p: string) => relative(ctx.cwd, p) || '.';
  ctx.print(
    dryRun
      ? pick(lang, {
          en: 'Would write (dry run, nothing written):',
          'zh-CN': '将写入（演练模式，未写入任何文件）：',
          'zh-TW': '將寫入（演練模式，未寫入任何檔案）：',
        })
      : pick(lang, { en: 'Wrote:', 'zh-CN': '已写入：', 'zh-TW': '已寫入：' }),
  );
  for (const f of plan.files) ctx.print(`  ${ctx.out.green(rel(f.path))}`);
  for (const p of extra) ctx.print(`  ${ctx.out.green(rel(p))}`);
}

export function agendaJson(r: AgendaResult, cwd: string) {
  const rel = (p: string) => relative(cwd, p) || '.';
  const m = r.folder.meeting.value;
  return {
    schema: 'salesmeet.agenda/1',
    dir: rel(r.folder.dir),
    title: m.title,
    date: m.date,
    timezone: r.timezone,
    start: r.agenda.start,
    end: r.agenda.end,
    duration: r.agenda.duration,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    transition: r.agenda.transition,
    scheduled: r.agenda.scheduled,
    buffer: r.agenda.buffer,
    bufferShare: Math.round(r.agenda.bufferShare * 10000) / 10000,
    items: r.agenda.items.map((t) => ({
      index: t.index,
      title: t.title,
      start: t.start,
      end: t.end,
      startsAt: t.startTime.instant === undefined ? null : new Date(t.startTime.instant).toISOString(),
      endsAt: t.endTime.instant === undefined ? null : new Date(t.endTime.instant).toISOString(),
      minutes: t.minutes,
      owner: t.owner ?? null,
      outcome: t.outcome ?? null,
      notes: t.notes ?? null,
      break: t.isBreak,
      transitionBefore: t.transitionBefore,
      gapBefore: t.gapBefore,
    })),
    files: r.plan.files.map((f) => ({ path: rel(f.path), written: r.written })),
  };
}

const run: ActionFn = async (ctx, args) => {
  const result = await runAgenda(
    { dir: args[0], dryRun: ctx.dryRun },
    {
      cwd: ctx.cwd,
      now: ctx.now,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      langFor: (l) => ctx.langFor(l),
    },
  );
  for (const w of result.warnings) ctx.warn(`${formatLocation(w)}: ${w.message(ctx.lang)}`);
  if (ctx.json) {
    ctx.print(JSON.stringify(agendaJson(result, ctx.cwd), null, 2));
    return 0;
  }
  const lang = result.lang;
  const v = result.view;
  ctx.print(`${v.head.title} · ${v.head.dateText} ${v.head.time} (${v.head.timezone})`);
  for (const it of v.items) {
    const line = `  ${it.start}–${it.end}  ${it.no ? `${it.no}. ` : ''}${it.title}${it.owner ? ` · ${it.owner}` : ''}`;
    ctx.print(it.isBreak ? ctx.out.dim(line) : line);
  }
  if (v.buffer) ctx.print(ctx.out.dim(`  ${v.buffer.text}`));
  printWrites(ctx, lang, result.plan, ctx.dryRun);
  return 0;
};

export default run;
