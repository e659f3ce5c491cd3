/**
 * The bad-input corpus: what users and attackers feed salesmeet, and the answer each must get — a documented
 * exit code, a message on stderr that names the file and position (or sheet and cell), no stack trace, and no
 * file changed. Each case runs in a fresh copy of the weekly example (`m/`) unless it builds its own files.
 */
export interface BadInput {
  name: string;
  /** Files to write relative to the case folder; `null` makes a directory. Applied after the example is copied. */
  files?: Record<string, string | Buffer | null>;
  /** Edits of the copied example's meeting.yaml: [search, replace]. */
  edit?: [string, string][];
  /** Builds files that need exceljs (Excel cases); runs after `files`. */
  build?: (dir: string) => Promise<void>;
  args: string[];
  /** 0 for bad cells that are reported as warnings while the rest of the table is computed. */
  code: 0 | 2 | 3 | 4;
  /** What stdout must contain. */
  stdout?: (string | RegExp)[];
  /** What stderr must contain (each entry; a RegExp or a literal). */
  stderr: (string | RegExp)[];
  /** Run as an unprivileged user (permission cases): on the built binary, as `nobody` when the tests run as root. */
  unprivileged?: boolean;
  /** Needs a large input (built once and cached): runs in the slow tier (test/slow). */
  slow?: boolean;
  /** Files under the case folder that the case itself changes on purpose before running (not compared). */
}

const meeting = (extra: string) => `title: 周会\ntype: weekly\ndate: 2026-07-06\nstart: "09:00"\n${extra}`;
const deepFlow = `title: x\nextra: ${'['.repeat(1200)}${']'.repeat(1200)}\n`;
const deepBlock = Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
const aliasBomb = (() => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 9; i++) {
    const p = String.fromCharCode(97 + i);
    const n = String.fromCharCode(98 + i);
    lines.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
})();

import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cached } from '../../helpers/cache.js';
import { tempDir } from '../../helpers/cli.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

