import { describe, expect, it } from 'vitest';
import {
  agendaInput,
  computeAgenda,
  formatUtcOffset,
  resolveLocalTime,
  wallTimeText,
  zonedInstant,
} from '../../src/core/agenda.js';
import type { AgendaItem } from '../../src/core/meeting/schema.js';

// Every expected instant below is worked out by hand from the zone's rules for 2026:
// New York      EST −05:00 / EDT −04:00; forward 2026-03-08 02:00 EST (07:00Z), back 2026-11-01 02:00 EDT (06:00Z)
// St John's     NST −03:30 / NDT −02:30; forward 2026-03-08 02:00 NST (05:30Z), back 2026-11-01 02:00 NDT (04:30Z)
// Sydney        AEST +10:00 / AEDT +11:00; back 2026-04-05 03:00 AEDT (04-04 16:00Z), forward 2026-10-04 02:00 AEST (10-03 16:00Z)
// London        GMT +00:00 / BST +01:00; forward 2026-03-29 01:00 GMT (01:00Z), back 2026-10-25 02:00 BST (01:00Z)

const iso = (n: number | undefined) => (n === undefined ? undefined : new Date(n).toISOString());
const clock = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
const items = (...minutes: number[]): AgendaItem[] =>
  minutes.map((m, i) => ({ title: `T${i + 1}`, minutes: m }));

describe('a wall-clock time in a zone: once, skipped or twice', () => {
  const cases: {
    zone: string;
    date: string;
    time: string;
    kind: 'exact' | 'skipped' | 'ambiguous';
    instant: string;
    offset: number;
    otherOffset?: number;
  }[] = [
    // New York
    {
      zone: 'America/New_York',
      date: '2026-03-08',
      time: '01:30',
      kind: 'exact',
      instant: '2026-03-08T06:30:00.000Z',
      offset: -300,
    },
    {
      zone: 'America/New_York',
      date: '2026-03-08',
      time: '02:30',
      kind: 'skipped',
      instant: '2026-03-08T07:30:00.000Z',
      offset: -240,
    },
    {
      zone: 'America/New_York',
      date: '2026-03-08',
      time: '03:00',
      kind: 'exact',
      instant: '2026-03-08T07:00:00.000Z',
      offset: -240,
    },
    {
      zone: 'America/New_York',
      date: '2026-11-01',
      time: '01:30',
      kind: 'ambiguous',
      instant: '2026-11-01T05:30:00.000Z',
      offset: -240,
      otherOffset: -300,
    },
    {
      zone: 'America/New_York',
      date: '2026-11-01',
      time: '02:00',
      kind: 'exact',
      instant: '2026-11-01T07:00:00.000Z',
      offset: -300,
    },
    // St John's: half-hour offsets
    {
      zone: 'America/St_Johns',
      date: '2026-03-08',
      time: '01:30',
      kind: 'exact',
      instant: '2026-03-08T05:00:00.000Z',
      offset: -210,
    },
    {
      zone: 'America/St_Johns',
      date: '2026-03-08',
      time: '02:15',
      kind: 'skipped',
      instant: '2026-03-08T05:45:00.000Z',
      offset: -150,
    },
    {
      zone: 'America/St_Johns',
      date: '2026-11-01',
      time: '01:30',
      kind: 'ambiguous',
      instant: '2026-11-01T04:00:00.000Z',
      offset: -150,
      otherOffset: -210,
    },
    // Sydney: the southern hemisphere goes back in April and forward in October
    {
      zone: 'Australia/Sydney',
      date: '2026-04-05',
      time: '02:30',
      kind: 'ambiguous',
      instant: '2026-04-04T15:30:00.000Z',
      offset: 660,
      otherOffset: 600,
    },
    {
      zone: 'Australia/Sydney',
      date: '2026-10-04',
      time: '02:30',
      kind: 'skipped',
      instant: '2026-10-03T16:30:00.000Z',
      offset: 660,
    },
    {
      zone: 'Australia/Sydney',
      date: '2026-10-04',
      time: '09:00',
      kind: 'exact',
      instant: '2026-10-03T22:00:00.000Z',
      offset: 660,
    },
    // London
    {
      zone: 'Europe/London',
      date: '2026-03-29',
      time: '01:30',
      kind: 'skipped',
      instant: '2026-03-29T01:30:00.000Z',
      offset: 60,
    },
    {
      zone: 'Europe/London',
      date: '2026-10-25',
      time: '01:30',
      kind: 'ambiguous',
      instant: '2026-10-25T00:30:00.000Z',
      offset: 60,
      otherOffset: 0,
    },
    // No daylight saving at all
    {
      zone: 'Asia/Shanghai',
      date: '2026-07-10',
      time: '09:00',
      kind: 'exact',
      instant: '2026-07-10T01:00:00.000Z',
      offset: 480,
    },
  ];
  for (const c of cases) {
    it(`${c.zone} ${c.date} ${c.time} is ${c.kind}`, () => {
      const r = resolveLocalTime(c.date, clock(c.time), c.zone);
      expect({ ...r, instant: iso(r.instant) }).toEqual({
        instant: c.instant,
        kind: c.kind,
        offset: c.offset,
        ...(c.otherOffset === undefined ? {} : { otherOffset: c.otherOffset }),
      });
      expect(iso(zonedInstant(c.date, clock(c.time), c.zone))).toBe(c.instant);
    });
  }

  it('UTC offsets read as UTC−04:00, UTC−02:30, UTC+11:00', () => {
    expect([-240, -150, 660, 0, 330].map(formatUtcOffset)).toEqual([
      'UTC−04:00',
      'UTC−02:30',
      'UTC+11:00',
      'UTC+00:00',
      'UTC+05:30',
    ]);
  });
});

