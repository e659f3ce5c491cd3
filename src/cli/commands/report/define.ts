import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const reportCommand: CommandDef = {
  name: 'report',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.report;
    const cmd = program
      .command('report')
      .argument('[dir]', h.arguments.dir, '.')
      .description(h.description)
      .option('--style <style>', h.options.style, 'data')
      .option('--period <period>', h.options.period)
      .option('--targets <file>', h.options.targets)
      .option('--new', h.options.new)
      .option('--pdf', h.options.pdf);
    addCommon(cmd, lang, { json: true, dryRun: true, force: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet report 2026-h1-review --new',
          'salesmeet report 2026-h1-review',
          'salesmeet report 2026-h1-review --style team --pdf',
          'salesmeet report 2026-h1-review --targets targets-2026-H2.xlsx',
          'salesmeet report 2026-h1-review --period 2026-Q2 --lang en',
        ],
        'report.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
