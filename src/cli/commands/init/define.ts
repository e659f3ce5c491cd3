import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const initCommand: CommandDef = {
  name: 'init',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('init')
      .argument('[dir]', d('meeting folder to create', '要创建的会议文件夹', '要建立的會議資料夾'), '.')
      .description(
        d(
          'scaffold a meeting folder: meeting.yaml with the preset agenda, data/ and a minutes.yaml skeleton',
          '创建会议文件夹：含预设议程的 meeting.yaml、data/ 和 minutes.yaml 模板',
          '建立會議資料夾：含預設議程的 meeting.yaml、data/ 與 minutes.yaml 範本',
        ),
      )
      .option(
        '-t, --type <type>',
        d(
          'daily, weekly, monthly, quarterly, half-year, annual or custom',
          '会议类型：daily、weekly、monthly、quarterly、half-year、annual 或 custom',
          '會議類型：daily、weekly、monthly、quarterly、half-year、annual 或 custom',
        ),
      )
      .option(
        '--title <text>',
        d(
          'meeting title (default: type and date)',
          '会议主题（默认：类型加日期）',
          '會議主題（預設：類型加日期）',
        ),
      )
      .option('-d, --date <YYYY-MM-DD>', d('meeting date', '会议日期', '會議日期'))
      .option(
        '-s, --start <HH:MM>',
        d("start time (default: the preset's)", '开始时间（默认按预设）', '開始時間（預設依範本）'),
      )
      .option(
        '--duration <minutes>',
        d(
          "booked length in minutes (default: the preset's)",
          '会议时长（分钟，默认按预设）',
          '會議時長（分鐘，預設依範本）',
        ),
      )
      .option(
        '--timezone <zone>',
        d(
          'IANA time zone (default: the system zone)',
          'IANA 时区（默认：系统时区）',
          'IANA 時區（預設：系統時區）',
        ),
      )
      .option('-l, --location <place>', d('meeting room or address', '会议地点', '會議地點'))
      .option('--online <link>', d('online meeting link', '线上会议链接', '線上會議連結'))
      .option(
        '--tool <name>',
        d(
          'online tool (Tencent Meeting, Feishu, Teams…)',
          '线上会议工具（腾讯会议、飞书、Teams…）',
          '線上會議工具（Teams、Google Meet…）',
        ),
      )
      .option('--host <name>', d('host (主持人)', '主持人', '主席'))
      .option('--recorder <name>', d('minute-taker (记录人)', '记录人', '紀錄'))
      .option(
        '-a, --attendee <"name,role,department[,optional]">',
        d('an attendee; repeat for each', '参会人；可重复', '出席人；可重複'),
        collect,
      )
      .option(
        '-o, --objective <text>',
        d('a meeting objective; repeat for each', '会议目标；可重复', '會議目標；可重複'),
        collect,
      )
      .option(
        '--topic <"title => expected outcome">',
        d(
          'a key topic with its expected outcome; repeat (3–5)',
          '重点议题及预期结果；可重复（3–5 个）',
          '重點議題與預期結果；可重複（3–5 個）',
        ),
        collect,
      )
      .option(
        '--from <dir>',
        d(
          'previous meeting folder: carry its open actions over',
          '上次会议文件夹：结转未完成的行动项',
          '上次會議資料夾：結轉未完成的行動項目',
        ),
      );
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
