import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyExample, STACK_RE, snapshotTree, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const run = async (args: string[], env?: Record<string, string | undefined>) =>
  await runIn(args, { cwd: tmp.dir, env });

const monthly = [
  '--yes',
  '--type',
  'monthly',
  '--title',
  '6月销售例会',
  '--date',
  '2026-06-30',
  '--start',
  '09:00',
  '--host',
  '王芳',
  '--recorder',
  '李娜',
  '--lang',
  'zh-CN',
];

describe('salesmeet init (non-interactive)', () => {
  it('scaffolds a folder that check accepts', async () => {
    const r = await run([
      'init',
      'demo',
      ...monthly,
      '--attendee',
      '张伟,华北大区经理,华北大区',
      '--attendee',
      '周杰，财务经理，财务部，optional',
      '--objective',
      '回顾 6 月达成',
      '--topic',
      '6 月业绩回顾 => 明确差距原因',
      '--topic',
      '回款 => 确定追收计划',
      '--topic',
      '7 月目标分解 => 分解到大区',
      '--timezone',
      'Asia/Shanghai',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '已写入：',
        '  新建  demo/',
        '  新建  demo/data/',
        '  新建  demo/meeting.yaml',
        '  新建  demo/minutes.yaml',
        '',
        '下一步：',
        '  编辑 demo/meeting.yaml',
        '  salesmeet check demo',
        '',
      ].join('\n'),
    );
    const text = readFileSync(join(tmp.dir, 'demo/meeting.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=.*\/schema\/meeting\.schema\.json$/,
    );
    expect(text).toContain('  # 09:10–09:30\n  - title: 本月业绩回顾（目标 vs 实际）');
    const m = parse(text);
    expect(m).toMatchObject({
      title: '6月销售例会',
      type: 'monthly',
      date: '2026-06-30',
      start: '09:00',
      duration: 120,
      timezone: 'Asia/Shanghai',
      lang: 'zh-CN',
      host: '王芳',
      recorder: '李娜',
    });
    expect(m.attendees).toEqual([
      { name: '王芳', role: '主持人', required: true },
      { name: '李娜', role: '记录人', required: true },
      { name: '张伟', role: '华北大区经理', department: '华北大区', required: true },
      { name: '周杰', role: '财务经理', department: '财务部', required: false },
    ]);
    expect(m.topics[1]).toEqual({ title: '回款', outcome: '确定追收计划' });
    expect(m.agenda).toHaveLength(6);
    expect(m.preRead).toEqual({ due: '2026-06-28' });
    expect(existsSync(join(tmp.dir, 'demo/data'))).toBe(true);
    const minutes = parse(readFileSync(join(tmp.dir, 'demo/minutes.yaml'), 'utf8'));
    expect(minutes.attendance.map((a: { name: string }) => a.name)).toEqual(['王芳', '李娜', '张伟', '周杰']);
    expect(minutes.topics).toHaveLength(6);

    const check = await run(['check', 'demo']);
    expect(check.code).toBe(0);
    // The one piece of advice: no attendee has an e-mail for the invite yet.
    expect(check.stdout).toBe('demo/meeting.yaml, demo/minutes.yaml：校验通过（1 条建议）\n');
    expect(check.stderr).toContain('没有任何参会人填写 `email`');
  });

  it('refuses to overwrite (exit 4) and changes nothing; --force overwrites', async () => {
    const before = snapshotTree(join(tmp.dir, 'demo'));
    const r = await run([
      'init',
      'demo',
      ...monthly.filter((a) => a !== '6月销售例会' && a !== '--title'),
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      'demo/meeting.yaml: error: refusing to overwrite 2 existing files: demo/meeting.yaml, demo/minutes.yaml\n  hint: it is your file and it already exists; pass --force to replace it\n',
    );
    expect(snapshotTree(join(tmp.dir, 'demo'))).toEqual(before);
    const f = await run(['init', 'demo', ...monthly, '--force', '--title', '改过的标题']);
    expect(f.code).toBe(0);
    expect(f.stdout).toContain('  覆盖  demo/meeting.yaml');
    expect(parse(readFileSync(join(tmp.dir, 'demo/meeting.yaml'), 'utf8')).title).toBe('改过的标题');
  });

  it('--dry-run shows the plan and writes nothing', async () => {
    const r = await run([
      'init',
      'dry',
      '--yes',
      '--type',
      'weekly',
      '--date',
      '2026-07-06',
      '--dry-run',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Would write (dry run, nothing written):\n  create  dry/\n  create  dry/data/\n  create  dry/meeting.yaml\n  create  dry/minutes.yaml\n',
    );
    expect(existsSync(join(tmp.dir, 'dry'))).toBe(false);
  });

  it('--json describes the plan', async () => {
    const r = await run(['init', 'j', '--yes', '--type', 'daily', '--date', '2026-07-06', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      schema: 'salesmeet.init/1',
      dir: 'j',
      dryRun: false,
      files: [
        { path: 'j/meeting.yaml', action: 'create' },
        { path: 'j/minutes.yaml', action: 'create' },
      ],
      dirs: [
        { path: 'j', action: 'create' },
        { path: 'j/data', action: 'create' },
      ],
      carried: [],
    });
  });

  it('without a terminal, a missing required value is a usage error naming the flag', async () => {
    const r = await run(['init', 'x', '--type', 'weekly']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: missing --date: the meeting date is required when salesmeet cannot ask (--yes, --no-input, CI or no terminal)\n',
    );
    const b = await run(['init', 'x', '--yes', '--type', 'weekley', '--date', '2026-07-06']);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe(
      'error: --type: expected one of daily, weekly, monthly, quarterly, half-year, annual, custom, found "weekley"\n  hint: did you mean "weekly"?\n',
    );
    const c = await run(['init', 'x', '--yes', '--type', 'weekly', '--date', '2026/07/06']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('error: --date: expected a date YYYY-MM-DD, found "2026/07/06"');
    expect(r.stderr + b.stderr + c.stderr).not.toMatch(STACK_RE);
    expect(existsSync(join(tmp.dir, 'x'))).toBe(false);
  });

  it('--from carries the open actions of the previous meeting into the first agenda item', async () => {
    copyExample('2026-h1-review', tmp.dir);
    writeFileSync(
      join(tmp.dir, '2026-h1-review/actions.yaml'),
      'updates:\n  - { id: "2026-h1-review#2", date: 2026-07-14, status: done, note: 已发出 }\n  - { id: "2026-h1-review#1", date: 2026-07-15, status: in-progress }\n',
    );
    const r = await run([
      'init',
      '2026-08-weekly',
      '--yes',
      '--type',
      'weekly',
      '--date',
      '2026-08-03',
      '--from',
      '2026-h1-review',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Carried over 2 open action(s) from the previous meeting.');
    const m = parse(readFileSync(join(tmp.dir, '2026-08-weekly/meeting.yaml'), 'utf8'));
    expect(m.previous).toBe('../2026-h1-review');
    // No --title: the meeting is named after its ISO week (2026-08-03 is the Monday of week 32).
    expect(m.title).toBe('Week 32 2026 sales meeting');
    expect(m.agenda[0]).toEqual({
      title: "Review of last meeting's actions",
      minutes: 5,
      notes:
        '2026-h1-review#1 制定华东重点客户回款追收计划并每周跟进 (王芳, 2026-07-17)\n2026-h1-review#3 制定华南新客户开发方案 (刘强, 2026-07-31)',
    });
    expect(m.duration).toBe(55);
    expect(
      m.carriedActions.map((c: { id: string; status: string; carried: number }) => [
        c.id,
        c.status,
        c.carried,
      ]),
    ).toEqual([
      ['2026-h1-review#1', 'in-progress', 1],
      ['2026-h1-review#3', 'open', 1],
    ]);

    // Carried again: the count goes up, and at three the item is flagged for escalation.
    await run([
      'init',
      'w2',
      '--yes',
      '--type',
      'weekly',
      '--date',
      '2026-08-10',
      '--from',
      '2026-08-weekly',
    ]);
    const third = await run([
      'init',
      'w3',
      '--yes',
      '--type',
      'weekly',
      '--date',
      '2026-08-17',
      '--from',
      'w2',
      '--lang',
      'en',
    ]);
    expect(third.code).toBe(0);
    expect(third.stderr).toContain(
      'warning: 2026-h1-review#1 "制定华东重点客户回款追收计划并每周跟进" has been carried over 3 times: escalate it',
    );
    const w3 = parse(readFileSync(join(tmp.dir, 'w3/meeting.yaml'), 'utf8'));
    expect(w3.carriedActions.map((c: { carried: number }) => c.carried)).toEqual([3, 3]);
    expect(w3.agenda[0].notes).toContain('⚠');
  });
});

describe('salesmeet init on a machine whose time zone is UTC', () => {
  const base = ['--yes', '--type', 'weekly', '--date', '2026-07-06', '--host', '王芳'];
  const zoneOf = (dir: string) => parse(readFileSync(join(tmp.dir, dir, 'meeting.yaml'), 'utf8')).timezone;

  it.each([
    [
      'zh-CN',
      'Asia/Shanghai',
      '时区：本机为 UTC，会议按 Asia/Shanghai（北京时间）安排；如需更改，请修改 meeting.yaml 的 `timezone:` 或使用 --timezone\n',
    ],
    [
      'zh-TW',
      'Asia/Taipei',
      '時區：本機為 UTC，會議依 Asia/Taipei（台北時間）安排；如需變更，請修改 meeting.yaml 的 `timezone:` 或使用 --timezone\n',
    ],
  ])('a %s meeting gets %s and says so in one line on stderr', async (lang, zone, line) => {
    const dir = `utc-${lang}`;
    const r = await run(['init', dir, ...base, '--lang', lang], { TZ: 'UTC' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(line);
    expect(zoneOf(dir)).toBe(zone);
    // The agenda and the notice then show the team's clock: 09:00 Beijing time, not UTC.
    const notice = await run(['notice', dir], { TZ: 'UTC' });
    expect(notice.code).toBe(0);
    expect(readFileSync(join(tmp.dir, dir, 'out', 'notice.txt'), 'utf8')).toContain(
      lang === 'zh-CN' ? '（北京时间）' : '（台北時間）',
    );
  });

  it('Etc/UTC counts as UTC; --json still says it on stderr, stdout stays JSON', async () => {
    const r = await run(['init', 'utc-etc', ...base, '--lang', 'zh-CN', '--json'], { TZ: 'Etc/UTC' });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(JSON.parse(r.stdout).schema).toBe('salesmeet.init/1');
    expect(zoneOf('utc-etc')).toBe('Asia/Shanghai');
  });

  it('keeps UTC for an English meeting, the host zone when it is not UTC, and --timezone always; silently', async () => {
    const en = await run(['init', 'utc-en', ...base, '--lang', 'en'], { TZ: 'UTC' });
    expect([en.code, en.stderr]).toEqual([0, '']);
    expect(zoneOf('utc-en')).toBe('UTC');
    const tokyo = await run(['init', 'tokyo-cn', ...base, '--lang', 'zh-CN'], { TZ: 'Asia/Tokyo' });
    expect([tokyo.code, tokyo.stderr]).toEqual([0, '']);
    expect(zoneOf('tokyo-cn')).toBe('Asia/Tokyo');
    const flag = await run(['init', 'flag-cn', ...base, '--lang', 'zh-CN', '--timezone', 'Europe/London'], {
      TZ: 'UTC',
    });
    expect([flag.code, flag.stderr]).toEqual([0, '']);
    expect(zoneOf('flag-cn')).toBe('Europe/London');
  });
});
