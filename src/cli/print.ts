import { relative } from 'node:path';
import { type Lang, pick } from '../core/i18n/index.js';
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