describe('a meeting across a clock change lasts its duration in absolute time', () => {
  const cases: {
    zone: string;
    date: string;
    start: string;
    minutes: number[];
    startsAt: string;
    endsAt: string;
    /** Local wall-clock times of the items. */
    times: string[];
    end: string;
  }[] = [
    {
      // 01:30 EST + 60 min is 03:30 EDT, not a zero-length event ending at "02:30".
      zone: 'America/New_York',
      date: '2026-03-08',
      start: '01:30',
      minutes: [30, 30],
      startsAt: '2026-03-08T06:30:00.000Z',
      endsAt: '2026-03-08T07:30:00.000Z',
      times: ['01:30–03:00', '03:00–03:30'],
      end: '03:30',
    },
    {
      // 01:30 EDT + 60 min is 01:30 EST, not a two-hour event ending at "02:30".
      zone: 'America/New_York',
      date: '2026-11-01',
      start: '01:30',
      minutes: [30, 30],
      startsAt: '2026-11-01T05:30:00.000Z',
      endsAt: '2026-11-01T06:30:00.000Z',
      times: ['01:30–01:00', '01:00–01:30'],
      end: '01:30',
    },
    {
      zone: 'America/St_Johns',
      date: '2026-03-08',
      start: '01:30',
      minutes: [45, 15],
      startsAt: '2026-03-08T05:00:00.000Z',
      endsAt: '2026-03-08T06:00:00.000Z',
      times: ['01:30–03:15', '03:15–03:30'],
      end: '03:30',
    },
    {
      zone: 'America/St_Johns',
      date: '2026-11-01',
      start: '00:45',
      minutes: [60, 30],
      startsAt: '2026-11-01T03:15:00.000Z',
      endsAt: '2026-11-01T04:45:00.000Z',
      times: ['00:45–01:45', '01:45–01:15'],
      end: '01:15',
    },
    {
      // 01:30 AEDT + 90 min is 02:00 AEST: the hour from 02:00 to 03:00 runs twice.
      zone: 'Australia/Sydney',
      date: '2026-04-05',
      start: '01:30',
      minutes: [60, 30],
      startsAt: '2026-04-04T14:30:00.000Z',
      endsAt: '2026-04-04T16:00:00.000Z',
      times: ['01:30–02:30', '02:30–02:00'],
      end: '02:00',
    },
    {
      zone: 'Australia/Sydney',
      date: '2026-10-04',
      start: '01:30',
      minutes: [60],
      startsAt: '2026-10-03T15:30:00.000Z',
      endsAt: '2026-10-03T16:30:00.000Z',
      times: ['01:30–03:30'],
      end: '03:30',
    },
    {
      zone: 'Europe/London',
      date: '2026-03-29',
      start: '00:30',
      minutes: [60],
      startsAt: '2026-03-29T00:30:00.000Z',
      endsAt: '2026-03-29T01:30:00.000Z',
      times: ['00:30–02:30'],
      end: '02:30',
    },
    {
      zone: 'Europe/London',
      date: '2026-10-25',
      start: '00:30',
      minutes: [60, 60],
      startsAt: '2026-10-24T23:30:00.000Z',
      endsAt: '2026-10-25T01:30:00.000Z',
      times: ['00:30–01:30', '01:30–01:30'],
      end: '01:30',
    },
  ];
  for (const c of cases) {
    it(`${c.zone} ${c.date} ${c.start} + ${c.minutes.join(' + ')} min`, () => {
      const a = computeAgenda({ start: c.start, date: c.date, timeZone: c.zone, items: items(...c.minutes) });
      expect(a.problems).toEqual([]);
      expect(iso(a.startsAt)).toBe(c.startsAt);
      expect(iso(a.endsAt)).toBe(c.endsAt);
      expect(a.items.map((t) => `${t.start}–${t.end}`)).toEqual(c.times);
      expect(a.end).toBe(c.end);
      expect(a.endTime.day).toBe(0);
      // Each item starts where the one before it ended, in absolute time.
      expect(iso(a.items[0]!.startTime.instant)).toBe(c.startsAt);
      expect(iso(a.items.at(-1)!.endTime.instant)).toBe(c.endsAt);
    });
  }

  it('`duration` and the buffer count absolute minutes too', () => {
    const a = computeAgenda({
      start: '01:00',
      date: '2026-03-08',
      timeZone: 'America/New_York',
      duration: 120,
      items: items(60, 30),
    });
    expect(iso(a.endsAt)).toBe('2026-03-08T08:00:00.000Z');
    expect(a.buffer).toBe(30);
    expect(a.bufferStartTime.clock).toBe('03:30');
    expect(a.end).toBe('04:00');
  });

  it('`end` − `start` is absolute minutes in the meeting zone: 01:00 to 04:00 in New York on 2026-03-08 is 120', () => {
    const meeting = { start: '01:00', end: '04:00', date: '2026-03-08', agenda: items(60) };
    expect(agendaInput({ ...meeting, timezone: 'America/New_York' }).duration).toBe(120);
    // The system's zone when meeting.yaml names none; plain clock arithmetic without any zone.
    expect(agendaInput(meeting, 'Europe/London').duration).toBe(180);
    expect(agendaInput(meeting, 'America/New_York')).toMatchObject({
      date: '2026-03-08',
      timeZone: 'America/New_York',
      duration: 120,
    });
    expect(agendaInput(meeting).duration).toBe(180);
  });

  it('an item pinned with `at` is pinned to that wall-clock time, so the gap before it is real minutes', () => {
    const a = computeAgenda({
      start: '01:00',
      date: '2026-03-08',
      timeZone: 'America/New_York',
      items: [
        { title: 'Early', minutes: 30 },
        { title: 'Pinned', minutes: 30, at: '04:00' },
      ],
    });
    // 01:30 EST (06:30Z) to 04:00 EDT (08:00Z) is 90 minutes, not 150.
    expect(a.items[1]!.gapBefore).toBe(90);
    expect(`${a.items[1]!.start}–${a.items[1]!.end}`).toBe('04:00–04:30');
    expect(iso(a.endsAt)).toBe('2026-03-08T08:30:00.000Z');
  });
});

