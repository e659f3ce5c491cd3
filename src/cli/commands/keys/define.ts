import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const keysCommand: CommandDef = {
  name: 'keys',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.keys;
    const cmd = program.command('keys').description(h.description);
    const gen = cmd
      .command('generate')
      .argument('[dir]', h.generate.arguments.dir)
      .description(h.generate.description)
      .requiredOption('--as <name>', h.generate.options.as);
    addCommon(gen, lang, { json: true, dryRun: true, force: true });
    gen.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet keys generate --as 王芳 2026-h1-review',
          'SALESMEET_KEYS_DIR=~/secure/keys salesmeet keys generate --as "Wang Fang"',
        ],
        'minutes-actions.md',
      ),
    );
    gen.action(run(() => import('./generate.js')));
    cmd.addHelpText('after', examples(lang, ['salesmeet keys generate --as 王芳 2026-h1-review']));
    return cmd;
  },
};
