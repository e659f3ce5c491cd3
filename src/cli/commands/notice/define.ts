import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const noticeCommand: CommandDef = {
  name: 'notice',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.notice;
    const cmd = program
      .command('notice')
      .argument('[dir]', h.arguments.dir, '.')
      .description(h.description)
      .option('--pdf', h.options.pdf);
    addCommon(cmd, lang, { json: true, dryRun: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet notice 2026-h1-review',
          'salesmeet notice 2026-h1-review --pdf',
          'salesmeet notice --lang en',
        ],
        'agenda-pack.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
