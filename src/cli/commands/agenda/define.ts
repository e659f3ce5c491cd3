import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const agendaCommand: CommandDef = {
  name: 'agenda',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.agenda;
    const cmd = program.command('agenda').argument('[dir]', h.arguments.dir, '.').description(h.description);
    addCommon(cmd, lang, { json: true, dryRun: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet agenda 2026-h1-review',
          'salesmeet agenda 2026-h1-review --json',
          'salesmeet agenda --lang en --dry-run',
        ],
        'agenda-pack.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
