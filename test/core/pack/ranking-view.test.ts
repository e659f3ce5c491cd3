import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpi/result.js';
import { rankingView } from '../../../src/core/pack/ranking-view.js';
import { KPI_EXAMPLE } from '../../helpers/kpi-example.js';

/** KPI_EXAMPLE's four regions with the achievements of a month, written by hand. */
function month(label: string, ach: Record<string, number>): KpiResult {
  return {
    ...KPI_EXAMPLE,
    period: { label, start: `${label}-01`, end: `${label}-28` },
    rows: KPI_EXAMPLE.rows.map((r) => {
      const a = ach[r.group.region!]!;
      return { ...r, achievement: a, status: a >= 1 ? 'on-track' : a >= 0.9 ? 'at-risk' : 'off-track' };
    }),
  };
}

// June: 华南 1.10, 华北 0.95, 西部 0.85, 华东 0.80. May: 华北 1.02 first, 华南 0.99, 华东 0.97, 西部 0.70.
// April: 华东 0.96, 西部 1.05. March: 华东 0.90.
const june = month('2026-06', { 华东: 0.8, 华北: 0.95, 华南: 1.1, 西部: 0.85 });
const may = month('2026-05', { 华东: 0.97, 华北: 1.02, 华南: 0.99, 西部: 0.7 });
const april = month('2026-04', { 华东: 0.96, 华北: 1.0, 华南: 1.0, 西部: 1.05 });
const march = month('2026-03', { 华东: 0.9, 华北: 1.0, 华南: 1.0, 西部: 1.0 });

describe('the monthly ranking (表扬先进、鞭策落后)', () => {
  it('ranks by achievement with the change of rank, and counts the periods below target running', () => {
    const v = rankingView(june, may, [april, march], 'zh-CN')!;
    // June ranks 华南 1, 华北 2, 西部 3, 华东 4; May ranked 华北 1, 华南 2, 华东 3, 西部 4.
    expect(v.rows.map((r) => [r.rank, r.name, r.score, r.change, r.monthsBelow, r.status])).toEqual([
      ['1', '华南', '110.0%', '↑1', '', '● 正常'],
      ['2', '华北', '95.0%', '↓1', '', '▲ 预警'],
      ['3', '西部', '85.0%', '↑1', '2', '▼ 落后'],
      // 华东: below in June, May, April and March: 4 running.
      ['4', '华东', '80.0%', '↓1', '4', '▼ 落后'],
    ]);
    expect(v.lines).toEqual([
      '1 个正常 · 1 个预警 · 2 个落后。',
      '第一名：华南，达成 110.0%。',
      '进步最快：华南，上升 1 位（第 2 → 第 1）。',
      '连续两期及以上未达标：西部（2）、华东（4）。',
    ]);
    expect(v.basis).toBe('按达成率排名；“较上期”为排名变化。');
  });

  it('in English, and without a previous period: no change column values, no most improved', () => {
    const v = rankingView(june, null, [], 'en')!;
    expect(v.rows.map((r) => r.change)).toEqual(['', '', '', '']);
    expect(v.lines).toEqual(['1 on track · 1 at risk · 2 off track.', 'First: 华南, at 110.0% of target.']);
  });
});
