import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const kpiCommand: CommandDef = {
  name: 'kpi',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.kpi;
    const cmd = program
      .command('kpi')
      .argument('[files...]', h.arguments.files)
      .description(h.description)
      .option('-m, --meeting <dir>', h.options.meeting)
      .option('-p, --period <period>', h.options.period)
      .option('--ytd', h.options.ytd)
      .option('--as-of <YYYY-MM-DD>', h.options.asOf)
      .option('--workdays', h.options.workdays)
      .option('-b, --by <dims>', h.options.by, collect)
      .option('--columns <field=header,…>', h.options.columns, collect)
      .option('--encoding <name>', h.options.encoding)
      .option('--won <stages>', h.options.won, collect)
      .option('--lost <stages>', h.options.lost, collect)
      .option('--metric <name>', h.options.metric, collect)
      .option('-f, --format <format>', h.options.format)
      .option('--no-fast', h.options.noFast)
      .option('-o, --out <file>', h.options.out);
    addCommon(cmd, lang, { json: true, force: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet kpi data/kpi-2026-h1.xlsx --period 2026-H1',
          'salesmeet kpi data/ --period 2026-06 --by region --as-of 2026-06-18 --workdays',
          'salesmeet kpi --meeting 2026-h1-review --by region,product',
          'salesmeet kpi data/orders.xlsx data/targets.xlsx --ytd --period 2026-06 --out out/kpi.xlsx',
          'salesmeet kpi data/kpi.xlsx --json',
          'salesmeet kpi 销售出库单.xlsx --columns actual=价税合计,team=销售部门 --by 部门',
          'salesmeet kpi opportunities.xlsx --won "Signed,Paid" --period 2026-Q2',
        ],
        'kpi.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
