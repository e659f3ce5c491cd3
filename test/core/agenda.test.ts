import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaInput, allocateByShare, computeAgenda, zonedInstant } from '../../src/core/agenda.js';
import { PRESETS, presetAgenda } from '../../src/core/meeting/presets.js';
import type { AgendaItem } from '../../src/core/meeting/schema.js';
import { MEETING_TYPES } from '../../src/core/meeting/schema.js';

const times = (items: { start: string; end: string }[]) => items.map((t) => `${t.start}–${t.end}`);

describe('agenda timing for every preset', () => {
  const expected: Record<(typeof MEETING_TYPES)[number], { times: string[]; end: string; buffer: number }> = {
    daily: { times: ['08:45–08:50', '08:50–08:55', '08:55–08:58'], end: '09:00', buffer: 2 },
    weekly: { times: ['09:00–09:15', '09:15–09:35', '09:35–09:45'], end: '09:50', buffer: 5 },
    monthly: {
      times: ['09:00–09:10', '09:10–09:30', '09:30–09:45', '09:45–10:10', '10:10–10:35', '10:35–10:45'],
      end: '11:00',
      buffer: 15,
    },
    quarterly: {
      // 120 min − 12 buffer − 4 transitions × 2 = 100 min shared 20/15/25/25/15 %.
      times: ['14:00–14:20', '14:22–14:37', '14:39–15:04', '15:06–15:31', '15:33–15:48'],
      end: '16:00',
      buffer: 12,
    },
    'half-year': {
      times: [
        '09:00–09:30',
        '09:30–10:30',
        '10:30–11:30',
        '11:30–12:00',
        '12:00–13:00',
        '13:00–14:00',
        '14:00–14:15',
        '14:15–14:45',
      ],
      end: '15:30',
      buffer: 45,
    },
    annual: {
      times: [
        '09:00–09:30',
        '09:30–10:30',
        '10:30–11:30',
        '11:30–12:00',
        '12:00–13:00',
        '13:00–14:00',
        '14:00–14:15',
        '14:15–15:00',
        '15:00–15:30',
      ],
      end: '16:30',
      buffer: 60,
    },
    custom: { times: ['10:00–10:05', '10:05–10:43', '10:43–10:53'], end: '11:00', buffer: 7 },
  };

  for (const type of MEETING_TYPES) {
    it(`${type}: clock times, end and buffer`, () => {
      const p = PRESETS[type];
      const a = computeAgenda({
        start: p.start,
        duration: p.duration,
        transition: p.transition,
        buffer: p.buffer,
        items: presetAgenda(type, 'zh-CN'),
      });
      expect(a.problems).toEqual([]);
      expect(times(a.items)).toEqual(expected[type].times);
      expect(a.end).toBe(expected[type].end);
      expect(a.buffer).toBe(expected[type].buffer);
      // Every preset keeps 10–15% of the booked time as buffer.
      expect(a.bufferShare).toBeGreaterThanOrEqual(0.1);
      expect(a.bufferShare).toBeLessThanOrEqual(0.15);
    });
  }

  it('quarterly shares: minutes per item and the transitions before each', () => {
    const p = PRESETS.quarterly;
    const a = computeAgenda({ ...p, items: presetAgenda('quarterly', 'en') });
    expect(a.items.map((t) => t.minutes)).toEqual([20, 15, 25, 25, 15]);
    expect(a.items.map((t) => t.transitionBefore)).toEqual([0, 2, 2, 2, 2]);
    expect(a.transitions).toBe(4);
  });
});

