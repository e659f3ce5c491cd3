import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpi/result.js';
import { reviewMeeting } from '../../../src/core/meeting/advice.js';
import { type MeetingInput, meetingSchema } from '../../../src/core/meeting/schema.js';
import { gapsView, marketView } from '../../../src/core/pack/discussion-view.js';
import { KPI_EXAMPLE } from '../../helpers/kpi-example.js';

const meeting = (extra: Partial<MeetingInput> = {}) =>
  meetingSchema.parse({
    title: '7 月销售经营分析会',
    type: 'monthly',
    date: '2026-08-05',
    start: '09:00',
    ...extra,
  });

/** KPI_EXAMPLE mid-period: 75% of the time gone. */
const MID: KpiResult = { ...KPI_EXAMPLE, timeProgress: 0.75 };

describe('the gap analysis', () => {
  it('lists every line behind (totals first, then the groups from the lowest achievement) with the gap in words', () => {
    const v = gapsView(meeting(), KPI_EXAMPLE, 'zh-CN')!;
    expect(v.rows.map((r) => [r.metric, r.group, r.gap])).toEqual([
      ['销售额', '', '差额 −800 万元；达成 92.0%'],
      ['回款率', '', '差额 −5.0 个百分点；达成 94.4%'],
      ['新客户数', '', '差额 −20 家；达成 90.0%'],
      ['销售额', '华南', '差额 −400 万元；达成 85.7%'],
      ['销售额', '西部', '差额 −200 万元；达成 88.2%'],
      ['销售额', '华东', '差额 −150 万元；达成 95.0%'],
      ['销售额', '华北', '差额 −50 万元；达成 98.0%'],
    ]);
    expect(v.rows.every((r) => r.cause === '' && r.measure === '' && r.owner === '' && r.due === '')).toBe(
      true,
    );
    expect(v.more).toBeNull();
  });

  it('mid-period, an amount behind time progress says by how much; a ratio or a distinct count never does', () => {
    const v = gapsView(meeting(), MID, 'zh-CN')!;
    // 销售额 92.0% against 75% time progress is ahead: no progress clause. 华南 85.7% is ahead too.
    expect(v.rows[0]!.gap).toBe('差额 −800 万元；达成 92.0%');
    const behind: KpiResult = { ...MID, timeProgress: 0.95 };
    const b = gapsView(meeting(), behind, 'zh-CN')!;
    expect(b.rows[0]!.gap).toBe('差额 −800 万元；达成 92.0%；与时间进度相比落后 3.0 个百分点');
    expect(b.rows[1]!.gap).toBe('差额 −5.0 个百分点；达成 94.4%');
    const en = gapsView(meeting(), behind, 'en')!;
    expect(en.rows[0]!.gap).toBe('variance −800 万元; achievement 92.0%; behind 3.0 pp vs time progress');
    expect(en.rows[1]!.gap).toBe('variance −5.0 pp; achievement 94.4%');
    // New customers are a distinct count: they do not accrue day by day either (pacedByTime).
    expect(gapsView(meeting(), behind, 'zh-TW')!.rows[2]!.gap).toBe('差額 −20 家；達成 90.0%');
    expect(gapsView(meeting(), behind, 'zh-TW')!.rows[3]!.gap).toBe(
      '差額 −400 万元；達成 85.7%；與時間進度相比落後 9.3 個百分點',
    );
  });

  it("completes the lines from meeting.yaml's gaps (by metric key or label, and group) and keeps the lines the data lacks", () => {
    const m = meeting({
      gaps: [
        {
          metric: '销售额',
          group: { region: '华南' },
          cause: '竞品降价 8%',
          measure: '服务套餐保客户',
          owner: '吴磊',
          due: '2026-08-31',
        },
        {
          metric: 'collection_rate',
          cause: '两家客户逾期',
          measure: '每周追收',
          owner: '王芳',
          due: '2026-08-15',
          target: 0.9,
        },
        { metric: '渠道库存', gap: '库存周转 62 天（目标 45 天）', cause: '备货过多' },
      ],
    });
    const v = gapsView(m, KPI_EXAMPLE, 'zh-CN')!;
    expect(v.rows[1]).toEqual({
      metric: '回款率',
      group: '',
      gap: '差额 −5.0 个百分点；达成 94.4%',
      cause: '两家客户逾期',
      measure: '每周追收',
      owner: '王芳',
      due: '2026-08-15',
    });
    expect(v.rows[3]).toMatchObject({ metric: '销售额', group: '华南', cause: '竞品降价 8%', owner: '吴磊' });
    // A region line does not take the total's entry, nor the total a region's.
    expect(v.rows[0]!.cause).toBe('');
    expect(v.rows[4]!.cause).toBe('');
    expect(v.rows.at(-1)).toEqual({
      metric: '渠道库存',
      group: '',
      gap: '库存周转 62 天（目标 45 天）',
      cause: '备货过多',
      measure: '',
      owner: '',
      due: '',
    });
    expect(v.rows).toHaveLength(8);
  });

  it('keeps the ten worst group lines and counts the rest in one sentence', () => {
    const reps = Array.from({ length: 14 }, (_, i) => ({
      ...KPI_EXAMPLE.rows[0]!,
      group: { rep: `代表${i + 1}` },
      achievement: 0.5 + i / 100,
      status: 'off-track' as const,
    }));
    const kpi: KpiResult = { ...KPI_EXAMPLE, by: ['rep'], rows: reps, totals: [] };
    const v = gapsView(meeting(), kpi, 'zh-CN')!;
    expect(v.rows.map((r) => r.group)).toEqual(Array.from({ length: 10 }, (_, i) => `代表${i + 1}`));
    expect(v.more).toBe('另有 4 项分组指标落后，见 KPI 表。');
    expect(gapsView(meeting(), kpi, 'en')!.more).toBe('4 more group lines are behind: see the KPI tables.');
    // A line somebody already worked on stays in the table.
    const kept = gapsView(
      meeting({ gaps: [{ metric: 'revenue', group: { rep: '代表14' }, cause: '休假' }] }),
      kpi,
      'zh-CN',
    )!;
    expect(kept.rows.at(-1)).toMatchObject({ group: '代表14', cause: '休假' });
    expect(kept.more).toBe('另有 3 项分组指标落后，见 KPI 表。');
  });

  it('is absent when nothing is behind and meeting.yaml has no gaps', () => {
    const allMet: KpiResult = {
      ...KPI_EXAMPLE,
      rows: [],
      totals: KPI_EXAMPLE.totals.map((r) => ({ ...r, status: 'on-track' as const })),
    };
    expect(gapsView(meeting(), allMet, 'zh-CN')).toBeNull();
    expect(gapsView(meeting(), null, 'zh-CN')).toBeNull();
  });
});

