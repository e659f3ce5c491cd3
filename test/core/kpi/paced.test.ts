import { describe, expect, it } from 'vitest';
import { pacedByTime } from '../../../src/core/kpi/paced.js';

describe('which metrics are judged against time progress', () => {
  it.each([
    ['revenue', 'amount', 'higher', true],
    ['orders', 'count', 'higher', true],
    ['collection', 'amount', 'higher', true],
    ['collection_rate', 'ratio', 'higher', false],
    ['gross_margin', 'ratio', 'higher', false],
    ['expense_ratio', 'ratio', 'lower', false],
    ['new_customers', 'count', 'higher', false],
    ['avg_order_value', 'amount', 'higher', false],
    ['sales_cycle', 'count', 'lower', false],
    ['某自定义金额', 'amount', 'higher', true],
    ['某自定义比率', 'ratio', 'higher', false],
  ] as const)('%s (%s, %s is better): %s', (metric, kind, direction, paced) => {
    expect(pacedByTime({ metric, kind, direction })).toBe(paced);
  });
});
