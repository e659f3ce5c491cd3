import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyExample, STACK_RE, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
let root: string;
beforeEach(() => {
  tmp = tempDir();
  root = join(tmp.dir, 'meetings');
  for (const name of ['2026-h1-review', '2026-w27-weekly', '2026-07-monthly']) copyExample(name, root);
});
afterEach(() => tmp.cleanup());

const AUG20 = { SALESMEET_NOW: '2026-08-20T18:00:00+08:00' };

describe('salesmeet actions', () => {
  it('reads every meeting under a root folder: overdue first, by owner, rates and carry-over (JSON)', async () => {
    const r = await runIn(['actions', 'meetings', '--json'], { cwd: tmp.dir, env: AUG20 });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schema).toBe('salesmeet.actions/1');
    expect(j.asOf).toBe('2026-08-20');
    expect(j.meetings).toEqual(['2026-w27-weekly', '2026-h1-review', '2026-07-monthly']);
    expect(
      j.items.map((i: { id: string; status: string; overdue: boolean }) => [i.id, i.status, i.overdue]),
    ).toEqual([
      ['2026-h1-review#3', 'in-progress', true],
      ['2026-07-monthly#3', 'open', true],
      ['2026-07-monthly#2', 'open', false],
      ['2026-h1-review#2', 'done', false],
      ['2026-h1-review#1', 'done', false],
      ['2026-07-monthly#1', 'done', false],
    ]);
    expect(j.items[0]).toMatchObject({
      carried: 1,
      daysOverdue: 20,
      seenIn: ['2026-h1-review', '2026-07-monthly'],
    });
    expect(j.items[2].measure).toEqual({
      metric: 'collection_rate',
      group: { region: '华东' },
      target: 0.9,
      by: '2026-09-30',
    });
    expect(j.totals).toMatchObject({ total: 6, done: 3, overdue: 2, completion: 0.5 });
    expect(
      j.perMeeting.map((m: { key: string; completion: number | null; carriedIn: number }) => [
        m.key,
        m.completion,
        m.carriedIn,
      ]),
    ).toEqual([
      ['2026-w27-weekly', null, 0],
      ['2026-h1-review', 2 / 3, 0],
      ['2026-07-monthly', 1 / 3, 2],
    ]);
  });

  it('prints a readable list in the meetings language, and filters by owner and overdue', async () => {
    const r = await runIn(['actions', 'meetings'], { cwd: tmp.dir, env: AUG20 });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('统计日期 2026-08-20 · 3 次会议 · 6 项：已完成 3，未完成 3，逾期 2 · 完成率 50.0%');
    expect(lines[2]).toBe('刘强  （完成率 0.0%，逾期 1 项）');
    expect(lines[3]).toBe(
      '  ! 2026-h1-review#3  制定华南新客户开发方案  完成期限 2026-07-31（逾期 20 天）  [进行中]  结转次数 1',
    );
    expect(r.stdout).toContain('      考核标准：华东回款率 ≥ 90%（2026-09-30 前）');
    expect(r.stdout).toContain('  2026-07-monthly  3 项，已完成 1，逾期 1，完成率 33.3%，结转入 2 项');

    const overdue = await runIn(['actions', 'meetings', '--overdue', '--lang', 'en'], {
      cwd: tmp.dir,
      env: AUG20,
    });
    expect(overdue.stdout).toContain(
      '! 2026-h1-review#3  制定华南新客户开发方案  Due 2026-07-31 (20 days overdue)  [in progress]  Carried 1',
    );
    expect(overdue.stdout).not.toContain('2026-07-monthly#2');

    const wang = JSON.parse(
      (await runIn(['actions', 'meetings', '--owner', '王芳', '--json'], { cwd: tmp.dir, env: AUG20 }))
        .stdout,
    );
    expect(wang.items.map((i: { id: string }) => i.id)).toEqual(['2026-07-monthly#2', '2026-h1-review#1']);
    expect(wang.perOwner).toEqual([
      { key: '王芳', total: 2, done: 1, open: 1, inProgress: 0, dropped: 0, overdue: 0, completion: 0.5 },
    ]);

    const bad = await runIn(['actions', 'meetings', '--status', 'finished'], { cwd: tmp.dir, env: AUG20 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--status: expected one of open, in-progress, done, dropped, overdue, found "finished"',
    );
  });

  it('writes an xlsx tracker and refuses to overwrite it without --force', async () => {
    const r = await runIn(
      ['actions', 'meetings', '--format', 'xlsx', '--out', 'tracker.xlsx', '--as-of', '2026-08-20'],
      { cwd: tmp.dir, env: AUG20 },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已写入 tracker.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 'tracker.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '行动项清单']);
    const ws = wb.getWorksheet('行动项清单')!;
    expect(ws.getCell('A2').value).toBe('2026-h1-review#3');
    expect(ws.getCell('F2').dataValidation.type).toBe('list');
    // Overdue judged by TODAY() when opened; the cached days are those of the run's today (SALESMEET_NOW).
    expect(ws.getCell('G2').value).toMatchObject({ result: 20 });
    expect(ws.headerFooter.oddHeader).toBe(
      '&L华东大区销售周例会（第 27 周）、2026 年上半年销售总结暨下半年目标分解会、2026 年 7 月销售经营分析会 · 行动项清单&R统计日期：2026-08-20',
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const again = await runIn(['actions', 'meetings', '--format', 'xlsx', '--out', 'tracker.xlsx'], {
      cwd: tmp.dir,
    });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('refusing to overwrite tracker.xlsx');
    expect(
      (
        await runIn(['actions', 'meetings', '--format', 'xlsx', '--out', 'tracker.xlsx', '--force'], {
          cwd: tmp.dir,
        })
      ).code,
    ).toBe(0);

    const noOut = await runIn(['actions', 'meetings', '--format', 'xlsx'], { cwd: tmp.dir });
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--format xlsx needs --out FILE');
  });

  it('renders Markdown and HTML across meetings', async () => {
    const md = await runIn(['actions', 'meetings', '--format', 'md', '--lang', 'en'], {
      cwd: tmp.dir,
      env: AUG20,
    });
    expect(md.code).toBe(0);
    // Across meetings the list is titled by the meetings' names and dates, never their folder ids.
    expect(md.stdout).toContain(
      '# 华东大区销售周例会（第 27 周） (2026-07-06) · 2026 年上半年销售总结暨下半年目标分解会 (2026-07-10) · 2026 年 7 月销售经营分析会 (2026-08-05) · Action list',
    );
    expect(md.stdout).toContain('| 2026 年 7 月销售经营分析会 (2026-08-05) | 3 |');
    expect(md.stdout).toContain('As of: 2026-08-20 · Completion: 50.0% (Done 3 / Total 6, overdue 2)');
    expect(md.stdout).toContain(
      '| 2026-h1-review\\#3 | 制定华南新客户开发方案 | 2026-07-31 ⚠ overdue | 每月新增客户不少于 35 家 | in progress<br>2026-08-12 方案已提交市场部，评审排在 8 月 18 日 | 1 |',
    );
    const html = await runIn(['actions', 'meetings', '--format', 'html', '--out', 'out/actions.html'], {
      cwd: tmp.dir,
      env: AUG20,
    });
    expect(html.code).toBe(0);
    expect(readFileSync(join(tmp.dir, 'out/actions.html'), 'utf8')).toContain(
      '<tr class="overdue"><td>2026-h1-review#3</td>',
    );
  });

  it('says which folder has no meetings (exit 3)', async () => {
    const r = await runIn(['actions', '.'], { cwd: join(root, '2026-h1-review', '..', '..') });
    expect(r.code).toBe(0);
    const none = await runIn(['actions', 'nowhere'], { cwd: tmp.dir });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('nowhere: error: folder not found');
    writeFileSync(join(tmp.dir, 'x.txt'), '');
    const empty = await runIn(['actions', 'meetings/2026-h1-review/out'], { cwd: tmp.dir });
    expect(empty.code).toBe(3);
    expect(empty.stderr).not.toMatch(STACK_RE);
  });
});

describe('salesmeet actions update', () => {
  it('appends a dated update to actions.yaml, keeping what was there', async () => {
    const file = join(root, '2026-07-monthly/actions.yaml');
    const before = readFileSync(file, 'utf8');
    const r = await runIn(
      [
        'actions',
        'update',
        '2026-07-monthly#3',
        'meetings/2026-07-monthly',
        '--status',
        'in-progress',
        '--note',
        '方案初稿已提交',
        '--by',
        '张伟',
      ],
      { cwd: tmp.dir, env: AUG20 },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '已记录到 meetings/2026-07-monthly/actions.yaml：2026-07-monthly#3 2026-08-20 → 进行中 · 方案初稿已提交\n',
    );
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      '  - { id: 2026-07-monthly#3, date: 2026-08-20, status: in-progress, note: 方案初稿已提交, by: 张伟 }\n',
    );
    const j = JSON.parse(
      (await runIn(['actions', 'meetings', '--json'], { cwd: tmp.dir, env: AUG20 })).stdout,
    );
    expect(j.items.find((i: { id: string }) => i.id === '2026-07-monthly#3').status).toBe('in-progress');
    expect((await runIn(['check', 'meetings/2026-07-monthly'], { cwd: tmp.dir })).code).toBe(0);
  });

  it('creates actions.yaml when the meeting has none, and updates a carried item in the later meeting', async () => {
    const r = await runIn(
      ['actions', 'update', '2026-h1-review#3', '--status', 'done', '--note', '方案已发布'],
      {
        cwd: join(root, '2026-07-monthly'),
        env: AUG20,
      },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(
      (await runIn(['actions', 'meetings', '--json'], { cwd: tmp.dir, env: AUG20 })).stdout,
    );
    expect(j.items.find((i: { id: string }) => i.id === '2026-h1-review#3').status).toBe('done');
  });

  it('rejects an unknown id with a suggestion (exit 3) and an update with nothing in it (exit 2)', async () => {
    const r = await runIn(
      ['actions', 'update', '2026-07-monthy#3', 'meetings/2026-07-monthly', '--status', 'done'],
      { cwd: tmp.dir, env: AUG20 },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'meetings/2026-07-monthly/actions.yaml: error: no action "2026-07-monthy#3" in this meeting (it has: 2026-h1-review#1, 2026-h1-review#3, 2026-07-monthly#1, 2026-07-monthly#2, 2026-07-monthly#3)',
    );
    expect(r.stderr).toContain('hint: did you mean "2026-07-monthly#3"?');
    const empty = await runIn(['actions', 'update', '2026-07-monthly#3', 'meetings/2026-07-monthly'], {
      cwd: tmp.dir,
    });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('nothing to record: give --status, --note or both');
  });
});

describe('init --from carries open items forward', () => {
  it('increments carry-over counts from the July meeting', async () => {
    const r = await runIn(
      [
        'init',
        'meetings/2026-08-monthly',
        '--yes',
        '--type',
        'monthly',
        '--date',
        '2026-09-04',
        '--from',
        'meetings/2026-07-monthly',
        '--json',
      ],
      { cwd: tmp.dir, env: AUG20 },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).carried).toEqual([
      { id: '2026-h1-review#3', what: '制定华南新客户开发方案', owner: '刘强', carried: 2 },
      { id: '2026-07-monthly#2', what: '华东逾期客户转法务发函并跟进回款', owner: '王芳', carried: 1 },
      { id: '2026-07-monthly#3', what: '制定华北渠道伙伴季度激励方案', owner: '张伟', carried: 1 },
    ]);
  });
});