describe('the market section', () => {
  const market = {
    data: [{ item: '华东行业零售额', value: '同比 −3.6%', source: '行业协会' }],
    competitors: [{ name: '竞品 B', move: '返点提高 2 个百分点' }],
    swot: { strengths: ['渠道广'], weaknesses: ['回款慢'], opportunities: [], threats: ['价格战'] },
  };

  it('is shown for monthly and longer meetings, in the meeting language, with a 2 × 2 SWOT', () => {
    const v = marketView(meeting({ market }), 'zh-TW')!;
    expect(v.data).toEqual([{ item: '华东行业零售额', value: '同比 −3.6%', source: '行业协会' }]);
    expect(v.competitors).toEqual([
      { name: '竞品 B', move: '返点提高 2 个百分点', impact: '', response: '' },
    ]);
    expect(v.swotGrid!.map((row) => row.map((q) => q.title))).toEqual([
      ['優勢（S）', '劣勢（W）'],
      ['機會（O）', '威脅（T）'],
    ]);
    expect(v.swotGrid![1]![1]!.items).toEqual(['价格战']);
    for (const type of ['quarterly', 'half-year', 'annual'] as const)
      expect(marketView(meeting({ type, market }), 'en')).not.toBeNull();
  });

  it('is left out of weekly and daily packs, and check says so', () => {
    const weekly = meeting({ type: 'weekly', market });
    expect(marketView(weekly, 'zh-CN')).toBeNull();
    const review = reviewMeeting(weekly, 'meeting.yaml', () => ({ line: 9, column: 1 }));
    const advice = review.advice.find((a) => a.code === 'advice.marketNotShown')!;
    expect(advice.message('zh-CN')).toBe(
      '市场与竞争部分只在月度及更长周期会议的会前资料中显示，本次会议的资料不含这一部分',
    );
    expect(advice.message('en')).toBe(
      'the market section is shown in the pack of monthly and longer meetings only: this pack leaves it out',
    );
    expect(advice.path).toBe('market');
  });
});

describe('check on the gap analysis', () => {
  it('advises when a countermeasure has no owner or no deadline', () => {
    const m = meeting({
      gaps: [
        { metric: '回款率', measure: '每周追收' },
        { metric: '销售额', measure: '冲刺', owner: '王芳', due: '2026-08-31' },
        { metric: '毛利率', cause: '折扣过多' },
      ],
    });
    const review = reviewMeeting(m, 'meeting.yaml', () => ({ line: 12, column: 5 }));
    const gaps = review.advice.filter((a) => a.code === 'advice.gapUnowned');
    expect(gaps.map((a) => a.path)).toEqual(['gaps[0]']);
    expect(gaps[0]!.message('zh-TW')).toBe('差距分析「回款率」已有對策，但缺少負責人或期限');
  });
});

describe('the attendee list', () => {
  it('prints a role once when init gave the host and the minute-taker their role word', async () => {
    const { agendaView } = await import('../../../src/core/pack/agenda-view.js');
    const { agendaInput, computeAgenda } = await import('../../../src/core/agenda.js');
    const m = meeting({
      host: '陈建国',
      recorder: '李娜',
      attendees: [
        { name: '陈建国', role: '主持人' },
        { name: '李娜', role: '记录人' },
        { name: '王芳', role: '华东大区经理' },
      ],
    });
    const head = agendaView(m, computeAgenda(agendaInput(m)), 'zh-CN', 'Asia/Shanghai').head;
    expect(head.attendees.map((a) => a.role)).toEqual(['主持人', '记录人', '华东大区经理']);
  });
});
