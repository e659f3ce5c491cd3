import { describe, expect, it } from 'vitest';
import { columnWidths, lineTwips, longestTokenTwips } from '../../src/io/docx.js';

describe('Word table grids', () => {
  it('measure the longest run that cannot wrap: a Latin token whole, Chinese one character at a time', () => {
    // 16 characters × 0.75 em × 9 pt × 20 twips = 2,160.
    expect(longestTokenTwips('2026-h1-review#1')).toBe(2160);
    expect(longestTokenTwips('制定华东重点客户回款追收计划')).toBe(180);
    expect(longestTokenTwips('7 月底前收回逾期款 300 万元以上')).toBe(405);
  });

  it('measure a header on one line: "Actual (万元)" is 9 Latin characters at 0.75 em and two at 1 em', () => {
    // (9 × 0.75 + 2) em × 9 pt × 20 twips = 8.75 × 180 = 1,575.
    expect(lineTwips('Actual (万元)')).toBe(1575);
  });

  it('give every column its longest token, share the rest by weight, and add up to the text width', () => {
    const head = ['ID', 'Action', 'Owner', 'Due', 'Success measure', 'Priority'];
    const rows = [
      [
        '2026-h1-review#1',
        '制定华东重点客户回款追收计划并每周跟进',
        '王芳',
        '2026-07-17',
        '7 月底前收回逾期款',
        'Medium',
      ],
    ];
    const w = columnWidths(head, rows, [22, 23, 9, 15, 21, 10]);
    expect(w.reduce((a, b) => a + b, 0)).toBe(11_906 - 2 * 1_440);
    expect(w[0]).toBeGreaterThanOrEqual(2160 + 216);
    expect(w[2]).toBeGreaterThanOrEqual(longestTokenTwips('Owner') + 216);
    expect(w[5]).toBeGreaterThanOrEqual(longestTokenTwips('Priority') + 216);
  });
});
