import { runVerify } from '../../../app/minutes-signoff.js';
import { EXIT } from '../../../core/errors.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import { catalogue } from '../../../i18n/index.js';
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
  const head = `${l.status}${catalogue(lang).punctuation.colon}${l.statuses[result.report.status]} · ${l.contentHash} ${result.report.hash}`;
  const tz = result.folder.meeting.value.timezone;
  ctx.print(head);
  for (const s of result.report.signers) {
    const line = `  ${s.state === 'valid' ? ctx.out.green('✓') : ctx.out.red('✗')} ${reason(s, result, lang, tz)}`;
    ctx.print(line);
  }
  if (failed) {
    ctx.info(
      ctx.err.red(
        interpolate(catalogue(lang).cli.minutes.notSignedOff, {
          file: result.folder.display('minutes.yaml'),
        }),
      ),
    );
    return EXIT.invalidInput;
  }
  ctx.print(ctx.out.green(catalogue(lang).cli.minutes.signedOff));
  return EXIT.ok;
}