describe('shares, breaks and pinned items', () => {
  it('shares split the time left after breaks and buffer, and add up exactly', () => {
    const items: AgendaItem[] = [
      { title: 'Review', share: '50%' },
      { title: 'Lunch', minutes: 60, break: true },
      { title: 'Plan', share: 0.5 },
    ];
    const a = computeAgenda({ start: '10:00', duration: 180, buffer: 18, items });
    // 180 − 18 − 60 = 102 → 51 / 51.
    expect(a.items.map((t) => t.minutes)).toEqual([51, 60, 51]);
    expect(times(a.items)).toEqual(['10:00–10:51', '10:51–11:51', '11:51–12:42']);
    expect(a.buffer).toBe(18);
  });

  it('uneven shares use the largest remainder so no minute is lost', () => {
    const items: AgendaItem[] = [
      { title: 'A', share: '33%' },
      { title: 'B', share: '33%' },
      { title: 'C', share: '34%' },
    ];
    const a = computeAgenda({ start: '09:00', duration: 110, buffer: 10, items });
    expect(a.items.map((t) => t.minutes)).toEqual([33, 33, 34]);
    expect(a.items.reduce((s, t) => s + t.minutes, 0)).toBe(100);
  });

  it('default buffer is 10% of the duration when items are shares', () => {
    const a = computeAgenda({ start: '09:00', duration: 60, items: [{ title: 'All', share: 1 }] });
    expect(a.items[0]!.minutes).toBe(54);
    expect(a.buffer).toBe(6);
  });

  it('lunch pinned at 12:00 leaves an idle gap when the morning ends early', () => {
    const items: AgendaItem[] = [
      { title: 'Morning', minutes: 150 },
      { title: 'Lunch', minutes: 60, break: true, at: '12:00' },
      { title: 'Afternoon', minutes: 90 },
    ];
    const a = computeAgenda({ start: '09:00', duration: 330, items });
    expect(times(a.items)).toEqual(['09:00–11:30', '12:00–13:00', '13:00–14:30']);
    expect(a.items[1]!.gapBefore).toBe(30);
    expect(a.items[1]!.isBreak).toBe(true);
    expect(a.buffer).toBe(0);
  });

  it('a meeting crossing noon keeps 24-hour clock times', () => {
    const items: AgendaItem[] = [
      { title: 'Results', minutes: 30, owner: '李娜', outcome: '差距原因' },
      { title: 'Problems', minutes: 45 },
      { title: 'Plan', minutes: 20 },
    ];
    const a = computeAgenda({ start: '11:15', duration: 110, transition: 5, items });
    expect(times(a.items)).toEqual(['11:15–11:45', '11:50–12:35', '12:40–13:00']);
    expect(a.end).toBe('13:05');
    expect(a.buffer).toBe(5);
    expect(a.items[0]).toMatchObject({ owner: '李娜', outcome: '差距原因' });
  });

  it('transitions are counted between items, not before the first', () => {
    const items: AgendaItem[] = [
      { title: 'A', minutes: 10 },
      { title: 'B', minutes: 10 },
      { title: 'C', minutes: 10 },
    ];
    const a = computeAgenda({ start: '09:00', duration: 40, transition: 3, items });
    expect(times(a.items)).toEqual(['09:00–09:10', '09:13–09:23', '09:26–09:36']);
    expect(a.buffer).toBe(4);
  });
});

