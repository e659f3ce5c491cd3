import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, STACK_RE, snapshotTree, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const run = async (args: string[], env?: Record<string, string | undefined>) =>
  await runIn(args, { cwd: tmp.dir, env });

describe('salesmeet check', () => {
  it('accepts both examples', async () => {
    copyExample('2026-h1-review', tmp.dir);
    copyExample('2026-w27-weekly', tmp.dir);
    const a = await run(['check', '2026-h1-review', '--lang', 'en']);
    expect([a.code, a.stdout, a.stderr]).toEqual([
      0,
      '2026-h1-review/meeting.yaml, 2026-h1-review/minutes.yaml, 2026-h1-review/actions.yaml: OK\n',
      '',
    ]);
    const b = await run(['check', '2026-w27-weekly']);
    expect([b.code, b.stdout]).toEqual([0, '2026-w27-weekly/meeting.yaml：校验通过\n']);
  });

  it('a wrong type on line N is exit 3 with meeting.yaml:N:column, and nothing changes', async () => {
    copyExample('2026-w27-weekly', join(tmp.dir, 'bad'));
    const dir = join(tmp.dir, 'bad/2026-w27-weekly');
    const file = join(dir, 'meeting.yaml');
    const text = readFileSync(file, 'utf8').replace('type: weekly', 'type: weekley');
    writeFileSync(file, text);
    const before = snapshotTree(dir);
    const r = await run(['check', 'bad/2026-w27-weekly', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'bad/2026-w27-weekly/meeting.yaml:5:7: error: type: expected one of daily, weekly, monthly, quarterly, half-year, annual, custom, found "weekley"\n  hint: did you mean "weekly"?\n',
    );
    expect(r.stdout).toBe('bad/2026-w27-weekly/meeting.yaml: 1 error(s), 0 advice\n');
    expect(r.stderr).not.toMatch(STACK_RE);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('errors: overrun, unknown people; advice: topics, outcomes, buffer, routine length, host, pre-read, actions', async () => {
    const dir = join(tmp.dir, 'm1');
    await run(['init', 'm1', '--yes', '--type', 'monthly', '--date', '2026-06-30']);
    writeFileSync(
      join(dir, 'meeting.yaml'),
      [
        'title: 6 月例会',
        'type: weekly',
        'date: 2026-06-30',
        'start: "11:30"',
        'duration: 90',
        'recorder: 李娜',
        'attendees:',
        '  - { name: 李娜 }',
        'topics:',
        '  - { title: 回款, owner: 王五 }',
        'agenda:',
        '  - { title: 回顾, minutes: 60 }',
        '  - { title: 讨论, minutes: 40, owner: 赵六 }',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'minutes.yaml'), 'actions:\n  - { what: 追回款, owner: 李娜 }\n');
    const r = await run(['check', 'm1', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('  '))).toEqual([
      'm1/meeting.yaml:13:5: error: agenda[1]: agenda item 2 "讨论" ends at 13:10, after the meeting ends at 13:00',
      'm1/meeting.yaml:10:25: error: topics[0].owner: "王五" is not in the attendee list',
      'm1/meeting.yaml:13:38: error: agenda[1].owner: "赵六" is not in the attendee list',
      'm1/meeting.yaml:9:1: advice: topics: 1 key topic(s); good practice is 3–5 topics, each with an expected outcome',
      'm1/meeting.yaml:10:5: advice: topics[0]: topic "回款" has no expected outcome (what should the meeting decide?)',
      'm1/meeting.yaml:5:11: advice: duration: a weekly meeting of 90 minutes; routine meetings should stay within 60 minutes',
      'm1/meeting.yaml:7:1: advice: attendees: no attendee has an `email`: the invite (out/invite.ics) carries names only, no calendar can send it',
      'm1/meeting.yaml:1:1: advice: no host (主持人): someone has to run the meeting and approve the minutes',
      'm1/minutes.yaml:2:5: advice: actions[0]: action 1 "追回款" has no due date',
      'm1/minutes.yaml:2:5: advice: actions[0]: action 1 "追回款" has no measure (考核标准): how will we know it is done?',
      '',
    ]);
    expect(r.stdout).toBe('m1/meeting.yaml, m1/minutes.yaml: 3 error(s), 7 advice\n');
  });

  it('advice alone exits 0; --strict makes it exit 3; --json gives the documented shape', async () => {
    const dir = join(tmp.dir, 'm2');
    await run([
      'init',
      'm2',
      '--yes',
      '--type',
      'weekly',
      '--date',
      '2026-07-06',
      '--host',
      '王芳',
      '--recorder',
      '李娜',
    ]);
    const before = snapshotTree(dir);
    const r = await run(['check', 'm2', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'm2/meeting.yaml:21:1: advice: topics: 0 key topic(s); good practice is 3–5 topics, each with an expected outcome\n' +
        'm2/meeting.yaml:13:1: advice: attendees: no attendee has an `email`: the invite (out/invite.ics) carries names only, no calendar can send it\n' +
        '  hint: add `email: name@example.com` to each attendee who should receive the invite\n',
    );
    expect(r.stdout).toBe('m2/meeting.yaml, m2/minutes.yaml: OK (2 advice)\n');
    expect((await run(['check', 'm2', '--strict'])).code).toBe(3);
    const j = await run(['check', 'm2', '--json', '--lang', 'en']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual({
      schema: 'salesmeet.check/1',
      ok: true,
      files: ['m2/meeting.yaml', 'm2/minutes.yaml'],
      errors: [],
      advice: [
        {
          code: 'advice.fewTopics',
          message: '0 key topic(s); good practice is 3–5 topics, each with an expected outcome',
          hint: null,
          file: 'm2/meeting.yaml',
          line: 21,
          column: 1,
          path: 'topics',
        },
        {
          code: 'advice.noEmails',
          message:
            'no attendee has an `email`: the invite (out/invite.ics) carries names only, no calendar can send it',
          hint: 'add `email: name@example.com` to each attendee who should receive the invite',
          file: 'm2/meeting.yaml',
          line: 13,
          column: 1,
          path: 'attendees',
        },
      ],
    });
    // check only reads: every file of the folder is as it was.
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('reports syntax errors of every file and a missing folder', async () => {
    const dir = join(tmp.dir, 'm3');
    await run(['init', 'm3', '--yes', '--type', 'weekly', '--date', '2026-07-06']);
    writeFileSync(join(dir, 'minutes.yaml'), 'attendance: [\n');
    const r = await run(['check', 'm3', '--lang', 'zh-CN']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^m3\/minutes\.yaml:2:1: 错误: YAML 语法错误：/m);
    const missing = await run(['check', 'nowhere', '--lang', 'en']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(
      'nowhere: error: meeting folder not found\n  hint: create one with `salesmeet init nowhere`\n',
    );
  });
});
