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
  args: string[];
  code: 2 | 3 | 4;
  /** What stderr must contain (each entry; a RegExp or a literal). */
  stderr: (string | RegExp)[];
  /** Run as an unprivileged user (permission cases). */
  unprivileged?: boolean;
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
    edit: [['  - { name: 孙丽, role: 销售助理 }', '  - { name: 孙丽, rol: 销售助理 }']],
    args: ['check', 'm'],
    code: 3,
    stderr: [/attendees\[1\]\.rol: unknown field "rol"/, 'did you mean "role"?'],
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
    stderr: [/m\/meeting\.yaml:\d+:11: error: duration: expected a number, found "五十"/],
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
    name: 'args: no permission to write',
    args: ['agenda', 'm'],
    code: 3,
    unprivileged: true,
    stderr: [/m\/out.*: error: cannot write: permission denied/],
  },
];
