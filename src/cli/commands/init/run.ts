import { relative } from 'node:path';
import { runInit } from '../../../app/init.js';
import { pick } from '../../../core/i18n/index.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { initFlags, parseInitOptions, readInitInput } from './options.js';
import { ask } from './prompts.js';

/** `salesmeet init [dir]`: asks what the flags leave open (in a terminal), then scaffolds the folder. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const lang = ctx.lang;
  const { dir, flags } = readInitInput(input);
  const answers = ctx.interactive ? initFlags.parse(await ask(flags, lang)) : flags;
  const options = parseInitOptions(dir, answers, { lang, force: ctx.force, dryRun: ctx.dryRun });

  const result = await runInit(options, { cwd: ctx.cwd, timezone: ctx.timezone });
  const rel = (p: string) => relative(ctx.cwd, p) || '.';

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
  const verb = (a: string) =>
    pick(lang, {
      en: { create: 'create', overwrite: 'overwrite', exists: 'exists', unchanged: 'unchanged' },
      'zh-CN': { create: '新建', overwrite: '覆盖', exists: '已存在', unchanged: '未变' },
      'zh-TW': { create: '新建', overwrite: '覆寫', exists: '已存在', unchanged: '未變' },
    })[a as 'create'];
  const head = ctx.dryRun
    ? pick(lang, {
        en: 'Would write (dry run, nothing written):',
        'zh-CN': '将写入（演练模式，未写入任何文件）：',
        'zh-TW': '將寫入（演練模式，未寫入任何檔案）：',
      })
    : pick(lang, { en: 'Wrote:', 'zh-CN': '已写入：', 'zh-TW': '已寫入：' });
  ctx.print(head);
  for (const d of result.plan.dirs)
    if (d.action === 'create') ctx.print(`  ${c.green(verb('create'))}  ${rel(d.path)}/`);
  for (const f of result.plan.files)
    ctx.print(
      `  ${f.action === 'overwrite' ? c.yellow(verb(f.action)) : c.green(verb(f.action))}  ${rel(f.path)}`,
    );
  if (result.carried.length > 0) {
    ctx.print(
      pick(lang, {
        en: `Carried over ${result.carried.length} open action(s) from the previous meeting.`,
        'zh-CN': `已从上次会议结转 ${result.carried.length} 项未完成行动项。`,
        'zh-TW': `已從上次會議結轉 ${result.carried.length} 項未完成行動項目。`,
      }),
    );
    for (const e of result.escalate) {
      ctx.warn(
        pick(lang, {
          en: `${e.id} "${e.what}" has been carried over ${e.carried} times: escalate it`,
          'zh-CN': `${e.id}「${e.what}」已结转 ${e.carried} 次，建议升级处理`,
          'zh-TW': `${e.id}「${e.what}」已結轉 ${e.carried} 次，建議升級處理`,
        }),
      );
    }
  }
  if (!ctx.dryRun) {
    const d = rel(result.dir);
    ctx.print('');
    ctx.print(pick(lang, { en: 'Next:', 'zh-CN': '下一步：', 'zh-TW': '下一步：' }));
    ctx.print(`  ${pick(lang, { en: 'edit', 'zh-CN': '编辑', 'zh-TW': '編輯' })} ${d}/meeting.yaml`);
    ctx.print(`  salesmeet check ${d}`);
  }
  return 0;
}
