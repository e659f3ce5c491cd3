import type { Command } from 'commander';
import { catalogue } from '../../../i18n/index.js';
import { addCommon, type CommandDef, examples } from '../types.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const initCommand: CommandDef = {
  name: 'init',
  define(program, lang, run): Command {
    const h = catalogue(lang).help.init;
    const cmd = program
      .command('init')
      .argument('[dir]', h.arguments.dir, '.')
      .description(h.description)
      .option('-t, --type <type>', h.options.type)
      .option('--title <text>', h.options.title)
      .option('-d, --date <YYYY-MM-DD>', h.options.date)
      .option('-s, --start <HH:MM>', h.options.start)
      .option('--duration <minutes>', h.options.duration)
      .option('--timezone <zone>', h.options.timezone)
      .option('-l, --location <place>', h.options.location)
      .option('--online <link>', h.options.online)
      .option('--tool <name>', h.options.tool)
      .option('--host <name>', h.options.host)
      .option('--recorder <name>', h.options.recorder)
      .option('-a, --attendee <"name,role,department[,optional]">', h.options.attendee, collect)
      .option('-o, --objective <text>', h.options.objective, collect)
      .option('--topic <"title => expected outcome">', h.options.topic, collect)
      .option('--from <dir>', h.options.from);
    addCommon(cmd, lang, { json: true, dryRun: true, force: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet init 2026-07-monthly --yes --type monthly --date 2026-07-31 --host 王芳 --recorder 李娜',
          'salesmeet init 2026-h1-review --type half-year --date 2026-07-10 --topic "华东回款落后 => 确定追回计划"',
          'salesmeet init 2026-08-monthly --type monthly --date 2026-08-31 --from 2026-07-monthly',
          'salesmeet init            # asks each question when run in a terminal',
        ],
        'init-check.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
