import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const checkCommand: CommandDef = {
  name: 'check',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.check;
    const cmd = program
      .command('check')
      .argument('[dir]', h.arguments.dir, '.')
      .description(h.description)
      .option('--strict', h.options.strict);
    addCommon(cmd, lang, { json: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet check 2026-h1-review',
          'salesmeet check --strict',
          'salesmeet check 2026-h1-review --json',
        ],
        'init-check.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
