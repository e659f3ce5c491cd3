import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_RE, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

// The invite's DTSTART/DTEND are read back with node-ical and compared with instants worked out by hand from
// each zone's 2026 rules (see test/unit/agenda-dst.test.ts for the transitions).

let tmp: { dir: string; cleanup: () => void };
beforeAll(async () => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

/** A meeting folder with one meeting.yaml; `start` is on line 4, column 8. */
function meeting(
  name: string,
  m: { date: string; start: string; timezone: string; lang?: string; duration?: number; agenda: string[] },
): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'meeting.yaml'),
    [
      `title: ${name}`,
      'type: custom',
      `date: ${m.date}`,
      `start: "${m.start}"`,
      `timezone: ${m.timezone}`,
      `lang: ${m.lang ?? 'en'}`,
      ...(m.duration === undefined ? [] : [`duration: ${m.duration}`]),
      'agenda:',
      ...m.agenda.map((a) => `  - ${a}`),
      '',
    ].join('\n'),
  );
  return dir;
}

function invite(dir: string): { start: string; end: string; description: string } {
  const text = readFileSync(join(dir, 'out', 'invite.ics'), 'utf8');
  const events = Object.values(ical.sync.parseICS(text)).filter((c) => c.type === 'VEVENT');
  expect(events).toHaveLength(1);
  const e = events[0] as ical.VEvent;
  return { start: e.start.toISOString(), end: e.end.toISOString(), description: String(e.description) };
}

