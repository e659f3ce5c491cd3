import { relative } from 'node:path';
import { runKeysDir } from '../../../app/keys.js';
import { runSign } from '../../../app/minutes-signoff.js';
import { EXIT } from '../../../core/errors.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import { catalogue } from '../../../i18n/index.js';
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
          refreshed: result.refresh.refreshed.map((f) => relative(ctx.cwd, f)),
          editedByHand: result.refresh.edited.map((f) => relative(ctx.cwd, f)),
          ...signOffJson(result.state),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  for (const f of result.refresh.edited)
    ctx.warn(
      interpolate(catalogue(lang).cli.minutes.refreshEdited, {
        file: relative(ctx.cwd, f),
        dir: relative(ctx.cwd, result.folder.dir) || '.',
      }),
    );
  if (result.notRequired)
    ctx.warn(interpolate(catalogue(lang).cli.minutes.notRequired, { name: result.signature.name }));
  ctx.print(
    interpolate(catalogue(lang).cli.minutes.signed, {
      name: result.signature.name,
      hash: result.signature.hash.slice(0, 19),
      key: result.signature.signature
        ? interpolate(catalogue(lang).cli.minutes.withKey, { key: result.signature.key })
        : '',
    }),
  );
  if (result.registeredKey) ctx.print(catalogue(lang).cli.minutes.registeredKey);
  const missing = result.state.report.signers
    .filter((s) => s.required && s.state !== 'valid')
    .map((s) => s.name);
  ctx.print(
    `${l.status}${catalogue(lang).punctuation.colon}${l.statuses[result.state.report.status]}` +
      (missing.length
        ? interpolate(catalogue(lang).cli.minutes.waitingFor, {
            names: missing.join(catalogue(lang).minutes.listSep),
          })
        : ''),
  );
  if (result.refresh.refreshed.length > 0) {
    ctx.print(catalogue(lang).cli.minutes.refreshed);
    for (const f of result.refresh.refreshed) ctx.print(`  ${relative(ctx.cwd, f)}`);
  }
  if (ctx.dryRun) printPlan(ctx, lang, result.plan);
  return EXIT.ok;
}
