import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingInput } from '../../src/app/actions.js';
import { loadMeetingFolder } from '../../src/app/meeting-folder.js';
import {
  actionReport,
  carryOver,
  ESCALATE_AFTER,
  evaluateMeasure,
  type MeetingActionsInput,
  meetingActions,
  mergeActions,
} from '../../src/core/actions.js';
import type { KpiResult, KpiRow } from '../../src/core/kpi/result.js';
import { EXAMPLES } from '../helpers/cli.js';

async function examples(): Promise<MeetingActionsInput[]> {
  const out: MeetingActionsInput[] = [];
  for (const name of ['2026-h1-review', '2026-w27-weekly', '2026-07-monthly'])
    out.push(meetingInput(await loadMeetingFolder(join(EXAMPLES, name), EXAMPLES)));
  return out;
}

describe('actions across the three example meetings', () => {
  it('merges carried items into one, with updates from every actions.yaml', async () => {
    const merged = mergeActions(await examples());
    expect(merged.map((a) => a.id)).toEqual([
      '2026-h1-review#1',
      '2026-h1-review#2',
      '2026-h1-review#3',
      '2026-07-monthly#1',
      '2026-07-monthly#2',
      '2026-07-monthly#3',
    ]);
    const first = merged[0]!;
    expect(first.seenIn).toEqual(['2026-h1-review', '2026-07-monthly']);
    expect(first.meeting).toBe('2026-h1-review');
    expect(first.carried).toBe(1);
    expect(first.status).toBe('done'); // in-progress on 07-20 (h1 log), done on 08-08 (monthly log)
    expect(first.updates.map((u) => u.date)).toEqual(['2026-07-20', '2026-08-08']);
    // A note without a status keeps the last status.
    expect(merged[2]!.status).toBe('in-progress');
  });

  it('computes overdue as of a fixed date, completion per owner and per meeting, and carry-over counts', async () => {
    const meetings = await examples();
    const report = actionReport(mergeActions(meetings), meetings, '2026-08-20');
    expect(report.items.map((i) => [i.id, i.overdue, i.daysOverdue])).toEqual([
      ['2026-h1-review#3', true, 20],
      ['2026-07-monthly#3', true, 5],
      ['2026-07-monthly#2', false, 0], // due today: not overdue yet
      ['2026-h1-review#2', false, 0],
      ['2026-h1-review#1', false, 0],
      ['2026-07-monthly#1', false, 0],
    ]);
    expect(report.totals).toMatchObject({ total: 6, done: 3, overdue: 2, completion: 0.5 });
    expect(report.perMeeting.map((m) => [m.key, m.total, m.done, m.completion, m.carriedIn])).toEqual([
      ['2026-w27-weekly', 0, 0, null, 0],
      ['2026-h1-review', 3, 2, 2 / 3, 0],
      ['2026-07-monthly', 3, 1, 1 / 3, 2],
    ]);
    expect(report.perOwner.map((o) => [o.key, o.total, o.done, o.overdue, o.completion])).toEqual([
      ['刘强', 1, 0, 1, 0],
      ['张伟', 1, 0, 1, 0],
      ['王芳', 2, 1, 0, 0.5],
      ['李娜', 2, 2, 0, 1],
    ]);
    expect(report.owners.map((g) => g.owner)).toEqual(['刘强', '张伟', '王芳', '李娜']);
  });

  it('filters by owner, status and overdue without changing the rates', async () => {
    const meetings = await examples();
    const all = mergeActions(meetings);
    const wang = actionReport(all, meetings, '2026-08-20', { owner: '王芳' });
    expect(wang.items.map((i) => i.id)).toEqual(['2026-07-monthly#2', '2026-h1-review#1']);
    expect(wang.perOwner.map((o) => o.key)).toEqual(['王芳']);
    expect(wang.totals.total).toBe(6);
    const overdue = actionReport(all, meetings, '2026-08-20', { overdue: true });
    expect(overdue.items.map((i) => i.id)).toEqual(['2026-h1-review#3', '2026-07-monthly#3']);
    const done = actionReport(all, meetings, '2026-08-20', { status: 'done' });
    expect(done.items).toHaveLength(3);
  });

  it('counts dropped items out of the completion rate', () => {
    const m: MeetingActionsInput = {
      id: 'm',
      title: 'm',
      date: '2026-01-01',
      own: [
        { what: 'a', status: 'done' },
        { what: 'b', status: 'dropped' },
        { what: 'c', status: 'open' },
      ],
      carried: [],
      log: undefined,
    };
    const r = actionReport(mergeActions([m]), [m], '2026-01-02');
    expect(r.totals.completion).toBe(0.5);
  });
});

