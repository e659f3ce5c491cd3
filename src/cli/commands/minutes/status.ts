import { runVerify } from '../../../app/minutes-signoff.js';
import { EXIT } from '../../../core/errors.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { parseMinutesDirOptions } from './options.js';
import { reason, signOffJson } from './print.js';

/** `salesmeet minutes status [dir]`: the sign-off state, always exit 0. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseMinutesDirOptions(input);
  const result = await runVerify(o.dir, {
    cwd: ctx.cwd,
    langFor: ctx.langFor,
    trust: o.trust ?? ctx.env.SALESMEET_TRUST,
  });
  const lang = result.lang;
  const l = minutesLabels(lang);
  if (ctx.json) {
    ctx.print(
      JSON.stringify({ schema: 'salesmeet.minutes.status/1', ok: true, ...signOffJson(result) }, null, 2),
    );
    return EXIT.ok;
  }
  const head = `${l.status}${catalogue(lang).punctuation.colon}${l.statuses[result.report.status]} · ${l.contentHash} ${result.report.hash}`;
  const tz = result.folder.meeting.value.timezone;
  ctx.print(head);
  for (const s of result.report.signers) ctx.print(`  ${reason(s, result, lang, tz)}`);
  return EXIT.ok;
}
