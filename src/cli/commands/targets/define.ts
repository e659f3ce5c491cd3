import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

export const targetsCommand: CommandDef = {
  name: 'targets',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.targets;
    const cmd = program
      .command('targets')
      .description(h.description)
      .option('--plan <file>', h.options.plan)
      .option('--total <amount>', h.options.total)
      .option('--unit <unit>', h.options.unit)
      .option('--period <period>', h.options.period)
      .option('--by <levels>', h.options.by)
      .option('--regions <list>', h.options.regions)
      .option('--quarters <weights>', h.options.quarters)
      .option('--months <weights>', h.options.months)
      .option('--history <file>', h.options.history, (v: string, prev: string[] = []) => [...prev, v])
      .option('--floor <amount>', h.options.floor)
      .option('--reserve <margin>', h.options.reserve)
      .option('--precision <digits>', h.options.precision)
      .option('--format <format>', h.options.format)
      .option('-o, --out <file>', h.options.out);
    addCommon(cmd, lang, { json: true, dryRun: true, force: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet targets --total 12000 --unit 万元 --period 2026-H2 --regions "华东=35,华南=25,华北=22,西部=18" --reserve 10%',
          'salesmeet targets --total 1200 --period 2026 --quarters 20,25,25,30 --out targets-2026.xlsx',
          'salesmeet targets --plan plan.yaml --out targets-2026-H2.xlsx --lang zh-CN',
          'salesmeet targets --total 12000 --unit 万元 --period 2026-H2 --by region,month --history data/orders.xlsx',
          'salesmeet targets --plan plan.yaml --json',
        ],
        'targets.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