export const YAML_CASES: BadInput[] = [
  {
    name: 'yaml: unclosed flow sequence',
    files: { 'm/meeting.yaml': meeting('topics: [a, b\n') },
    args: ['check', 'm'],
    code: 3,
    stderr: [/m\/meeting\.yaml:\d+:\d+: error: YAML syntax error/],
  },
  {
    name: 'yaml: an ESC (clear screen) in an agenda outcome',
    edit: [['outcome: 确认目标完成情况与差距', 'outcome: "确认\\e[2J\\e[H目标"']],
    args: ['check', 'm', '--lang', 'en'],
    code: 3,
    stderr: [
      'm/meeting.yaml:28:55: error: agenda[0].outcome: contains a control character (U+001B ESC) at character 3',
      'hint: remove it (in YAML it may be written as an escape such as "\\e", "\\0" or "\\u202E")',
    ],
  },
  {
    name: 'yaml: an OSC window-title sequence in a topic title',
    edit: [['{ title: 上周业绩与回款,', '{ title: "\\e]0;pwned\\a上周业绩",']],
    args: ['agenda', 'm', '--lang', 'en'],
    code: 3,
    stderr: [
      'm/meeting.yaml:24:14: error: topics[0].title: contains a control character (U+001B ESC) at character 1',
    ],
  },
  {
    name: 'yaml: a NUL in an attendee name',
    edit: [['{ name: 马超,', '{ name: "马\\0超",']],
    args: ['check', 'm', '--lang', 'en'],
    code: 3,
    stderr: [
      'm/meeting.yaml:18:13: error: attendees[3].name: contains a control character (U+0000 NUL) at character 2',
    ],
  },
  {
    name: 'yaml: a C1 control in the location',
    edit: [['location: 华东大区 3 号会议室', 'location: "华东大区\\x9b3 号会议室"']],
    args: ['check', 'm', '--lang', 'zh-CN'],
    code: 3,
    stderr: ['m/meeting.yaml:11:11: 错误: location: 含有控制字符（U+009B C1 control），位于第 5 个字符'],
  },
  {
    name: 'yaml: a right-to-left override in an objective',
    edit: [['  - 跟踪上周业绩与回款进度', '  - "跟踪\\u202E度进款回"']],
    args: ['check', 'm', '--lang', 'en'],
    code: 3,
    stderr: [
      'm/meeting.yaml:21:5: error: objectives[0]: contains a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 3, which makes text display differently from what it is',
    ],
  },
  {
    name: 'yaml: a line break in a one-line field (the host)',
    edit: [['host: 王芳', 'host: "王芳\\n孙丽"']],
    args: ['check', 'm', '--lang', 'en'],
    code: 3,
    stderr: [
      'm/meeting.yaml:12:7: error: host: contains a line break at character 3; this field holds one line',
      'hint: write it on one line (multi-line text belongs in points, decisions or notes)',
    ],
  },
  {
    name: 'yaml: wrong meeting type',
    edit: [['type: weekly', 'type: weekley']],
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:5:7: error: type: expected one of', 'did you mean "weekly"?'],
  },
  {
    name: 'yaml: unknown field with did-you-mean',
    edit: [['objectives:', 'objectivs:']],
    args: ['check', 'm'],
    code: 3,
    stderr: [
      /m\/meeting\.yaml:\d+:1: error: objectivs: unknown field "objectivs"/,
      'did you mean "objectives"?',
    ],
  },
  {
    name: 'yaml: nested unknown field',
    edit: [['  - { name: 孙丽, role: 销售助理,', '  - { name: 孙丽, rol: 销售助理,']],
    args: ['check', 'm'],
    code: 3,
    stderr: [/attendees\[1\]\.rol: unknown field "rol"/, 'did you mean "role"?'],
  },
  {
    name: 'yaml: an attendee e-mail that is not an address',
    edit: [['email: sun.li@example.com', 'email: sun.li（销售助理）']],
    args: ['agenda', 'm'],
    code: 3,
    stderr: [
      'm/meeting.yaml:16:36: error: attendees[1].email: expected an e-mail address such as wang.fang@example.com, found "sun.li（销售助理）"',
    ],
  },
  {
    name: 'yaml: duplicate keys',
    files: { 'm/meeting.yaml': meeting('title: 又一个标题\n') },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:5:1: error: YAML syntax error: Map keys must be unique'],
  },
  {
    name: 'yaml: tab indentation',
    files: { 'm/meeting.yaml': meeting('attendees:\n\t- name: 王芳\n') },
    args: ['check', 'm'],
    code: 3,
    stderr: [/m\/meeting\.yaml:6:\d+: error: a tab character is used for indentation/],
  },
  {
    name: 'yaml: BOM does not shift positions',
    files: { 'm/meeting.yaml': `\uFEFF${meeting('').replace('weekly', 'weekli')}` },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:2:7: error: type:'],
  },
  {
    name: 'yaml: %YAML 1.1 directive',
    files: { 'm/meeting.yaml': `%YAML 1.1\n---\n${meeting('')}` },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:1:1: error: the file declares %YAML 1.1'],
  },
  {
    name: 'yaml: deep flow nesting',
    files: { 'm/meeting.yaml': deepFlow },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml: error: nesting is 1201 levels deep'],
  },
  {
    name: 'yaml: deep block nesting',
    files: { 'm/meeting.yaml': deepBlock },
    args: ['check', 'm'],
    code: 3,
    stderr: [/m\/meeting\.yaml: error: nesting is \d+ levels deep/],
  },
  {
    name: 'yaml: alias bomb',
    files: { 'm/meeting.yaml': aliasBomb },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml: error: too many alias references'],
  },
  {
    name: 'yaml: huge file',
    files: { 'm/meeting.yaml': `title: "${'长'.repeat(2_000_000)}"\n` },
    args: ['check', 'm'],
    code: 3,
    stderr: [
      /m\/meeting\.yaml: error: the file is \d+ bytes; a YAML file of salesmeet is at most 5242880 bytes/,
    ],
  },
  {
    name: 'yaml: binary file',
    files: { 'm/meeting.yaml': PNG },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml: error: expected a UTF-8 text file, found binary data'],
  },
  {
    name: 'yaml: empty file',
    files: { 'm/meeting.yaml': '' },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:1:1: error: the file is empty'],
  },
  {
    name: 'yaml: only a comment',
    files: { 'm/meeting.yaml': '# nothing here\n' },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:1:1: error: expected a mapping of fields'],
  },
  {
    name: 'yaml: a directory instead of a file',
    files: { 'm/minutes.yaml': null },
    args: ['check', 'm', '--lang', 'en'],
    code: 3,
    stderr: ['m/minutes.yaml: error: expected a file, found a directory'],
  },
  {
    name: 'yaml: GBK encoding',
    files: { 'm/meeting.yaml': Buffer.from('7469746c653a20d6dcbbe10a', 'hex') },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml: error: expected UTF-8 text', 'save the file as UTF-8'],
  },
  {
    name: 'yaml: top-level list',
    files: { 'm/meeting.yaml': '- title: a\n' },
    args: ['check', 'm'],
    code: 3,
    stderr: [
      'm/meeting.yaml:1:1: error: expected a mapping of fields (key: value) at the top level, found a list',
    ],
  },
  {
    name: 'yaml: several documents',
    files: { 'm/meeting.yaml': `${meeting('')}---\ntitle: b\n` },
    args: ['check', 'm'],
    code: 3,
    stderr: [/m\/meeting\.yaml:5:\d+: error: the file holds several YAML documents/],
  },
  {
    name: 'yaml: code-running tag',
    files: { 'm/meeting.yaml': meeting('location: !!js/function "function(){ process.exit(9) }"\n') },
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:5:11: error: unsupported tag'],
  },
  {
    name: 'yaml: unquoted time read as a number',
    edit: [['start: "09:00"', 'start: 0900']],
    args: ['check', 'm'],
    code: 3,
    stderr: ['error: start: expected a time HH:MM (24-hour), found 900', 'write the time in quotes'],
  },
  {
    name: 'yaml: impossible date',
    edit: [['date: 2026-07-06', 'date: 2026-02-30']],
    args: ['check', 'm'],
    code: 3,
    stderr: [/m\/meeting\.yaml:\d+:7: error: date: expected a date YYYY-MM-DD, found "2026-02-30"/],
  },
  {
    name: 'yaml: wrong type of value',
    edit: [['duration: 50', 'duration: 五十']],
    args: ['check', 'm'],
    code: 3,
    stderr: [/m\/meeting\.yaml:\d+:11: error: duration: expected a number, found text "五十"/],
  },
  {
    name: 'yaml: missing required field',
    edit: [['title: 华东大区销售周例会（第 27 周）\n', '']],
    args: ['check', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:4:1: error: title: required field is missing'],
  },
  {
    name: 'yaml: agenda overruns the meeting',
    edit: [['duration: 50', 'duration: 40']],
    args: ['check', 'm', '--lang', 'en'],
    code: 3,
    stderr: [
      /m\/meeting\.yaml:\d+:5: error: agenda\[2\]: agenda item 3 ".+" ends at 09:45, after the meeting ends at 09:40/,
    ],
  },
  {
    name: 'yaml: host not among attendees',
    edit: [['host: 王芳', 'host: 王小芳']],
    args: ['check', 'm', '--lang', 'en'],
    code: 3,
    stderr: [/m\/meeting\.yaml:\d+:7: error: host: "王小芳" is not in the attendee list/],
  },
  {
    name: 'yaml: agenda refuses an overrunning meeting',
    edit: [['duration: 50', 'duration: 40']],
    args: ['agenda', 'm'],
    code: 3,
    stderr: [/m\/meeting\.yaml:\d+:\d+: error: .*agenda item 3/],
  },
  {
    name: 'yaml: pack refuses an invalid meeting',
    edit: [['type: weekly', 'type: 周会']],
    args: ['pack', 'm'],
    code: 3,
    stderr: ['m/meeting.yaml:5:7: error: type:'],
  },
  {
    name: 'yaml: minutes with a bad attendance status',
    files: { 'm/minutes.yaml': 'attendance:\n  - { name: 王芳, status: here }\n' },
    args: ['minutes', 'm'],
    code: 3,
    stderr: ['m/minutes.yaml:2:25: error: attendance[0].status: expected one of'],
  },
  {
    name: 'yaml: an action priority outside high | medium | low',
    files: { 'm/minutes.yaml': 'actions:\n  - { what: 跟进华东回款, owner: 王芳, priority: urgent }\n' },
    args: ['actions', 'm', '--format', 'xlsx', '--out', 'tracker.xlsx', '--lang', 'en'],
    code: 3,
    stderr: [
      'm/minutes.yaml:2:42: error: actions[0].priority: expected one of high, medium, low, found "urgent"',
    ],
  },
  {
    name: 'yaml: minutes syntax error',
    files: { 'm/minutes.yaml': 'topics:\n  - title: "unterminated\n' },
    args: ['minutes', 'm'],
    code: 3,
    stderr: [/m\/minutes\.yaml:\d+:\d+: error: YAML syntax error/],
  },
  {
    name: 'yaml: actions.yaml with a bad date',
    files: { 'm/actions.yaml': 'updates:\n  - { id: "m#1", date: 2026/07/01, status: done }\n' },
    args: ['check', 'm', '--lang', 'en'],
    code: 3,
    stderr: ['m/actions.yaml:2:24: error: updates[0].date: expected a date YYYY-MM-DD'],
  },
  {
    name: 'yaml: actions.yaml unknown status',
    files: { 'm/actions.yaml': 'updates:\n  - { id: "m#1", date: 2026-07-01, status: finished }\n' },
    args: ['actions', 'm'],
    code: 3,
    stderr: [
      'm/actions.yaml:2:44: error: updates[0].status: expected one of open, in-progress, done, dropped, found "finished"',
    ],
  },
  {
    name: 'yaml: targets plan with an unknown field',
    files: {
      'plan.yaml': 'total: 12000\nunit: 万元\nperiod: 2026-H2\nregions:\n  - { name: 华东, wieght: 35 }\n',
    },
    args: ['targets', '--plan', 'plan.yaml'],
    code: 3,
    stderr: ['plan.yaml:5:17: error: regions[0].wieght: unknown field "wieght"'],
  },
  {
    name: 'yaml: targets plan is not YAML',
    files: { 'plan.yaml': 'total: [12000\n' },
    args: ['targets', '--plan', 'plan.yaml'],
    code: 3,
    stderr: [/plan\.yaml:\d+:\d+: error: YAML syntax error/],
  },
];

export const ARGUMENT_CASES: BadInput[] = [
  {
    name: 'args: unknown command',
    args: ['agneda', 'm'],
    code: 2,
    stderr: ["error: unknown command 'agneda'", '(Did you mean agenda?)'],
  },
  {
    name: 'args: unknown option',
    args: ['check', 'm', '--stirct'],
    code: 2,
    stderr: ["error: unknown option '--stirct'", '(Did you mean --strict?)', 'salesmeet check --help'],
  },
  {
    name: 'args: option without its value',
    args: ['init', 'x', '--type'],
    code: 2,
    stderr: ["error: option '-t, --type <type>' argument missing"],
  },
  {
    name: 'args: missing required value without a terminal',
    args: ['init', 'x', '--type', 'weekly'],
    code: 2,
    stderr: ['error: missing --date'],
  },
  {
    name: 'args: value that does not parse',
    args: ['init', 'x', '--yes', '--type', 'weekly', '--date', '2026-7-6'],
    code: 2,
    stderr: ['error: --date: expected a date YYYY-MM-DD, found "2026-7-6"'],
  },
  {
    name: 'args: unsupported language',
    args: ['check', 'm', '--lang', 'ja'],
    code: 2,
    stderr: ['--lang: expected zh-CN, zh-TW or en, found "ja"'],
  },
  {
    name: 'args: conflicting flags (xlsx tracker needs --out)',
    args: ['actions', 'm', '--format', 'xlsx'],
    code: 2,
    stderr: ['error:'],
  },
  {
    name: 'args: a folder that does not exist',
    args: ['check', 'nowhere'],
    code: 3,
    stderr: ['nowhere: error: meeting folder not found', 'salesmeet init nowhere'],
  },
  {
    name: 'args: a file where a folder is expected',
    args: ['agenda', 'm/meeting.yaml'],
    code: 3,
    stderr: ['m/meeting.yaml: error: expected a meeting folder, found a file'],
  },
  {
    name: 'args: a folder without meeting.yaml',
    files: { 'empty/.keep': '' },
    args: ['pack', 'empty'],
    code: 3,
    stderr: ['empty: error: no meeting.yaml in this folder'],
  },
  {
    name: 'args: init would overwrite the meeting',
    args: ['init', 'm', '--yes', '--type', 'weekly', '--date', '2026-07-06'],
    code: 4,
    stderr: ['m/meeting.yaml: error: refusing to overwrite m/meeting.yaml', '--force'],
  },
  {
    name: 'args: minutes --new would overwrite the minutes',
    files: { 'm/minutes.yaml': 'attendance: []\n' },
    args: ['minutes', '--new', 'm'],
    code: 4,
    stderr: ['refusing to overwrite', 'm/minutes.yaml'],
  },
  {
    name: 'args: targets --out would overwrite a file',
    files: { 'plan.xlsx': 'mine' },
    args: ['targets', '--total', '100', '--period', '2026-Q3', '--out', 'plan.xlsx'],
    code: 4,
    stderr: ['refusing to overwrite plan.xlsx'],
  },
  {
    name: 'args: minutes sign --as an empty name',
    files: { 'm/minutes.yaml': 'attendance: []\n' },
    args: ['minutes', 'sign', 'm', '--as', '', '--lang', 'en'],
    code: 2,
    stderr: ['error: --as: expected text of at least 1 characters, found ""'],
  },
  {
    name: 'args: keys generate --as a blank name',
    args: ['keys', 'generate', '--as', '  ', '--lang', 'en'],
    code: 2,
    stderr: ['error: --as: expected text of at least 1 characters'],
  },
  {
    name: 'args: init into a folder whose name is too long',
    args: ['init', 'x'.repeat(300), '--type', 'weekly', '--date', '2026-07-06', '--lang', 'en'],
    code: 3,
    stderr: [`${'x'.repeat(300)}: error: cannot write: the name is too long for the file system`],
  },
  {
    name: 'args: kpi --out a device, even with --force',
    args: ['kpi', '--meeting', 'm', '--out', '/dev/full', '--force', '--lang', 'en'],
    code: 3,
    stderr: [
      'is not a regular file (a device, pipe or socket); salesmeet replaces only regular files, even with --force',
    ],
  },
  {
    name: 'args: out/ is a link to a folder elsewhere',
    build: async (dir) => {
      const { mkdirSync, symlinkSync } = await import('node:fs');
      mkdirSync(join(dir, 'elsewhere'));
      symlinkSync(join(dir, 'elsewhere'), join(dir, 'm', 'out'));
    },
    args: ['agenda', 'm', '--lang', 'en'],
    code: 3,
    stderr: [
      'm/out/agenda.md: error: m/out/agenda.md is outside the folder m; salesmeet writes only inside it',
    ],
  },
  {
    name: 'args: no permission to write',
    args: ['agenda', 'm'],
    code: 3,
    unprivileged: true,
    stderr: [/m\/out.*: error: cannot write: permission denied/],
  },
];

/** A summary sheet with the worked example of DESIGN.md; `mut` spoils it. */
async function summary(file: string, mut?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KPI');
  ws.addRow(['指标', '单位', '目标值', '实际完成', '去年同期']);
  ws.addRow(['销售额', '万元', 10000, 9200, 8000]);
  ws.addRow(['回款率', '%', 90, 85, 88]);
  ws.addRow(['新客户数', '家', 200, 180, 150]);
  mut?.(wb, ws);
  await wb.xlsx.writeFile(file);
}
const kpi = (file: string, ...more: string[]) => [
  'kpi',
  file,
  '--period',
  '2026-H1',
  '--as-of',
  '2026-06-30',
  '--lang',
  'en',
  ...more,
];
const bytes = (name: string, content: Buffer | string) => async (dir: string) => {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dir, name), content);
};

