import { runTemplatesEject } from '../../../app/templates.js';
import { pick } from '../../../core/i18n/index.js';
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
  ctx.print(
    ctx.dryRun
      ? pick(r.lang, {
          en: 'Would write (dry run, nothing written):',
          'zh-CN': '将写入（演练模式，未写入任何文件）：',
          'zh-TW': '將寫入（演練模式，未寫入任何檔案）：',
        })
      : pick(r.lang, { en: 'Wrote:', 'zh-CN': '已写入：', 'zh-TW': '已寫入：' }),
  );
  for (const f of r.plan.files) ctx.print(`  ${ctx.out.green(rel(f.path))}`);
  if (!ctx.dryRun)
    ctx.print(
      pick(r.lang, {
        en: 'Edit the copy; `salesmeet agenda` and `salesmeet pack` use it instead of the built-in one for meetings whose `templates:` points to this folder.',
        'zh-CN':
          '编辑该副本即可；`templates:` 指向此文件夹的会议在 `salesmeet agenda` 和 `salesmeet pack` 时将使用它代替内置模板。',
        'zh-TW':
          '編輯該副本即可；`templates:` 指向此資料夾的會議在 `salesmeet agenda` 與 `salesmeet pack` 時將使用它取代內建範本。',
      }),
    );
  return 0;
}
