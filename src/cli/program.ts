import type { Lang } from '../core/i18n/lang.js';
import { VERSION } from '../version.js';
import { Command } from './commander.js';
import { actionsCommand } from './commands/actions/define.js';
import { agendaCommand } from './commands/agenda/define.js';
import { checkCommand } from './commands/check/define.js';
import { initCommand } from './commands/init/define.js';
import { keysCommand } from './commands/keys/define.js';
import { kpiCommand } from './commands/kpi/define.js';
import { minutesCommand } from './commands/minutes/define.js';
import { packCommand } from './commands/pack/define.js';
import { targetsCommand } from './commands/targets/define.js';
import { templatesCommand } from './commands/templates/define.js';
import { examples, type Runner, tr } from './commands/types.js';

/** The command registry: every command's light definition, its action loaded only when it runs. */
export const COMMANDS = [
  initCommand,
  checkCommand,
  kpiCommand,
  agendaCommand,
  packCommand,
  minutesCommand,
  actionsCommand,
  keysCommand,
  targetsCommand,
  templatesCommand,
];

export function buildProgram(
  lang: Lang,
  run: Runner,
  output: { out: (s: string) => void; err: (s: string) => void },
): Command {
  const program = new Command('salesmeet');
  program
    .description(
      tr(lang, {
        en: 'Prepare sales meetings and keep their record: agenda, KPI tables, pre-read pack, minutes with sign-off, actions.',
        'zh-CN': '销售会议的会前准备与会后记录：议程、KPI 达成表、会前资料包、会议纪要签字确认、行动项跟踪。',
        'zh-TW': '業務會議的會前準備與會後紀錄：議程、KPI 達成表、會前資料、會議紀錄簽核、行動項目追蹤。',
      }),
    )
    .version(VERSION, '-V, --version')
    .option(
      '--lang <lang>',
      tr(lang, {
        en: 'language: zh-CN, zh-TW or en',
        'zh-CN': '语言：zh-CN、zh-TW 或 en',
        'zh-TW': '語言：zh-CN、zh-TW 或 en',
      }),
    )
    .option(
      '--verbose',
      tr(lang, {
        en: 'show details and stack traces',
        'zh-CN': '显示详细信息和堆栈',
        'zh-TW': '顯示詳細資訊與堆疊',
      }),
    )
    .option('--no-color', tr(lang, { en: 'no colours', 'zh-CN': '不使用颜色', 'zh-TW': '不使用顏色' }))
    .option(
      '-y, --yes',
      tr(lang, {
        en: 'no prompts: use flags and defaults',
        'zh-CN': '不提问：使用参数和默认值',
        'zh-TW': '不提問：使用參數與預設值',
      }),
    )
    .option(
      '--no-input',
      tr(lang, {
        en: 'never prompt (same as --yes)',
        'zh-CN': '从不提问（同 --yes）',
        'zh-TW': '從不提問（同 --yes）',
      }),
    )
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
  for (const def of COMMANDS) def.define(program, lang, run);
  return program;
}
