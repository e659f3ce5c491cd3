import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const packCommand: CommandDef = {
  name: 'pack',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.pack;
    const cmd = program
      .command('pack')
      .argument('[dir]', h.arguments.dir, '.')
      .description(h.description)
      .option('--pdf', h.options.pdf);
    cmd.option('--kpi <file>', h.options.kpi);
    addCommon(cmd, lang, { json: true, dryRun: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet pack 2026-h1-review',
          'salesmeet pack 2026-h1-review --pdf',
          'salesmeet kpi --json > kpi.json && salesmeet pack 2026-h1-review --kpi kpi.json',
          'salesmeet pack 2026-h1-review --lang en --pdf',
        ],
        'agenda-pack.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
