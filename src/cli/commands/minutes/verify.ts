import { runVerify } from '../../../app/minutes-signoff.js';
import { EXIT } from '../../../core/errors.js';
import { pick } from '../../../core/i18n/index.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { parseMinutesDirOptions } from './options.js';
import { reason, signOffJson } from './print.js';

/** `salesmeet minutes verify [dir]`: exit 0 only when the minutes are fully signed off and unchanged. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseMinutesDirOptions(input);
  const result = await runVerify(o.dir, {
    cwd: ctx.cwd,
    langFor: ctx.langFor,
    trust: o.trust ?? ctx.env.SALESMEET_TRUST,
  });
  const lang = result.lang;
  const l = minutesLabels(lang);
  const failed = !result.report.complete;
  if (ctx.json) {
    ctx.print(
      JSON.stringify({ schema: 'salesmeet.minutes.verify/1', ok: !failed, ...signOffJson(result) }, null, 2),
    );
    return failed ? EXIT.invalidInput : EXIT.ok;
  }
  const head = `${l.status}${lang === 'en' ? ': ' : '：'}${l.statuses[result.report.status]} · ${l.contentHash} ${result.report.hash}`;
  const tz = result.folder.meeting.value.timezone;
  ctx.print(head);
  for (const s of result.report.signers) {
    const line = `  ${s.state === 'valid' ? ctx.out.green('✓') : ctx.out.red('✗')} ${reason(s, result, lang, tz)}`;
    ctx.print(line);
  }
  if (failed) {
    ctx.info(
      ctx.err.red(
        pick(lang, {
          en: `${result.folder.display('minutes.yaml')}: not signed off`,
          'zh-CN': `${result.folder.display('minutes.yaml')}：签字确认未完成`,
          'zh-TW': `${result.folder.display('minutes.yaml')}：簽名確認未完成`,
        }),
      ),
    );
    return EXIT.invalidInput;
  }
  ctx.print(
    ctx.out.green(
      pick(lang, {
        en: 'Signed off: every required signature is present and matches the content.',
        'zh-CN': '已签：所有必签人均已签字，且内容未被修改。',
        'zh-TW': '已簽：所有必簽人均已簽名，且內容未被修改。',
      }),
    ),
  );
  return EXIT.ok;
}
