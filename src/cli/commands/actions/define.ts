import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const actionsCommand: CommandDef = {
  name: 'actions',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.actions;
    const cmd = program
      .command('actions')
      .argument('[dirs...]', h.arguments.dirs)
      .description(h.description)
      .option('--owner <name>', h.options.owner)
      .option('--status <status>', h.options.status)
      .option('--overdue', h.options.overdue)
      .option('--note <text>', h.options.note)
      .option('--by <name>', h.options.by)
      .option('--as-of <YYYY-MM-DD>', h.options.asOf)
      .option('--kpi <file|dir>', h.options.kpi, (v: string, prev: string[] = []) => [...prev, v])
      .option('--kpi-period <period>', h.options.kpiPeriod)
      .option('--format <format>', h.options.format)
      .option('-o, --out <file>', h.options.out);
    addCommon(cmd, lang, { json: true, force: true, dryRun: true });
    // `actions update <id> [dir] --status S --note N` is read by this command's own action rather than a
    // commander subcommand: commander would give `--status` to the list filter of the same name.
    cmd.usage(h.usage);
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet actions examples/',
          'salesmeet actions 2026-h1-review 2026-07-monthly --overdue',
          'salesmeet actions . --owner 王芳 --json',
          'salesmeet actions . --format xlsx --out tracker.xlsx',
          'salesmeet actions update "2026-h1-review#1" 2026-h1-review --status done --note "已收回 320 万元"',
        ],
        'minutes-actions.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
