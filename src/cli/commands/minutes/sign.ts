import { runKeysDir } from '../../../app/keys.js';
import { runSign } from '../../../app/minutes-signoff.js';
import { EXIT } from '../../../core/errors.js';
import { pick } from '../../../core/i18n/index.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { parseMinutesSignOptions } from './options.js';
import { printPlan, signOffJson } from './print.js';

/** `salesmeet minutes sign [dir] --as NAME [--key FILE]`. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseMinutesSignOptions(input);
  const result = await runSign(
    {
      dir: o.dir,
      name: o.name,
      keyFile: o.keyFile,
      keysDir: runKeysDir(ctx.env),
      trust: o.trust ?? ctx.env.SALESMEET_TRUST,
      dryRun: ctx.dryRun,
    },
    { cwd: ctx.cwd, now: ctx.now(), langFor: ctx.langFor },
  );
  const lang = result.lang;
  const l = minutesLabels(lang);
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.minutes.sign/1',
          dryRun: ctx.dryRun,
          signature: result.signature,
          replaced: result.replaced,
          registeredKey: result.registeredKey,
          ...signOffJson(result.state),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  if (result.notRequired)
    ctx.warn(
      pick(lang, {
        en: `${result.signature.name} is neither the host nor a present required attendee: the signature is recorded but not required`,
        'zh-CN': `${result.signature.name} 既不是主持人也不是出席的必签参会人：已记录签字，但不计入必签人`,
        'zh-TW': `${result.signature.name} 既不是主席也不是出席的必簽人：已記錄簽名，但不列入必簽人`,
      }),
    );
  ctx.print(
    pick(lang, {
      en: `${result.signature.name} signed the minutes (${result.signature.hash.slice(0, 19)}…)${result.signature.signature ? ' with key ' + result.signature.key : ''}.`,
      'zh-CN': `${result.signature.name} 已签字确认纪要（${result.signature.hash.slice(0, 19)}…）${result.signature.signature ? `，密钥 ${result.signature.key}` : ''}。`,
      'zh-TW': `${result.signature.name} 已簽名確認紀錄（${result.signature.hash.slice(0, 19)}…）${result.signature.signature ? `，金鑰 ${result.signature.key}` : ''}。`,
    }),
  );
  if (result.registeredKey)
    ctx.print(
      pick(lang, {
        en: `Registered the public key in keys/ of the meeting folder.`,
        'zh-CN': '已将公钥登记到会议文件夹的 keys/ 中。',
        'zh-TW': '已將公鑰登記到會議資料夾的 keys/ 中。',
      }),
    );
  const missing = result.state.report.signers
    .filter((s) => s.required && s.state !== 'valid')
    .map((s) => s.name);
  ctx.print(
    `${l.status}${lang === 'en' ? ': ' : '：'}${l.statuses[result.state.report.status]}` +
      (missing.length
        ? pick(lang, {
            en: ` (waiting for ${missing.join(', ')})`,
            'zh-CN': `（待签：${missing.join('、')}）`,
            'zh-TW': `（待簽：${missing.join('、')}）`,
          })
        : ''),
  );
  if (ctx.dryRun) printPlan(ctx, lang, result.plan);
  return EXIT.ok;
}
