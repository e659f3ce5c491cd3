import { relative } from 'node:path';
import { runTemplatesEject, runTemplatesList } from '../../app/templates.js';
import { pick } from '../../core/i18n/index.js';
import type { ActionFn } from '../commands/types.js';

const run: ActionFn = async (ctx, args, opts, command) => {
  const rel = (p: string) => relative(ctx.cwd, p) || '.';
  const deps = { cwd: ctx.cwd, langFor: (l?: string) => ctx.langFor(l) };
  const meeting = opts.meeting as string | undefined;
  const to = opts.to as string | undefined;
  if (command.name() === 'list') {
    const r = await runTemplatesList({ meeting, to }, deps);
    if (ctx.json) {
      ctx.print(
        JSON.stringify(
          {
            schema: 'salesmeet.templates/1',
            lang: r.lang,
            folders: r.overrides.map(rel),
            templates: r.entries.map((e) => ({
              name: e.name,
              source: e.source === 'built-in' ? 'built-in' : rel(e.source),
              path: e.source === 'built-in' ? e.path : rel(e.path),
              overrides: e.overrides,
            })),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    const width = Math.max(...r.entries.map((e) => e.name.length));
    for (const e of r.entries) {
      const source =
        e.source === 'built-in'
          ? pick(r.lang, { en: 'built-in', 'zh-CN': '内置', 'zh-TW': '內建' })
          : `${rel(e.path)}${e.overrides ? pick(r.lang, { en: ' (overrides built-in)', 'zh-CN': '（覆盖内置）', 'zh-TW': '（取代內建）' }) : ''}`;
      ctx.print(
        `${e.name.padEnd(width)}  ${r.lang}  ${e.source === 'built-in' ? ctx.out.dim(source) : ctx.out.green(source)}`,
      );
    }
    return 0;
  }
  const r = await runTemplatesEject(
    { name: args[0]!, meeting, to, force: ctx.force, dryRun: ctx.dryRun },
    deps,
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
};

export default run;
