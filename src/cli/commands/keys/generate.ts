import { relative } from 'node:path';
import { runKeysGenerate } from '../../../app/keys.js';
import { EXIT } from '../../../core/errors.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { catalogue } from '../../../i18n/index.js';
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
  const dry = ctx.dryRun ? catalogue(lang).cli.keys.dryRun : '';
  ctx.print(
    interpolate(catalogue(lang).cli.keys.keyPair, {
      name: result.name,
      fingerprint: result.fingerprint,
      dry,
    }),
  );
  ctx.print(`  ${catalogue(lang).cli.keys.privateKey}: ${result.privateKey}`);
  ctx.print(`  ${catalogue(lang).cli.keys.publicKey}: ${result.publicKey}`);
  if (result.registered) ctx.print(`  ${catalogue(lang).cli.keys.registered}: ${rel(result.registered)}`);
  ctx.print('');
  ctx.print(catalogue(lang).cli.print.next);
  ctx.print(
    `  salesmeet minutes sign ${result.registered ? rel(result.registered).replace(/\/?keys\/[^/]+$/, '') || '.' : '<dir>'} --as ${result.name} --key ${result.privateKey}`,
  );
  return EXIT.ok;
}