describe('a start the clocks skip or pass twice', () => {
  it('skipped: a problem at `start` with the same moment on the clock after the change as suggestion', () => {
    const a = computeAgenda({
      start: '02:30',
      date: '2026-03-08',
      timeZone: 'America/New_York',
      items: items(60),
    });
    expect(a.problems).toEqual([
      {
        kind: 'startSkipped',
        field: 'start',
        date: '2026-03-08',
        start: '02:30',
        timeZone: 'America/New_York',
        suggestion: '03:30',
      },
    ]);
    const s = computeAgenda({
      start: '02:15',
      date: '2026-03-08',
      timeZone: 'America/St_Johns',
      items: items(60),
    });
    expect(s.problems[0]).toMatchObject({ kind: 'startSkipped', suggestion: '03:15' });
  });

  it('ambiguous: no problem, a warning naming both offsets; the first occurrence is used', () => {
    const a = computeAgenda({
      start: '02:30',
      date: '2026-04-05',
      timeZone: 'Australia/Sydney',
      items: items(60),
    });
    expect(a.problems).toEqual([]);
    expect(a.warnings).toEqual([
      {
        kind: 'startAmbiguous',
        field: 'start',
        date: '2026-04-05',
        start: '02:30',
        timeZone: 'Australia/Sydney',
        offset: 660,
        otherOffset: 600,
      },
    ]);
    expect(iso(a.startsAt)).toBe('2026-04-04T15:30:00.000Z');
    expect(iso(a.endsAt)).toBe('2026-04-04T16:30:00.000Z');
  });

  it('an ordinary day has neither problems nor warnings', () => {
    const a = computeAgenda({
      start: '09:00',
      date: '2026-07-10',
      timeZone: 'America/New_York',
      items: items(60),
    });
    expect(a.problems).toEqual([]);
    expect(a.warnings).toEqual([]);
  });
});