describe('carry-over', () => {
  it('carries open items forward, increments the count and flags the third carry for escalation', () => {
    const own = [{ what: '补充西部销售代表', owner: '赵敏', status: 'open' as const }];
    let carried = carryOver(meetingActions('2026-q1', own, [], undefined));
    expect(carried).toEqual([
      {
        id: '2026-q1#1',
        what: '补充西部销售代表',
        owner: '赵敏',
        status: 'open',
        carried: 1,
        from: '2026-q1',
      },
    ]);
    carried = carryOver(meetingActions('2026-04', [], carried, undefined));
    carried = carryOver(meetingActions('2026-05', [], carried, undefined));
    expect(carried[0]!.carried).toBe(ESCALATE_AFTER);
    const meetings: MeetingActionsInput[] = [
      { id: '2026-06', title: '', date: '2026-06-30', own: [], carried, log: undefined },
    ];
    const r = actionReport(mergeActions(meetings), meetings, '2026-07-01');
    expect(r.items[0]!.escalate).toBe(true);
    // Done items are not carried.
    const log = { updates: [{ id: '2026-q1#1', date: '2026-06-30', status: 'done' as const }] };
    expect(carryOver(meetingActions('2026-06', [], carried, log))).toEqual([]);
  });
});

function row(over: Partial<KpiRow>): KpiRow {
  return {
    metric: 'collection_rate',
    label: '回款率',
    kind: 'ratio',
    direction: 'higher',
    unit: null,
    group: {},
    target: 0.9,
    actual: null,
    priorYear: null,
    priorPeriod: null,
    achievement: null,
    variance: null,
    yoy: null,
    yoyUnit: 'pp',
    yoyNote: null,
    mom: null,
    momUnit: 'pp',
    momNote: null,
    share: null,
    rank: null,
    status: null,
    forecast: null,
    forecastAchievement: null,
    ...over,
  };
}

function kpi(asOf: string, rows: KpiRow[], totals: KpiRow[] = []): KpiResult {
  return {
    schema: 'salesmeet.kpi/1',
    period: { label: '2026-08', start: '2026-08-01', end: '2026-08-31' },
    asOf,
    timeProgress: null,
    by: ['region'],
    rows,
    totals,
    warnings: [],
    notes: [],
  };
}

describe('KPI-linked measures', () => {
  const measure = { metric: 'collection_rate', group: { region: '华东' }, target: 0.9, by: '2026-09-30' };
  const rows = [
    row({ group: { region: '华东' }, actual: 0.82 }),
    row({ group: { region: '华南' }, actual: 0.93 }),
  ];

  it('is met when the group reaches the target', () => {
    const r = evaluateMeasure({ ...measure, group: { region: '华南' } }, kpi('2026-10-01', rows));
    expect(r).toMatchObject({ state: 'met', actual: 0.93, target: 0.9 });
  });

  it('is pending before the by-date and not met after it', () => {
    expect(evaluateMeasure(measure, kpi('2026-08-31', rows)).state).toBe('pending');
    expect(evaluateMeasure(measure, kpi('2026-09-30', rows)).state).toBe('not-met');
    expect(evaluateMeasure({ ...measure, by: undefined }, kpi('2026-08-31', rows)).state).toBe('not-met');
  });

  it('compares the other way for a lower-is-better metric', () => {
    const cost = [row({ metric: 'expense_ratio', label: '费用率', direction: 'lower', actual: 0.118 })];
    expect(
      evaluateMeasure({ metric: 'expense_ratio', target: 0.12 }, kpi('2026-09-30', [], cost)).state,
    ).toBe('met');
    expect(
      evaluateMeasure({ metric: 'expense_ratio', target: 0.11 }, kpi('2026-09-30', [], cost)).state,
    ).toBe('not-met');
  });

  it('matches the metric by label too, and needs exactly the same group', () => {
    expect(evaluateMeasure({ ...measure, metric: '回款率' }, kpi('2026-08-31', rows)).actual).toBe(0.82);
    expect(evaluateMeasure({ ...measure, group: { region: '西部' } }, kpi('2026-08-31', rows)).state).toBe(
      'no-data',
    );
    const noActual = [row({ group: { region: '华东' }, actual: null })];
    expect(evaluateMeasure(measure, kpi('2026-08-31', noActual)).state).toBe('no-data');
  });
});

describe('as of a past day', () => {
  it('leaves out updates logged after that day', async () => {
    const meetings = await examples();
    const report = actionReport(mergeActions(meetings, '2026-08-06'), meetings, '2026-08-06');
    const byId = new Map(report.items.map((i) => [i.id, i]));
    expect(byId.get('2026-h1-review#2')?.status).toBe('done'); // 07-14
    expect(byId.get('2026-h1-review#1')?.status).toBe('in-progress'); // done only on 08-08
    expect(byId.get('2026-h1-review#1')?.updates.map((u) => u.date)).toEqual(['2026-07-20']);
    expect(byId.get('2026-07-monthly#1')?.status).toBe('open'); // done on 08-11
    expect(report.totals).toMatchObject({ total: 6, done: 1, overdue: 2, completion: 1 / 6 });
  });
});
