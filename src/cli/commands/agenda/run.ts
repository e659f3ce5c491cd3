import { relative } from 'node:path';
import { type AgendaResult, runAgenda } from '../../../app/agenda.js';
import { formatLocation } from '../../../core/errors.js';
import type { Context } from '../../context.js';
import { printWrites } from '../../print.js';
import type { RawInput } from '../types.js';
import { parseAgendaOptions } from './options.js';

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

export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseAgendaOptions(input);
  const result = await runAgenda(
    { dir: o.dir, dryRun: ctx.dryRun },
    { cwd: ctx.cwd, now: ctx.now, timezone: ctx.timezone, langFor: ctx.langFor },
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
}
