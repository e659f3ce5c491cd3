import type { Lang } from '../core/i18n/lang.js';
import { catalogue } from '../i18n/index.js';
import { VERSION } from '../version.js';
import { Command } from './commander.js';
import { actionsCommand } from './commands/actions/define.js';
import { agendaCommand } from './commands/agenda/define.js';
import { checkCommand } from './commands/check/define.js';
import { initCommand } from './commands/init/define.js';
import { keysCommand } from './commands/keys/define.js';
import { kpiCommand } from './commands/kpi/define.js';
import { minutesCommand } from './commands/minutes/define.js';
import { noticeCommand } from './commands/notice/define.js';
import { packCommand } from './commands/pack/define.js';
import { reportCommand } from './commands/report/define.js';
import { targetsCommand } from './commands/targets/define.js';
import { templatesCommand } from './commands/templates/define.js';
import { examples, type Runner } from './commands/types.js';

/** The command registry: every command's light definition, its action loaded only when it runs. */
export const COMMANDS = [
  initCommand,
  checkCommand,
  kpiCommand,
  agendaCommand,
  packCommand,
  noticeCommand,
  minutesCommand,
  reportCommand,
  actionsCommand,
  keysCommand,
  targetsCommand,
  templatesCommand,
];

/**
 * The program with every command, or with `only` the named one: a run of one command needs no other command's
 * options and help words (commander would build them all, a few ms of every start). The root's help and an
 * unknown command's suggestion need them all, so main builds them all unless argv names a command.
 */
export function buildProgram(
  lang: Lang,
  run: Runner,
  output: { out: (s: string) => void; err: (s: string) => void },
  only?: string,
): Command {
  const program = new Command('salesmeet');
  const h = catalogue(lang).help.program;
  program
    .description(h.description)
    .version(VERSION, '-V, --version')
    .option('--lang <lang>', h.options.lang)
    .option('--verbose', h.options.verbose)
    .option('--no-color', h.options.noColor)
    .option('-y, --yes', h.options.yes)
    .option('--no-input', h.options.noInput)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    // A fixed width: help reads the same in every terminal, so the build can pre-render it (see bin/salesmeet.js).
    .configureHelp({ helpWidth: 100 })
    .addHelpText(
      'after',
      examples(lang, [
        'salesmeet init 2026-h1-review --type half-year --date 2026-07-10',
        'salesmeet check 2026-h1-review',
        'salesmeet <command> --help',
      ]),
    );
  for (const def of COMMANDS) if (only === undefined || def.name === only) def.define(program, lang, run);
  return program;
}
