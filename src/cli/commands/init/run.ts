import { relative } from 'node:path';
import { runInit } from '../../../app/init.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { zoneLabel } from '../../../core/notice/view.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { initFlags, parseInitOptions, readInitInput } from './options.js';
import { ask } from './prompts.js';

/** `salesmeet init [dir]`: asks what the flags leave open (in a terminal), then scaffolds the folder. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const lang = ctx.lang;
  const { dir, flags } = readInitInput(input);
  const answers = ctx.interactive ? initFlags.parse(await ask(flags, lang, ctx.timezone)) : flags;
  const options = parseInitOptions(dir, answers, { lang, force: ctx.force, dryRun: ctx.dryRun });

  const result = await runInit(options, { cwd: ctx.cwd, timezone: ctx.timezone });
  const rel = (p: string) => relative(ctx.cwd, p) || '.';
  if (result.zoneInstead) {
    const name = zoneLabel(result.zoneInstead, Date.parse(`${options.date}T00:00:00Z`), lang);
    ctx.info(interpolate(catalogue(lang).cli.init.zoneInstead, { zone: result.zoneInstead, name }));
  }

  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.init/1',
          dir: rel(result.dir),
          dryRun: ctx.dryRun,
          files: result.plan.files.map((f) => ({ path: rel(f.path), action: f.action })),
          dirs: result.plan.dirs.map((d) => ({ path: rel(d.path), action: d.action })),
          carried: result.carried.map((c) => ({
            id: c.id,
            what: c.what,
            owner: c.owner ?? null,
            carried: c.carried,
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }

  const c = ctx.out;
  const verb = (a: string) => catalogue(lang).cli.init.verbs[a as 'create'];
  const head = ctx.dryRun ? catalogue(lang).cli.print.wouldWrite : catalogue(lang).cli.print.wrote;
  ctx.print(head);
  for (const d of result.plan.dirs)
    if (d.action === 'create') ctx.print(`  ${c.green(verb('create'))}  ${rel(d.path)}/`);
  for (const f of result.plan.files)
    ctx.print(
      `  ${f.action === 'overwrite' ? c.yellow(verb(f.action)) : c.green(verb(f.action))}  ${rel(f.path)}`,
    );
  if (result.carried.length > 0) {
    ctx.print(interpolate(catalogue(lang).cli.init.carriedOver, { carried: result.carried.length }));
    for (const e of result.escalate) {
      ctx.warn(
        interpolate(catalogue(lang).cli.init.escalate, { id: e.id, what: e.what, carried: e.carried }),
      );
    }
  }
  if (!ctx.dryRun) {
    const d = rel(result.dir);
    ctx.print('');
    ctx.print(catalogue(lang).cli.print.next);
    ctx.print(`  ${catalogue(lang).cli.init.edit} ${d}/meeting.yaml`);
    ctx.print(`  salesmeet check ${d}`);
  }
  return 0;
}
