import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, STACK_RE, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

type Prop = { params: Record<string, string>; val: string };
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('salesmeet agenda on the half-year example', () => {
  it('prints the timed agenda and writes agenda.md, agenda.html and invite.ics', async () => {
    const dir = copyExample('2026-h1-review', tmp.dir);
    const r = await runIn(['agenda', '2026-h1-review'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '2026 年上半年销售总结暨下半年目标分解会 · 2026年7月10日（星期五） 09:00–15:30 (北京时间)',
        '  09:00–09:30  1. 开场与目标说明 · 陈建国',
        '  09:30–10:30  2. 上半年业绩回顾 · 李娜',
        '  10:30–11:30  3. 成功经验与失败复盘 · 王芳',
        '  11:30–12:00  4. 下半年策略与目标分解 · 陈建国',
        '  12:00–13:00  午餐',
        '  13:00–14:00  5. 分组讨论与行动计划 · 刘强',
        '  14:00–14:15  茶歇',
        '  14:15–14:45  6. 总结与承诺 · 陈建国',
        '  机动时间 45 分钟（占 11.5%），14:45–15:30',
        '已写入：',
        '  2026-h1-review/out/agenda.md',
        '  2026-h1-review/out/agenda.html',
        '  2026-h1-review/out/invite.ics',
        '',
      ].join('\n'),
    );
    const md = readFileSync(join(dir, 'out', 'agenda.md'), 'utf8');
    expect(md).toContain('| 2 | 09:30–10:30 | 60 | 上半年业绩回顾 | 李娜 | 各大区、产品线达成情况与差距 |');
    expect(md).toContain('|  | 14:45–15:30 | 45 | 机动时间（11.5%） |  |  |');
    const html = readFileSync(join(dir, 'out', 'agenda.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<td class="time">12:00–13:00</td>');
  });

  it('the invite parses back with every field: UTC times, place, link, organiser, attendee roles, agenda', async () => {
    const dir = join(tmp.dir, '2026-h1-review');
    const text = readFileSync(join(dir, 'out', 'invite.ics'), 'utf8');
    // CRLF everywhere, no line longer than 75 octets.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const events = Object.values(ical.sync.parseICS(text)).filter((c) => c.type === 'VEVENT');
    expect(events).toHaveLength(1);
    const e = events[0] as ical.VEvent & Record<string, unknown>;
    expect(e.uid).toMatch(/^[0-9a-f]{24}@salesmeet$/);
    expect(e.start.toISOString()).toBe('2026-07-10T01:00:00.000Z');
    expect(e.end.toISOString()).toBe('2026-07-10T07:30:00.000Z');
    expect((e.dtstamp as Date).toISOString()).toBe('2026-06-25T02:00:00.000Z');
    expect(e.summary).toBe('2026 年上半年销售总结暨下半年目标分解会');
    expect(e.location).toBe('上海总部 12 楼大会议室');
    expect(e.url).toBe('https://meeting.example.com/j/8812345678');
    expect(e.organizer).toEqual({ params: { CN: '陈建国' }, val: 'mailto:chen.jianguo@example.com' });
    const attendees = list(e.attendee as unknown as Prop | Prop[]).map((a) => [
      a.params.CN,
      a.params.ROLE,
      a.val,
    ]);
    expect(attendees).toEqual([
      ['李娜', 'REQ-PARTICIPANT', 'mailto:li.na@example.com'],
      ['王芳', 'REQ-PARTICIPANT', 'mailto:wang.fang@example.com'],
      ['刘强', 'REQ-PARTICIPANT', 'mailto:liu.qiang@example.com'],
      ['张伟', 'REQ-PARTICIPANT', 'mailto:zhang.wei@example.com'],
      ['赵敏', 'REQ-PARTICIPANT', 'mailto:zhao.min@example.com'],
      ['周杰', 'OPT-PARTICIPANT', 'mailto:zhou.jie@example.com'],
      ['吴磊', 'OPT-PARTICIPANT', 'mailto:wu.lei@example.com'],
    ]);
    expect(e.description).toBe(
      [
        '半年度销售总结会 · 2026年7月10日（星期五） 09:00–15:30 (北京时间)',
        '线上会议：腾讯会议 https://meeting.example.com/j/8812345678',
        '会前资料：pack.pdf，2026年7月8日（星期三）前发出',
        '',
        '会议议程：',
        '09:00–09:30 1. 开场与目标说明 (陈建国)',
        '09:30–10:30 2. 上半年业绩回顾 (李娜)',
        '    预期结果：各大区、产品线达成情况与差距',
        '10:30–11:30 3. 成功经验与失败复盘 (王芳)',
        '11:30–12:00 4. 下半年策略与目标分解 (陈建国)',
        '    预期结果：下半年目标分解到大区',
        '12:00–13:00 午餐',
        '13:00–14:00 5. 分组讨论与行动计划 (刘强)',
        '    预期结果：各组行动计划（负责人、期限、考核标准）',
        '14:00–14:15 茶歇',
        '14:15–14:45 6. 总结与承诺 (陈建国)',
        '机动时间 45 分钟（占 11.5%），14:45–15:30',
      ].join('\n'),
    );
    // One reminder, on screen, 15 minutes before the start.
    expect(
      (e.alarms as unknown as Record<string, unknown>[]).map((a) => [a.action, a.trigger, a.description]),
    ).toEqual([['DISPLAY', '-PT15M', '15 分钟后开会：2026 年上半年销售总结暨下半年目标分解会']]);
    expect(text).toMatch(
      /\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:[\s\S]*\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n/,
    );
    // A re-run keeps the same UID, so a re-sent invite updates the event instead of duplicating it.
    await runIn(['agenda', '2026-h1-review'], { cwd: tmp.dir });
    const again = readFileSync(join(dir, 'out', 'invite.ics'), 'utf8');
    expect(again.match(/UID:.*/)?.[0]).toBe(text.match(/UID:.*/)?.[0]);
  });

  it('reads meeting.yaml alone: a minutes.yaml half written during the meeting does not stop the agenda', async () => {
    const dir = copyExample('2026-h1-review', join(tmp.dir, 'half-written'));
    writeFileSync(join(dir, 'minutes.yaml'), 'topics:\n  - title: [unclosed\n');
    const r = await runIn(['agenda', dir, '--dry-run'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    // minutes uses the file and says where it is broken.
    const m = await runIn(['minutes', dir, '--dry-run'], { cwd: tmp.dir });
    expect(m.code).toBe(3);
    expect(m.stderr).toMatch(/minutes\.yaml:\d+:\d+: error/);
  });

  it('--json prints the computed agenda', async () => {
    const r = await runIn(['agenda', '2026-h1-review', '--json', '--dry-run'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      schema: 'salesmeet.agenda/1',
      start: '09:00',
      end: '15:30',
      duration: 390,
      timezone: 'Asia/Shanghai',
      startsAt: '2026-07-10T01:00:00.000Z',
      endsAt: '2026-07-10T07:30:00.000Z',
      buffer: 45,
      bufferShare: 0.1154,
      scheduled: 345,
    });
    expect(j.items[4]).toEqual({
      index: 4,
      title: '午餐',
      start: '12:00',
      end: '13:00',
      startsAt: '2026-07-10T04:00:00.000Z',
      endsAt: '2026-07-10T05:00:00.000Z',
      minutes: 60,
      owner: null,
      outcome: null,
      notes: null,
      break: true,
      transitionBefore: 0,
      gapBefore: 0,
    });
    expect(j.files.map((f: { path: string }) => f.path)).toEqual([
      '2026-h1-review/out/agenda.md',
      '2026-h1-review/out/agenda.html',
      '2026-h1-review/out/invite.ics',
    ]);
  });
});

describe('salesmeet agenda with e-mails, shares and another time zone', () => {
  it('mailto: addresses when known, UTC from the meeting time zone, English labels', async () => {
    const dir = join(tmp.dir, 'qbr');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'meeting.yaml'),
      [
        'title: "Q3 business review; EMEA, UK"',
        'type: quarterly',
        'date: 2026-10-05',
        'start: "14:00"',
        'duration: 120',
        'timezone: Europe/London',
        'lang: en',
        'transition: 2',
        'buffer: 12',
        'online: { link: "https://teams.example.com/l/abc", tool: Teams }',
        'host: Anna Smith',
        'attendees:',
        '  - { name: Anna Smith, role: Sales director, email: anna@example.com }',
        '  - { name: Ben Jones, role: Key accounts, email: ben@example.com }',
        '  - { name: Chloe Wu, role: Finance, required: false }',
        'agenda:',
        '  - { title: Results review, share: 20%, owner: Ben Jones }',
        '  - { title: Market analysis, share: 15% }',
        '  - { title: Strategy, share: 25% }',
        '  - { title: Target decomposition, share: 25%, outcome: "Targets split by region, product line and rep" }',
        '  - { title: Action plan, share: 15% }',
        '',
      ].join('\n'),
    );
    const r = await runIn(['agenda', 'qbr'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  15:06–15:31  4. Target decomposition\n');
    expect(r.stdout).toContain('  Buffer 12 min (10.0% of the meeting), 15:48–16:00\n');
    const e = Object.values(ical.sync.parseICS(readFileSync(join(dir, 'out', 'invite.ics'), 'utf8'))).find(
      (c) => c.type === 'VEVENT',
    ) as ical.VEvent & Record<string, unknown>;
    // 14:00 BST = 13:00 UTC.
    expect(e.start.toISOString()).toBe('2026-10-05T13:00:00.000Z');
    expect(e.end.toISOString()).toBe('2026-10-05T15:00:00.000Z');
    expect(e.summary).toBe('Q3 business review; EMEA, UK');
    // No room: the online link is the location.
    expect(e.location).toBe('https://teams.example.com/l/abc');
    expect(e.organizer).toEqual({ params: { CN: 'Anna Smith' }, val: 'mailto:anna@example.com' });
    const attendees = list(e.attendee as unknown as Prop | Prop[]).map((a) => [
      a.params.CN,
      a.params.ROLE,
      a.val,
    ]);
    expect(attendees).toEqual([
      ['Ben Jones', 'REQ-PARTICIPANT', 'mailto:ben@example.com'],
      ['Chloe Wu', 'OPT-PARTICIPANT', 'invalid:nomail'],
    ]);
    expect(String(e.description)).toContain(
      '15:06–15:31 4. Target decomposition\n    Expected outcome: Targets split by region, product line and rep',
    );
    // No preRead date: the pre-read line names the pack alone.
    expect(String(e.description)).toContain('\nPre-read: pack.pdf, sent before the meeting\n');
    expect((e.alarms as unknown as Record<string, unknown>[]).map((a) => [a.trigger, a.description])).toEqual(
      [['-PT15M', 'In 15 minutes: Q3 business review; EMEA, UK']],
    );
    // The lines as written (unfolded): names as CN=, addresses as mailto:, the reminder inside the event.
    const lines = readFileSync(join(dir, 'out', 'invite.ics'), 'utf8')
      .replace(/\r\n /g, '')
      .split('\r\n');
    expect(lines.filter((l) => /^(ORGANIZER|ATTENDEE)/.test(l))).toEqual([
      'ORGANIZER;CN=Anna Smith:mailto:anna@example.com',
      'ATTENDEE;CN=Ben Jones;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CUTYPE=INDIVIDUAL:mailto:ben@example.com',
      'ATTENDEE;CN=Chloe Wu;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CUTYPE=INDIVIDUAL:invalid:nomail',
    ]);
    expect(lines.slice(lines.indexOf('BEGIN:VALARM'))).toEqual([
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:In 15 minutes: Q3 business review\\; EMEA\\, UK',
      'TRIGGER:-PT15M',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
});

describe('an agenda that does not fit', () => {
  it('exit 3 naming the item that overflows, with its position in meeting.yaml; nothing written', async () => {
    const dir = join(tmp.dir, 'overrun');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'meeting.yaml'),
      [
        'title: 华东周例会',
        'type: weekly',
        'date: 2026-07-06',
        'start: "09:00"',
        'duration: 45',
        'agenda:',
        '  - { title: 上周业绩回顾, minutes: 15 }',
        '  - { title: 问题讨论与解决, minutes: 25 }',
        '  - { title: 下周计划, minutes: 10 }',
        '',
      ].join('\n'),
    );
    const r = await runIn(['agenda', 'overrun', '--lang', 'zh-CN'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'overrun/meeting.yaml:9:5: 错误: 议程第 3 项“下周计划”在 09:50 结束，晚于会议结束时间 09:45\n' +
        '  提示: 请缩短议程项，或用 `duration` 延长会议；`salesmeet check` 会列出全部问题\n',
    );
    expect(r.stderr).not.toMatch(STACK_RE);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a meeting with neither agenda items nor a duration is exit 3', async () => {
    const dir = join(tmp.dir, 'bare');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'meeting.yaml'), 'title: Bare\ntype: custom\ndate: 2026-09-01\nstart: "10:00"\n');
    const r = await runIn(['agenda', 'bare'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'bare/meeting.yaml:1:1: error: the meeting has no agenda items and no `duration`, so it has no time to put in a calendar\n' +
        '  hint: add items under `agenda` (each with `minutes` or `share`), or give the meeting a `duration`\n',
    );
  });

  it('a folder without meeting.yaml is exit 3 with a hint', async () => {
    mkdirSync(join(tmp.dir, 'empty'), { recursive: true });
    const r = await runIn(['agenda', 'empty'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('empty: error: no meeting.yaml in this folder');
  });
});
