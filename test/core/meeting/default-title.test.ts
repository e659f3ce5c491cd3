import { describe, expect, it } from 'vitest';
import { defaultTitle } from '../../../src/core/meeting/presets.js';

describe('the title init gives a meeting without one', () => {
  it.each([
    ['monthly', '2026-08-28', '2026 年 8 月销售例会', '2026 年 8 月銷售例會', 'August 2026 sales meeting'],
    // Held early in August, a monthly meeting reviews July.
    ['monthly', '2026-08-05', '2026 年 7 月销售例会', '2026 年 7 月銷售例會', 'July 2026 sales meeting'],
    ['half-year', '2026-07-10', '2026 年上半年销售总结会', '2026 年上半年銷售檢討會', 'H1 2026 sales review'],
    ['half-year', '2027-01-08', '2026 年下半年销售总结会', '2026 年下半年銷售檢討會', 'H2 2026 sales review'],
    ['quarterly', '2026-04-08', '2026 年第 1 季度销售会议', '2026 年第 1 季銷售會議', 'Q1 2026 sales review'],
    ['annual', '2027-01-15', '2026 年度销售总结会', '2026 年度銷售檢討會', '2026 annual sales review'],
    // ISO weeks: 2026-06-29 is a Monday in week 27; 2027-01-01 (a Friday) is in week 53 of 2026.
    [
      'weekly',
      '2026-06-29',
      '2026 年第 27 周销售周例会',
      '2026 年第 27 週銷售週會',
      'Week 27 2026 sales meeting',
    ],
    [
      'weekly',
      '2027-01-01',
      '2026 年第 53 周销售周例会',
      '2026 年第 53 週銷售週會',
      'Week 53 2026 sales meeting',
    ],
    [
      'daily',
      '2026-08-28',
      '2026 年 8 月 28 日销售晨会',
      '2026 年 8 月 28 日銷售晨會',
      'Sales stand-up, 28 August 2026',
    ],
  ] as const)('%s on %s', (type, date, cn, tw, en) => {
    expect(defaultTitle(type, date, 'zh-CN')).toBe(cn);
    expect(defaultTitle(type, date, 'zh-TW')).toBe(tw);
    expect(defaultTitle(type, date, 'en')).toBe(en);
  });
});