describe('past midnight', () => {
  it('items after midnight are on the next day, never 24:30', () => {
    const a = computeAgenda({
      start: '23:00',
      date: '2026-07-10',
      timeZone: 'Asia/Shanghai',
      items: items(60, 30, 30),
    });
    expect(a.items.map((t) => `${t.start}–${t.end}`)).toEqual(['23:00–00:00', '00:00–00:30', '00:30–01:00']);
    expect(a.items.map((t) => [t.startTime.day, t.endTime.day])).toEqual([
      [0, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(a.end).toBe('01:00');
    expect(a.endTime.day).toBe(1);
    expect(iso(a.startsAt)).toBe('2026-07-10T15:00:00.000Z');
    expect(iso(a.endsAt)).toBe('2026-07-10T17:00:00.000Z');
  });

  it('without a zone too: plain clock arithmetic wraps at midnight and counts the day', () => {
    const a = computeAgenda({ start: '23:30', items: items(45, 1440) });
    expect(a.items.map((t) => [t.start, t.startTime.day, t.end, t.endTime.day])).toEqual([
      ['23:30', 0, '00:15', 1],
      ['00:15', 1, '00:15', 2],
    ]);
    expect(a.startsAt).toBeUndefined();
  });

  it('across midnight and a clock change: London 2026-10-24 23:30 BST + 3 h ends 01:30 GMT the next day', () => {
    const a = computeAgenda({
      start: '23:30',
      date: '2026-10-24',
      timeZone: 'Europe/London',
      items: items(180),
    });
    expect(iso(a.startsAt)).toBe('2026-10-24T22:30:00.000Z');
    expect(iso(a.endsAt)).toBe('2026-10-25T01:30:00.000Z');
    expect(a.endTime).toMatchObject({ clock: '01:30', day: 1 });
  });

  it('the next day is marked in each language: 00:30 (+1), 次日 00:30, 隔日 00:30', () => {
    const next = wallTimeText({ clock: '00:30', day: 1 });
    const later = wallTimeText({ clock: '00:30', day: 2 });
    const same = wallTimeText({ clock: '23:30', day: 0 });
    expect([next('en'), next('zh-CN'), next('zh-TW')]).toEqual(['00:30 (+1)', '次日 00:30', '隔日 00:30']);
    expect([later('en'), later('zh-CN'), later('zh-TW')]).toEqual([
      '00:30 (+2)',
      '2 天后 00:30',
      '2 天後 00:30',
    ]);
    expect([same('en'), same('zh-CN'), same('zh-TW')]).toEqual(['23:30', '23:30', '23:30']);
  });

  it('an overrun past midnight names the next day', () => {
    const a = computeAgenda({ start: '23:00', duration: 60, items: items(45, 30) });
    expect(a.problems).toEqual([
      {
        kind: 'overrun',
        index: 1,
        title: 'T2',
        end: { clock: '00:15', day: 1 },
        meetingEnd: { clock: '00:00', day: 1 },
      },
    ]);
  });
});