describe('problems', () => {
  it('an overrun names the first item that ends after the meeting', () => {
    const items: AgendaItem[] = [
      { title: 'A', minutes: 30 },
      { title: 'B', minutes: 25 },
      { title: 'C', minutes: 10 },
      { title: 'D', minutes: 10 },
    ];
    const a = computeAgenda({ start: '09:00', duration: 60, items });
    expect(a.problems).toEqual([
      {
        kind: 'overrun',
        index: 2,
        title: 'C',
        end: { clock: '10:05', day: 0 },
        meetingEnd: { clock: '10:00', day: 0 },
      },
    ]);
    expect(a.buffer).toBe(0);
  });

  it('transitions alone can make an agenda overrun', () => {
    const items: AgendaItem[] = [
      { title: 'A', minutes: 30 },
      { title: 'B', minutes: 30 },
    ];
    const a = computeAgenda({ start: '09:00', duration: 60, transition: 2, items });
    expect(a.problems).toEqual([
      {
        kind: 'overrun',
        index: 1,
        title: 'B',
        end: { clock: '10:02', day: 0 },
        meetingEnd: { clock: '10:00', day: 0 },
      },
    ]);
  });

  it('a pinned item the morning cannot reach', () => {
    const items: AgendaItem[] = [
      { title: 'Morning', minutes: 200 },
      { title: 'Lunch', minutes: 60, break: true, at: '12:00' },
    ];
    const a = computeAgenda({ start: '09:00', duration: 300, items });
    expect(a.problems[0]).toEqual({
      kind: 'fixedTooEarly',
      index: 1,
      title: 'Lunch',
      at: '12:00',
      reached: { clock: '12:20', day: 0 },
    });
  });

  it('shares over 100% and shares without a duration', () => {
    expect(
      computeAgenda({
        start: '09:00',
        duration: 60,
        items: [
          { title: 'A', share: '60%' },
          { title: 'B', share: '50%' },
        ],
      }).problems.map((p) => p.kind),
    ).toContain('sharesOverflow');
    expect(computeAgenda({ start: '09:00', items: [{ title: 'A', share: '60%' }] }).problems).toEqual([
      { kind: 'sharesWithoutDuration', index: 0, title: 'A' },
    ]);
  });
});

describe('meeting length and time zones', () => {
  it('the length comes from `end` when there is no `duration`', () => {
    const input = agendaInput({ start: '14:00', end: '15:30', agenda: [{ title: 'A', minutes: 60 }] });
    expect(input.duration).toBe(90);
    expect(computeAgenda(input).buffer).toBe(30);
  });

  it('wall-clock times in a zone become the right UTC instants', () => {
    const iso = (n: number) => new Date(n).toISOString();
    expect(iso(zonedInstant('2026-07-10', 9 * 60, 'Asia/Shanghai'))).toBe('2026-07-10T01:00:00.000Z');
    expect(iso(zonedInstant('2026-07-10', 9 * 60, 'Asia/Taipei'))).toBe('2026-07-10T01:00:00.000Z');
    expect(iso(zonedInstant('2026-07-10', 9 * 60, 'Europe/London'))).toBe('2026-07-10T08:00:00.000Z');
    expect(iso(zonedInstant('2026-01-10', 9 * 60, 'Europe/London'))).toBe('2026-01-10T09:00:00.000Z');
    // The day DST starts in New York: 09:00 is already EDT (UTC−4).
    expect(iso(zonedInstant('2026-03-08', 9 * 60, 'America/New_York'))).toBe('2026-03-08T13:00:00.000Z');
    // A meeting running past midnight ends on the next day.
    expect(iso(zonedInstant('2026-07-10', 24 * 60 + 30, 'Asia/Shanghai'))).toBe('2026-07-10T16:30:00.000Z');
    // Shanghai 00:30 on the 10th is the 9th in UTC.
    expect(iso(zonedInstant('2026-07-10', 30, 'Asia/Shanghai'))).toBe('2026-07-09T16:30:00.000Z');
  });
});

describe('invariants (property tests)', () => {
  it('shares always add up to the minutes they split, each within a minute of its exact part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = allocateByShare(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it('items follow each other with the transition between them, and buffer + schedule fill the meeting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 6 * 60, max: 14 * 60 }),
        (lengths, transition, spare, startMinute) => {
          const start = `${String(Math.floor(startMinute / 60)).padStart(2, '0')}:${String(startMinute % 60).padStart(2, '0')}`;
          const used = lengths.reduce((a, b) => a + b, 0) + transition * (lengths.length - 1);
          const a = computeAgenda({
            start,
            duration: used + spare,
            transition,
            items: lengths.map((minutes, i) => ({ title: `T${i}`, minutes })),
          });
          expect(a.problems).toEqual([]);
          for (let i = 1; i < a.items.length; i++)
            expect(a.items[i]!.startMinute).toBe(a.items[i - 1]!.endMinute + transition);
          expect(a.buffer).toBe(spare);
          expect(a.items.at(-1)!.endMinute + a.buffer).toBe(startMinute + a.duration);
        },
      ),
    );
  });
});
