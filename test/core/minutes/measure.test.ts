/** A KPI-linked measure reads as words in every output, not as `collection_rate 目标 0.9` (issue 12, point 3). */
import { describe, expect, it } from 'vitest';
import { minutesLabels } from '../../../src/core/minutes/labels.js';
import { formatMeasure } from '../../../src/core/minutes/view.js';

const say = (m: unknown, lang: 'en' | 'zh-CN' | 'zh-TW') => formatMeasure(m, minutesLabels(lang));

describe('formatMeasure', () => {
  it('a ratio as a percentage, the group first, the date after', () => {
    const m = { metric: 'collection_rate', group: { region: '华东' }, target: 0.9, by: '2026-09-30' };
    expect(say(m, 'zh-CN')).toBe('华东回款率 ≥ 90%（2026-09-30 前）');
    expect(say(m, 'zh-TW')).toBe('华东收款率 ≥ 90%（2026-09-30 前）');
    expect(say({ ...m, group: { region: 'East' } }, 'en')).toBe('East collection rate ≥ 90% by 2026-09-30');
  });

  it('an amount with separators; no group, no date', () => {
    expect(say({ metric: 'revenue', target: 12_000_000 }, 'en')).toBe('Revenue ≥ 12,000,000');
    expect(say({ metric: 'revenue', target: 3000.5 }, 'zh-CN')).toBe('销售额 ≥ 3,000.5');
  });

  it('≤ where lower is better', () => {
    expect(say({ metric: 'expense_ratio', target: 0.12, by: '2026-12-31' }, 'zh-CN')).toBe(
      '费用率 ≤ 12%（2026-12-31 前）',
    );
    expect(say({ metric: 'expense_ratio', target: 0.125 }, 'en')).toBe('Expense ratio ≤ 12.5%');
  });

  it('free text as written; a metric outside the dictionary by its key', () => {
    expect(say('9 月底前华东回款率达到 90%', 'zh-CN')).toBe('9 月底前华东回款率达到 90%');
    expect(say({ metric: 'nps', target: 40 }, 'en')).toBe('nps ≥ 40');
  });
});
