import { describe, expect, it } from 'vitest';
import { computeAgenda } from '../../../src/core/agenda.js';
import { PRESETS, presetAgenda } from '../../../src/core/meeting/presets.js';
import { MEETING_TYPES } from '../../../src/core/meeting/schema.js';

function timed(type: (typeof MEETING_TYPES)[number]) {
  const p = PRESETS[type];
  const a = computeAgenda({
    start: p.start,
    duration: p.duration,
    transition: p.transition,
    buffer: p.buffer,
    items: presetAgenda(type, 'en'),
  });
  return { a, rows: a.items.map((i) => `${i.start}-${i.end} ${i.title}`) };
}

describe('preset agendas (DESIGN.md, "Presets by meeting type")', () => {
  it('weekly: 15 · 20 · 10 in a 50-minute booking (10% buffer)', () => {
    const { a, rows } = timed('weekly');
    expect(rows).toEqual([
      "09:00-09:15 Last week's results",
      '09:15-09:35 Problems and discussion',
      "09:35-09:45 Next week's plan and summary",
    ]);
    expect([a.end, a.buffer, a.bufferShare]).toEqual(['09:50', 5, 0.1]);
  });

  it('monthly: follow-up, review, market, problems, target split, training in 120 minutes', () => {
    const { a, rows } = timed('monthly');
    expect(rows).toEqual([
      "09:00-09:10 Follow-up of last meeting's actions",
      '09:10-09:30 Month review: target vs actual',
      '09:30-09:45 Market and competitors',
      '09:45-10:10 Problems and measures',
      "10:10-10:35 Next month's target split and work plan",
      '10:35-10:45 Training',
    ]);
    expect([a.end, a.buffer]).toEqual(['11:00', 15]);
  });

  it('quarterly: shares 20/15/25/25/15 of the time after a 10% buffer and 2-minute transitions', () => {
    const { a, rows } = timed('quarterly');
    expect(rows).toEqual([
      '14:00-14:20 Results review',
      '14:22-14:37 Market analysis',
      '14:39-15:04 Strategy',
      "15:06-15:31 Next quarter's target decomposition",
      '15:33-15:48 Action plan',
    ]);
    expect([a.end, a.buffer, a.transitions]).toEqual(['16:00', 12, 4]);
  });

  it('half-year: 09:00–15:30 with lunch pinned at 12:00', () => {
    const { a, rows } = timed('half-year');
    expect(rows).toEqual([
      '09:00-09:30 Opening and objectives',
      '09:30-10:30 H1 results review',
      '10:30-11:30 Best practice and failure review',
      '11:30-12:00 H2 strategy and target split',
      '12:00-13:00 Lunch',
      '13:00-14:00 Group discussion and action plan',
      '14:00-14:15 Break',
      '14:15-14:45 Summary and commitments',
    ]);
    expect([a.end, a.buffer]).toEqual(['15:30', 45]);
    expect(a.items[4]!.isBreak).toBe(true);
  });

  it('annual: the half-year shape plus awards; daily: a 15-minute stand-up', () => {
    expect(timed('annual').rows).toContain('14:15-15:00 Awards');
    expect(timed('annual').a.end).toBe('16:30');
    expect(timed('daily').rows).toEqual([
      "08:45-08:50 Yesterday's results",
      "08:50-08:55 Today's targets and key accounts",
      '08:55-08:58 Blockers and help needed',
    ]);
  });

  it('every preset keeps 10–15% buffer, fits its booking, and exists in all three languages', () => {
    for (const type of MEETING_TYPES) {
      const { a } = timed(type);
      expect(a.problems, type).toEqual([]);
      expect(a.bufferShare, type).toBeGreaterThanOrEqual(0.1);
      expect(a.bufferShare, type).toBeLessThanOrEqual(0.15);
      for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
        expect(presetAgenda(type, lang).every((i) => i.title.length > 0)).toBe(true);
      }
    }
    expect(presetAgenda('weekly', 'zh-CN')[0]!.title).toBe('上周业绩回顾');
    expect(presetAgenda('weekly', 'zh-TW')[0]!.title).toBe('上週業績回顧');
  });

  it('reports an overrun with the item that overflows', () => {
    const a = computeAgenda({
      start: '11:30',
      duration: 60,
      items: [
        { title: 'A', minutes: 40 },
        { title: 'B', minutes: 30 },
      ],
    });
    expect(a.problems).toEqual([
      {
        kind: 'overrun',
        index: 1,
        title: 'B',
        end: { clock: '12:40', day: 0 },
        meetingEnd: { clock: '12:30', day: 0 },
      },
    ]);
  });
});
