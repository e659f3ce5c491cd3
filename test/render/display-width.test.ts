/** The terminal width of table cells: the fast loop agrees with string-width on every kind of text it sees. */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/kpi-text.js';

describe('displayWidth', () => {
  it('matches string-width on ASCII, CJK, kana, hangul, full-width forms and the rest', () => {
    for (const s of [
      '',
      'Revenue',
      '华东',
      '華東區',
      '销售额（万元）',
      'ｶﾀｶﾅ',
      'カタカナ',
      '한국',
      '−12.5 pp',
      '· 2026-06 ·',
      '👍 ok',
      'é',
      '「上期」、。',
    ])
      expect(displayWidth(s), s).toBe(stringWidth(s));
    const pool = fc.constantFrom(...'aZ09 -.%华東销售額（）、。「」カナ한글·—−é👍\u0301'.split(''));
    fc.assert(
      fc.property(fc.array(pool, { maxLength: 20 }), (chars) => {
        const s = chars.join('');
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 500 },
    );
  });
});