export const EXCEL_CASES: BadInput[] = [
  {
    name: 'excel: truncated workbook',
    build: async (dir) => {
      await summary(join(dir, 'full.xlsx'));
      const b = readFileSync(join(dir, 'full.xlsx'));
      await bytes('kpi.xlsx', b.subarray(0, Math.floor(b.length / 2)))(dir);
    },
    args: kpi('kpi.xlsx'),
    code: 3,
    stderr: ['kpi.xlsx: error: the workbook is incomplete: its zip archive is cut short'],
  },
  {
    name: 'excel: a CSV named .xlsx',
    build: bytes('kpi.xlsx', '指标,目标,实际\n销售额,100,90\n'),
    args: kpi('kpi.xlsx'),
    code: 3,
    stderr: [
      'kpi.xlsx: error: expected an Excel workbook (.xlsx), found text that looks like CSV',
      'rename it to .csv (or .tsv for tab-separated text): salesmeet reads CSV files too',
    ],
  },
  {
    name: 'excel: an empty file',
    build: bytes('kpi.xlsx', ''),
    args: kpi('kpi.xlsx'),
    code: 3,
    stderr: ['kpi.xlsx: error: expected an Excel workbook (.xlsx), found an empty file'],
  },
  {
    name: 'excel: a password-protected workbook',
    build: bytes('kpi.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)])),
    args: kpi('kpi.xlsx'),
    code: 3,
    stderr: [
      'kpi.xlsx: error: expected an Excel workbook (.xlsx), found a password-protected workbook or an old .xls file',
      'remove the password',
    ],
  },
  {
    name: 'excel: a zip bomb (600 MB of shared strings in a 600 kB file)',
    slow: true,
    // Compressing 600 MB takes a while: built once into a cache (a new name when the recipe changes), then copied.
    build: async (dir) => {
      const bomb = await cached('zip-bomb-600mb-v1.xlsx', async () => {
        const { dir: work, cleanup } = tempDir('salesmeet-bomb-');
        try {
          await summary(join(work, 'ok.xlsx'));
          const zip = await JSZip.loadAsync(readFileSync(join(work, 'ok.xlsx')));
          zip.file(
            'xl/sharedStrings.xml',
            Buffer.concat([
              Buffer.from('<sst>'),
              Buffer.alloc(600 * 1024 * 1024, 0x41),
              Buffer.from('</sst>'),
            ]),
          );
          return await zip.generateAsync({
            type: 'nodebuffer',
            compression: 'DEFLATE',
            compressionOptions: { level: 9 },
          });
        } finally {
          cleanup();
        }
      });
      copyFileSync(bomb, join(dir, 'kpi.xlsx'));
    },
    args: kpi('kpi.xlsx'),
    code: 3,
    stderr: [
      'kpi.xlsx: error: refusing to read xl/sharedStrings.xml: it would expand to 600.0 MB (limit 100.0 MB)',
    ],
  },
  {
    name: 'excel: a sheet with 16384 columns beside the KPI sheet',
    build: (dir) =>
      summary(join(dir, 'kpi.xlsx'), (wb) => {
        const w = wb.addWorksheet('Wide');
        const row = Array.from({ length: 16384 }, (_, i) => (i % 7 === 0 ? `列${i}` : i));
        w.addRow(row);
        w.addRow(row);
      }),
    args: kpi('kpi.xlsx', '--verbose'),
    code: 0,
    stderr: ['kpi.xlsx [Wide]: skipped: no recognisable header row'],
    stdout: [/Revenue\s+万元\s+10,000\s+9,200\s+92\.0%/],
  },
  {
    name: 'excel: formula errors are reported by cell and the metric shows as missing',
    build: (dir) =>
      summary(join(dir, 'kpi.xlsx'), (_wb, ws) => {
        ws.getCell('D3').value = { formula: 'B1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
        ws.getCell('C4').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellValue;
      }),
    args: kpi('kpi.xlsx'),
    code: 0,
    stderr: [
      'warning: kpi.xlsx [KPI]!D3: expected a number, found #DIV/0!',
      'warning: kpi.xlsx [KPI]!C4: expected a number, found #N/A',
    ],
    stdout: [/Collection rate\s+%\s+90\.0%\s+—/],
  },
  {
    name: 'excel: text where a number belongs',
    build: (dir) =>
      summary(join(dir, 'kpi.xlsx'), (_wb, ws) => {
        ws.getCell('D2').value = '九千二';
      }),
    args: kpi('kpi.xlsx'),
    code: 0,
    stderr: ['warning: kpi.xlsx [KPI]!D2: expected a number, found 九千二'],
    stdout: [/Revenue\s+万元\s+10,000\s+—/],
  },
  {
    name: 'excel: merged header chaos (title row, two header rows, a merged empty block)',
    build: async (dir) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('明细');
      ws.addRow(['2026 年上半年销售（单位：万元）']);
      ws.mergeCells('A1:F1');
      ws.addRow(['区域', '区域', '金额', '金额', '', '']);
      ws.mergeCells('A2:B2');
      ws.mergeCells('C2:D2');
      ws.mergeCells('E2:F3');
      ws.addRow(['大区', '省份', '目标', '实际']);
      ws.addRow(['华东', '上海', 100, 90]);
      ws.addRow(['华东', '江苏', 80, 84]);
      await wb.xlsx.writeFile(join(dir, 'kpi.xlsx'));
    },
    args: kpi('kpi.xlsx'),
    code: 0,
    stderr: [],
    stdout: [/Revenue\s+180\s+174\s+96\.7%/],
  },
  {
    name: 'excel: the 1904 date system',
    build: async (dir) => {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('订单');
      ws.addRow(['日期', '区域', '销售额(万元)']);
      ws.addRow([new Date(Date.UTC(2026, 5, 10)), '华东', 100]);
      ws.addRow([new Date(Date.UTC(2026, 4, 20)), '华南', 50]);
      ws.getColumn(1).numFmt = 'yyyy-mm-dd';
      await wb.xlsx.writeFile(join(dir, 'kpi.xlsx'));
    },
    args: ['kpi', 'kpi.xlsx', '--period', '2026-06', '--as-of', '2026-06-30', '--lang', 'en'],
    code: 0,
    stderr: [],
    stdout: [/KPI 2026-06 · 2026-06-01 ~ 2026-06-30/, /Revenue\s+万元\s+100\b/],
  },
  {
    name: 'excel: no recognisable headers',
    build: async (dir) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('随便');
      ws.addRow(['姓名', '爱好', '电话']);
      ws.addRow(['张三', '篮球', '123']);
      await wb.xlsx.writeFile(join(dir, 'kpi.xlsx'));
    },
    args: kpi('kpi.xlsx'),
    code: 3,
    stderr: ['kpi.xlsx: error: no sheet with recognisable KPI headers'],
  },
  {
    name: 'excel: a file that does not exist',
    args: kpi('nope.xlsx'),
    code: 3,
    stderr: ['nope.xlsx: error: file not found'],
  },
  {
    name: 'excel: a folder with no workbook',
    files: { 'data/readme.txt': 'x' },
    args: kpi('data'),
    code: 3,
    stderr: ['data'],
  },
  {
    name: 'excel: an export named in meeting.yaml is missing',
    args: ['kpi', '--meeting', 'm', '--lang', 'en'],
    code: 3,
    stderr: ['m/data/weekly-orders.xlsx'],
    files: { 'm/data/weekly-orders.xlsx': null },
  },
  {
    name: 'args: kpi without files',
    args: ['kpi', '--lang', 'en'],
    code: 2,
    stderr: ['error: no KPI files given'],
  },
  {
    name: 'args: kpi with an unknown format',
    args: ['kpi', 'm/data/weekly-orders.xlsx', '--format', 'pdf', '--lang', 'en'],
    code: 2,
    stderr: ['error: --format: expected table, md, csv, xlsx or json, found "pdf"'],
  },
  {
    name: 'args: kpi with a bad period',
    args: ['kpi', 'm/data/weekly-orders.xlsx', '--period', '2026-13', '--lang', 'en'],
    code: 2,
    stderr: ['found "2026-13"'],
  },
  {
    name: 'args: kpi --json with --format csv',
    args: ['kpi', 'm/data/weekly-orders.xlsx', '--json', '--format', 'csv', '--lang', 'en'],
    code: 2,
    stderr: ['error: --json and --format csv cannot be used together'],
  },
  {
    name: 'args: kpi --by an unknown dimension',
    args: ['kpi', 'm/data/weekly-orders.xlsx', '--by', 'planet', '--lang', 'en'],
    code: 2,
    stderr: ['cannot break down by "planet"'],
  },
  {
    name: 'args: kpi --out would overwrite a file',
    files: { 'report.xlsx': 'mine' },
    args: ['kpi', 'm/data/weekly-orders.xlsx', '--out', 'report.xlsx', '--lang', 'en'],
    code: 4,
    stderr: ['refusing to overwrite report.xlsx'],
  },
];
