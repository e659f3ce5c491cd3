import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const templatesCommand: CommandDef = {
  name: 'templates',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.templates;
    const cmd = program.command('templates').description(h.description);
    const list = cmd
      .command('list')
      .description(h.list.description)
      .option('-m, --meeting <dir>', h.list.options.meeting)
      .option('--to <dir>', h.list.options.to);
    addCommon(list, lang, { json: true });
    list.action(run(() => import('./list.js')));
    const eject = cmd
      .command('eject')
      .argument('<name>', h.eject.arguments.name)
      .description(h.eject.description)
      .option('-m, --meeting <dir>', h.eject.options.meeting)
      .option('--to <dir>', h.eject.options.to);
    addCommon(eject, lang, { json: true, dryRun: true, force: true });
    eject.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet templates list -m 2026-h1-review',
          'salesmeet templates eject pack -m 2026-h1-review',
          'salesmeet templates eject partials/pack-style --to ../team-templates --lang en',
        ],
        'agenda-pack.md',
      ),
    );
    eject.action(run(() => import('./eject.js')));
    cmd.addHelpText(
      'after',
      examples(lang, ['salesmeet templates list', 'salesmeet templates eject pack --to team-templates']),
    );
    return cmd;
  },
};
