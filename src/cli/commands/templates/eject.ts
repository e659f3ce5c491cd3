import { runTemplatesEject } from '../../../app/templates.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import { relTo } from '../../print.js';
import type { RawInput } from '../types.js';
import { parseTemplatesEjectOptions } from './options.js';

/** `salesmeet templates eject <name> [-m dir] [--to dir]`. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseTemplatesEjectOptions(input);
  const rel = relTo(ctx.cwd);
  const r = await runTemplatesEject(
    { ...o, force: ctx.force, dryRun: ctx.dryRun },
    { cwd: ctx.cwd, langFor: ctx.langFor },
  );
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.templates.eject/1',
          lang: r.lang,
          folder: rel(r.target),
          dryRun: ctx.dryRun,
          files: r.plan.files.map((f) => ({ path: rel(f.path), action: f.action })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  ctx.print(ctx.dryRun ? catalogue(r.lang).cli.print.wouldWrite : catalogue(r.lang).cli.print.wrote);
  for (const f of r.plan.files) ctx.print(`  ${ctx.out.green(rel(f.path))}`);
  if (!ctx.dryRun) ctx.print(catalogue(r.lang).cli.templates.ejectNext);
  return 0;
}
