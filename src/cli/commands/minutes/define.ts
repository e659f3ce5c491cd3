import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const minutesCommand: CommandDef = {
  name: 'minutes',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.minutes;
    const dirArg = h.arguments.dir;
    const cmd = program
      .command('minutes')
      .argument('[dir]', dirArg, '.')
      .description(h.description)
      .option('--new', h.options.new)
      .option('--no-docx', h.options.noDocx);
    addCommon(cmd, lang, { json: true, dryRun: true, force: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet minutes --new 2026-07-monthly',
          'salesmeet minutes 2026-h1-review',
          'salesmeet minutes sign 2026-h1-review --as 陈建国',
          'salesmeet minutes sign 2026-h1-review --as 王芳 --key ~/.config/salesmeet/keys/王芳.key',
          'salesmeet minutes verify 2026-h1-review',
          'salesmeet minutes status 2026-h1-review',
        ],
        'minutes-actions.md',
      ),
    );
    cmd.action(run(() => import('./render.js')));

    const sign = cmd
      .command('sign')
      .argument('[dir]', dirArg, '.')
      .description(h.sign.description)
      .requiredOption('--as <name>', h.sign.options.as)
      .option('--trust <file>', h.sign.options.trust)
      .option('--key <file>', h.sign.options.key);
    addCommon(sign, lang, { json: true, dryRun: true });
    sign.addHelpText(
      'after',
      examples(lang, [
        'salesmeet minutes sign 2026-h1-review --as 陈建国',
        'salesmeet minutes sign --as "Wang Fang" --key ~/.config/salesmeet/keys/Wang\\ Fang.key',
      ]),
    );
    sign.action(run(() => import('./sign.js')));

    const verify = cmd
      .command('verify')
      .argument('[dir]', dirArg, '.')
      .description(h.verify.description)
      .option('--trust <file>', h.verify.options.trust);
    addCommon(verify, lang, { json: true });
    verify.addHelpText('after', examples(lang, ['salesmeet minutes verify 2026-h1-review']));
    verify.action(run(() => import('./verify.js')));

    const status = cmd
      .command('status')
      .argument('[dir]', dirArg, '.')
      .description(h.status.description)
      .option('--trust <file>', h.status.options.trust);
    addCommon(status, lang, { json: true });
    status.addHelpText('after', examples(lang, ['salesmeet minutes status 2026-h1-review']));
    status.action(run(() => import('./status.js')));
    return cmd;
  },
};
