import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../../src/core/agenda.js';

describe('the time zone as a reader names it', () => {
  // Instants worked out by hand: 2026-07-10 09:00 in Shanghai is 01:00Z.
  const jul10 = Date.parse('2026-07-10T01:00:00Z');
  it('names the zones people call by name, in each language, and their old aliases', () => {
    expect(zoneLabel('Asia/Shanghai', 'zh-CN', jul10)).toBe('北京时间');
    expect(zoneLabel('Asia/Shanghai', 'zh-TW', jul10)).toBe('北京時間');
    expect(zoneLabel('Asia/Taipei', 'zh-TW', jul10)).toBe('台北時間');
    expect(zoneLabel('PRC', 'en', jul10)).toBe('Beijing time, UTC+08:00');
    expect(zoneLabel('Asia/Hong_Kong', 'zh-CN', jul10)).toBe('香港时间');
  });
  it('gives other zones the offset in force, both offsets when the clocks change during the meeting', () => {
    expect(zoneLabel('America/New_York', 'en', Date.parse('2026-07-10T13:00:00Z'))).toBe('UTC−04:00');
    expect(zoneLabel('Asia/Kolkata', 'zh-CN', jul10)).toBe('UTC+05:30');
    // New York, 8 March 2026: 01:30 EST (06:30Z) to 03:30 EDT (07:30Z).
    expect(
      zoneLabel(
        'America/New_York',
        'en',
        Date.parse('2026-03-08T06:30:00Z'),
        Date.parse('2026-03-08T07:30:00Z'),
      ),
    ).toBe('UTC−05:00→UTC−04:00');
  });
});