describe('the invite lasts the meeting in absolute time across a clock change', () => {
  const cases: {
    name: string;
    zone: string;
    date: string;
    start: string;
    agenda: string[];
    dtstart: string;
    dtend: string;
    /** The head line and item lines as printed. */
    printed: string[];
  }[] = [
    {
      // Was a zero-length event: 01:30 EST + 60 min is 03:30 EDT.
      name: 'ny-spring',
      zone: 'America/New_York',
      date: '2026-03-08',
      start: '01:30',
      agenda: ['{ title: Pipeline, minutes: 30 }', '{ title: Forecast, minutes: 30 }'],
      dtstart: '2026-03-08T06:30:00.000Z',
      dtend: '2026-03-08T07:30:00.000Z',
      printed: [
        'ny-spring · Sunday, 8 March 2026 01:30–03:30 (UTC−05:00→UTC−04:00)',
        '  01:30–03:00  1. Pipeline',
        '  03:00–03:30  2. Forecast',
      ],
    },
    {
      name: 'stjohns-spring',
      zone: 'America/St_Johns',
      date: '2026-03-08',
      start: '01:30',
      agenda: ['{ title: Pipeline, minutes: 60 }'],
      dtstart: '2026-03-08T05:00:00.000Z',
      dtend: '2026-03-08T06:00:00.000Z',
      printed: [
        'stjohns-spring · Sunday, 8 March 2026 01:30–03:30 (UTC−03:30→UTC−02:30)',
        '  01:30–03:30  1. Pipeline',
      ],
    },
    {
      name: 'stjohns-fall-before',
      zone: 'America/St_Johns',
      date: '2026-11-01',
      start: '00:45',
      agenda: ['{ title: Pipeline, minutes: 60 }', '{ title: Forecast, minutes: 30 }'],
      dtstart: '2026-11-01T03:15:00.000Z',
      dtend: '2026-11-01T04:45:00.000Z',
      printed: [
        'stjohns-fall-before · Sunday, 1 November 2026 00:45–01:15 (UTC−02:30→UTC−03:30)',
        '  00:45–01:45  1. Pipeline',
        '  01:45–01:15  2. Forecast',
      ],
    },
    {
      name: 'sydney-spring',
      zone: 'Australia/Sydney',
      date: '2026-10-04',
      start: '01:30',
      agenda: ['{ title: Pipeline, minutes: 60 }'],
      dtstart: '2026-10-03T15:30:00.000Z',
      dtend: '2026-10-03T16:30:00.000Z',
      printed: [
        'sydney-spring · Sunday, 4 October 2026 01:30–03:30 (UTC+10:00→UTC+11:00)',
        '  01:30–03:30  1. Pipeline',
      ],
    },
    {
      name: 'sydney-autumn-before',
      zone: 'Australia/Sydney',
      date: '2026-04-05',
      start: '01:30',
      agenda: ['{ title: Pipeline, minutes: 60 }', '{ title: Forecast, minutes: 30 }'],
      dtstart: '2026-04-04T14:30:00.000Z',
      dtend: '2026-04-04T16:00:00.000Z',
      printed: [
        'sydney-autumn-before · Sunday, 5 April 2026 01:30–02:00 (UTC+11:00→UTC+10:00)',
        '  01:30–02:30  1. Pipeline',
        '  02:30–02:00  2. Forecast',
      ],
    },
    {
      name: 'london-spring',
      zone: 'Europe/London',
      date: '2026-03-29',
      start: '00:30',
      agenda: ['{ title: Pipeline, minutes: 60 }'],
      dtstart: '2026-03-29T00:30:00.000Z',
      dtend: '2026-03-29T01:30:00.000Z',
      printed: [
        'london-spring · Sunday, 29 March 2026 00:30–02:30 (UTC+00:00→UTC+01:00)',
        '  00:30–02:30  1. Pipeline',
      ],
    },
    {
      name: 'london-autumn-before',
      zone: 'Europe/London',
      date: '2026-10-25',
      start: '00:30',
      agenda: ['{ title: Pipeline, minutes: 60 }', '{ title: Forecast, minutes: 60 }'],
      dtstart: '2026-10-24T23:30:00.000Z',
      dtend: '2026-10-25T01:30:00.000Z',
      printed: [
        'london-autumn-before · Sunday, 25 October 2026 00:30–01:30 (UTC+01:00→UTC+00:00)',
        '  00:30–01:30  1. Pipeline',
        '  01:30–01:30  2. Forecast',
      ],
    },
  ];
  for (const c of cases) {
    it(`${c.zone} ${c.date} ${c.start}: DTSTART ${c.dtstart}, DTEND ${c.dtend}`, async () => {
      const dir = meeting(c.name, { date: c.date, start: c.start, timezone: c.zone, agenda: c.agenda });
      const r = await runIn(['agenda', c.name], { cwd: tmp.dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n').slice(0, c.printed.length)).toEqual(c.printed);
      const e = invite(dir);
      expect([e.start, e.end]).toEqual([c.dtstart, c.dtend]);
      // The JSON agrees with the invite.
      const j = JSON.parse((await runIn(['agenda', c.name, '--json', '--dry-run'], { cwd: tmp.dir })).stdout);
      expect([j.startsAt, j.endsAt]).toEqual([c.dtstart, c.dtend]);
      expect(j.items[0].startsAt).toBe(c.dtstart);
      expect(j.items.at(-1).endsAt).toBe(c.dtend);
    });
  }
});

describe('a start the clocks pass twice: the first occurrence, with a warning at meeting.yaml:4:8', () => {
  const cases: {
    name: string;
    zone: string;
    date: string;
    dtstart: string;
    dtend: string;
    warning: string;
  }[] = [
    {
      // Was a two-hour event: 01:30 EDT + 60 min is 01:30 EST.
      name: 'ny-fall',
      zone: 'America/New_York',
      date: '2026-11-01',
      dtstart: '2026-11-01T05:30:00.000Z',
      dtend: '2026-11-01T06:30:00.000Z',
      warning:
        '01:30 on 2026-11-01 happens twice in America/New_York (the clocks go back); the first is used (UTC−04:00), not the second (UTC−05:00)',
    },
    {
      name: 'stjohns-fall',
      zone: 'America/St_Johns',
      date: '2026-11-01',
      dtstart: '2026-11-01T04:00:00.000Z',
      dtend: '2026-11-01T05:00:00.000Z',
      warning:
        '01:30 on 2026-11-01 happens twice in America/St_Johns (the clocks go back); the first is used (UTC−02:30), not the second (UTC−03:30)',
    },
    {
      name: 'london-autumn',
      zone: 'Europe/London',
      date: '2026-10-25',
      dtstart: '2026-10-25T00:30:00.000Z',
      dtend: '2026-10-25T01:30:00.000Z',
      warning:
        '01:30 on 2026-10-25 happens twice in Europe/London (the clocks go back); the first is used (UTC+01:00), not the second (UTC+00:00)',
    },
  ];
  for (const c of cases) {
    it(`${c.zone} ${c.date} 01:30 + 60 min`, async () => {
      const dir = meeting(c.name, {
        date: c.date,
        start: '01:30',
        timezone: c.zone,
        agenda: ['{ title: Pipeline, minutes: 60 }'],
      });
      const r = await runIn(['agenda', c.name], { cwd: tmp.dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`warning: ${c.name}/meeting.yaml:4:8: ${c.warning}\n`);
      const e = invite(dir);
      expect([e.start, e.end]).toEqual([c.dtstart, c.dtend]);
    });
  }

  it('Sydney 2026-04-05 02:30 (the southern autumn), in Chinese', async () => {
    const dir = meeting('sydney-autumn', {
      date: '2026-04-05',
      start: '02:30',
      timezone: 'Australia/Sydney',
      lang: 'zh-CN',
      agenda: ['{ title: 业绩回顾, minutes: 60 }'],
    });
    const r = await runIn(['agenda', 'sydney-autumn'], { cwd: tmp.dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      '提示：sydney-autumn/meeting.yaml:4:8: 2026-04-05 02:30 在 Australia/Sydney 时区会出现两次（时钟回拨，夏令时结束）；按第一次（UTC+11:00）计算，而非第二次（UTC+10:00）\n',
    );
    const e = invite(dir);
    expect([e.start, e.end]).toEqual(['2026-04-04T15:30:00.000Z', '2026-04-04T16:30:00.000Z']);
  });

  it('`check` lists it as advice at the same position, and passes', async () => {
    const r = await runIn(['check', 'ny-fall'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).toContain(
      'ny-fall/meeting.yaml:4:8: advice: start: 01:30 on 2026-11-01 happens twice in America/New_York',
    );
  });
});

describe('a start the clocks skip is exit 3 at meeting.yaml:4:8, suggesting the time after the change', () => {
  const cases: { name: string; zone: string; date: string; start: string; error: string; hint: string }[] = [
    {
      name: 'ny-gap',
      zone: 'America/New_York',
      date: '2026-03-08',
      start: '02:30',
      error:
        '02:30 on 2026-03-08 does not exist in America/New_York: the clocks go forward that night and skip it',
      hint: 'start at "03:30" instead (the same moment on the clock after the change), or pick another time',
    },
    {
      name: 'stjohns-gap',
      zone: 'America/St_Johns',
      date: '2026-03-08',
      start: '02:15',
      error:
        '02:15 on 2026-03-08 does not exist in America/St_Johns: the clocks go forward that night and skip it',
      hint: 'start at "03:15" instead (the same moment on the clock after the change), or pick another time',
    },
    {
      name: 'sydney-gap',
      zone: 'Australia/Sydney',
      date: '2026-10-04',
      start: '02:30',
      error:
        '02:30 on 2026-10-04 does not exist in Australia/Sydney: the clocks go forward that night and skip it',
      hint: 'start at "03:30" instead (the same moment on the clock after the change), or pick another time',
    },
    {
      name: 'london-gap',
      zone: 'Europe/London',
      date: '2026-03-29',
      start: '01:30',
      error:
        '01:30 on 2026-03-29 does not exist in Europe/London: the clocks go forward that night and skip it',
      hint: 'start at "02:30" instead (the same moment on the clock after the change), or pick another time',
    },
  ];
  for (const c of cases) {
    it(`${c.zone} ${c.date} ${c.start}: no invite an hour early`, async () => {
      const dir = meeting(c.name, {
        date: c.date,
        start: c.start,
        timezone: c.zone,
        agenda: ['{ title: Pipeline, minutes: 60 }'],
      });
      const r = await runIn(['agenda', c.name], { cwd: tmp.dir });
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${c.name}/meeting.yaml:4:8: error: ${c.error}\n  hint: ${c.hint}\n`);
      expect(r.stderr).not.toMatch(STACK_RE);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }

  it('in Taiwanese Mandarin, and `pack` refuses too', async () => {
    const r = await runIn(['agenda', 'ny-gap', '--lang', 'zh-TW'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'ny-gap/meeting.yaml:4:8: 錯誤: 2026-03-08 02:30 在 America/New_York 時區並不存在：當天時鐘撥快（日光節約時間開始），跳過了這段時間\n' +
        '  提示: 請改為 "03:30" 開始（即時鐘撥快後的同一時刻），或另選時間\n',
    );
    const p = await runIn(['pack', 'ny-gap'], { cwd: tmp.dir });
    expect(p.code).toBe(3);
    expect(p.stderr).toContain('ny-gap/meeting.yaml:4:8: error: 02:30 on 2026-03-08 does not exist');
  });

  it('`check` reports it as an error at the same position', async () => {
    const r = await runIn(['check', 'ny-gap'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stderr + r.stdout).toContain(
      'ny-gap/meeting.yaml:4:8: error: start: 02:30 on 2026-03-08 does not exist in America/New_York',
    );
  });
});

describe('a meeting past midnight', () => {
  const late = {
    date: '2026-07-10',
    start: '23:00',
    timezone: 'Asia/Shanghai',
    duration: 120,
    agenda: ['{ title: Results, minutes: 60 }', '{ title: Plan, minutes: 30 }'],
  };

  it('shows the next day, never 24:30, and the invite ends on the 11th at 01:00 local', async () => {
    const dir = meeting('late-en', late);
    const r = await runIn(['agenda', 'late-en'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'late-en · Friday, 10 July 2026 23:00–01:00 (+1) (Beijing time, UTC+08:00)',
        '  23:00–00:00 (+1)  1. Results',
        '  00:00 (+1)–00:30 (+1)  2. Plan',
        '  Buffer 30 min (25.0% of the meeting), 00:30 (+1)–01:00 (+1)',
        'Wrote:',
        '  late-en/out/agenda.md',
        '  late-en/out/agenda.html',
        '  late-en/out/invite.ics',
        '',
      ].join('\n'),
    );
    const e = invite(dir);
    expect([e.start, e.end]).toEqual(['2026-07-10T15:00:00.000Z', '2026-07-10T17:00:00.000Z']);
    expect(e.description).toContain('00:00 (+1)–00:30 (+1) 2. Plan');
    for (const f of ['agenda.md', 'agenda.html', 'invite.ics'])
      expect(readFileSync(join(dir, 'out', f), 'utf8')).not.toMatch(/2[4-9]:\d\d/);
    const md = readFileSync(join(dir, 'out', 'agenda.md'), 'utf8');
    expect(md).toContain('| 2 | 00:00 (+1)–00:30 (+1) | 30 | Plan |');
    const j = JSON.parse(
      (await runIn(['agenda', 'late-en', '--json', '--dry-run'], { cwd: tmp.dir })).stdout,
    );
    expect(j).toMatchObject({ start: '23:00', end: '01:00', endsAt: '2026-07-10T17:00:00.000Z' });
    expect(j.items[1]).toMatchObject({
      start: '00:00',
      end: '00:30',
      startsAt: '2026-07-10T16:00:00.000Z',
      endsAt: '2026-07-10T16:30:00.000Z',
    });
  });

  it('次日 in simplified Chinese, 隔日 in traditional', async () => {
    meeting('late-zh', { ...late, lang: 'zh-CN' });
    const cn = await runIn(['agenda', 'late-zh', '--dry-run'], { cwd: tmp.dir });
    expect(cn.code).toBe(0);
    expect(cn.stdout.split('\n').slice(0, 4)).toEqual([
      'late-zh · 2026年7月10日（星期五） 23:00–次日 01:00 (北京时间)',
      '  23:00–次日 00:00  1. Results',
      '  次日 00:00–次日 00:30  2. Plan',
      '  机动时间 30 分钟（占 25.0%），次日 00:30–次日 01:00',
    ]);
    const tw = await runIn(['agenda', 'late-zh', '--dry-run', '--lang', 'zh-TW'], { cwd: tmp.dir });
    expect(tw.stdout.split('\n').slice(0, 3)).toEqual([
      'late-zh · 2026年7月10日（星期五） 23:00–隔日 01:00 (北京時間)',
      '  23:00–隔日 00:00  1. Results',
      '  隔日 00:00–隔日 00:30  2. Plan',
    ]);
  });

  it('an overrun past midnight names the next day', async () => {
    meeting('late-over', { ...late, duration: 60 });
    const r = await runIn(['agenda', 'late-over'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe(
      'late-over/meeting.yaml:10:5: error: agenda item 2 "Plan" ends at 00:30 (+1), after the meeting ends at 00:00 (+1)',
    );
  });
});
