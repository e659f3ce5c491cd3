import { relative } from 'node:path';
import type { Lang } from '../core/i18n/index.js';
import { catalogue } from '../i18n/index.js';
import type { WritePlan } from '../io/write.js';
import type { Context } from './context.js';

/** A path as it is shown: relative to the working directory, `.` for the directory itself. */
export function relTo(cwd: string): (p: string) => string {
  return (p) => relative(cwd, p) || '.';
}

/** "Wrote:" and the files, or "Would write" under --dry-run. */
export function printWrites(
  ctx: Context,
  lang: Lang,
  plan: WritePlan,
  dryRun: boolean,
  extra: string[] = [],
) {
  const rel = relTo(ctx.cwd);
  ctx.print(dryRun ? catalogue(lang).cli.print.wouldWrite : catalogue(lang).cli.print.wrote);
  for (const f of plan.files) ctx.print(`  ${ctx.out.green(rel(f.path))}`);
  for (const p of extra) ctx.print(`  ${ctx.out.green(rel(p))}`);
}
