import { relative } from 'node:path';
import { runKeysGenerate } from '../../../app/keys.js';
import { EXIT } from '../../../core/errors.js';
import { pick } from '../../../core/i18n/index.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { parseKeysGenerateOptions } from './options.js';

/** `salesmeet keys generate [dir] --as NAME`. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseKeysGenerateOptions(input);
  const result = await runKeysGenerate(
    { name: o.name, dir: o.dir, force: ctx.force, dryRun: ctx.dryRun },
    { cwd: ctx.cwd, env: ctx.env, langFor: ctx.langFor },
  );
  const lang = result.lang;
  const rel = (p: string) => relative(ctx.cwd, p) || '.';
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.keys.generate/1',
          dryRun: ctx.dryRun,
          name: result.name,
          fingerprint: result.fingerprint,
          privateKey: result.privateKey,
          publicKey: result.publicKey,
          registered: result.registered ? rel(result.registered) : null,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const dry = ctx.dryRun
    ? pick(lang, {
        en: ' (dry run, nothing written)',
        'zh-CN': '（演练模式，未写入）',
        'zh-TW': '（演練模式，未寫入）',
      })
    : '';
  ctx.print(
    pick(lang, {
      en: `Key pair for ${result.name}: ${result.fingerprint}${dry}`,
      'zh-CN': `${result.name} 的密钥对：${result.fingerprint}${dry}`,
      'zh-TW': `${result.name} 的金鑰對：${result.fingerprint}${dry}`,
    }),
  );
  ctx.print(
    `  ${pick(lang, { en: 'private key (keep it secret, 0600)', 'zh-CN': '私钥（请妥善保管，权限 0600）', 'zh-TW': '私鑰（請妥善保管，權限 0600）' })}: ${result.privateKey}`,
  );
  ctx.print(`  ${pick(lang, { en: 'public key', 'zh-CN': '公钥', 'zh-TW': '公鑰' })}: ${result.publicKey}`);
  if (result.registered)
    ctx.print(
      `  ${pick(lang, { en: 'registered in the meeting folder', 'zh-CN': '已登记到会议文件夹', 'zh-TW': '已登記到會議資料夾' })}: ${rel(result.registered)}`,
    );
  ctx.print('');
  ctx.print(pick(lang, { en: 'Next:', 'zh-CN': '下一步：', 'zh-TW': '下一步：' }));
  ctx.print(
    `  salesmeet minutes sign ${result.registered ? rel(result.registered).replace(/\/?keys\/[^/]+$/, '') || '.' : '<dir>'} --as ${result.name} --key ${result.privateKey}`,
  );
  return EXIT.ok;
}
