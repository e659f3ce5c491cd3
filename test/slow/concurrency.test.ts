/**
 * People use salesmeet at the same time: several real processes change the same files at once, and nothing is
 * lost. Each case runs real `salesmeet` processes started together (not in-process), in bounded rounds, and asserts
 * on what is on disk afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, copyExample, type RunResult, tempDir } from '../helpers/cli.js';

function runAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: {
        ...process.env,
        NO_COLOR: '1',
        LANG: 'en_US.UTF-8',
        SALESMEET_LANG: 'en',
        SALESMEET_NOW: '2026-06-25T10:00:00+08:00',
        TZ: 'Asia/Shanghai',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('salesmeet-concurrency-');
});
afterAll(() => tmp.cleanup());

describe('concurrent actions update on one actions.yaml', () => {
  it('keeps every update: 5 processes at once, 6 rounds', async () => {
    const dir = copyExample('2026-h1-review', join(tmp.dir, 'upd'));
    const log = join(dir, 'actions.yaml');
    const before = existsSync(log)
      ? ((parse(readFileSync(log, 'utf8')) as { updates?: unknown[] }).updates ?? [])
      : [];
    let expected = before.length;
    for (let round = 0; round < 6; round++) {
      const notes = [1, 2, 3, 4, 5].map((i) => `round ${round} writer ${i}`);
      const results = await Promise.all(
        notes.map((note) => runAsync(['actions', 'update', '2026-h1-review#1', '--note', note], dir)),
      );
      for (const r of results) expect(r.stderr).toBe('');
      expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
      expected += 5;
      const updates = (parse(readFileSync(log, 'utf8')) as { updates: { note?: string }[] }).updates;
      expect(updates).toHaveLength(expected);
      for (const note of notes) expect(updates.filter((u) => u.note === note)).toHaveLength(1);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'))).toEqual([]);
  }, 300_000);

  it('clears a lock left by a crashed process and carries on', async () => {
    const dir = copyExample('2026-h1-review', join(tmp.dir, 'stale'));
    // A process id that is not running: a child that has already exited.
    const dead = await new Promise<number>((resolve) => {
      const c = spawn(process.execPath, ['-e', '0']);
      c.on('close', () => resolve(c.pid!));
    });
    writeFileSync(
      join(dir, 'actions.yaml.lock'),
      `${JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), at: '2026-06-25T01:00:00Z', token: 'x' })}\n`,
    );
    const r = await runAsync(['actions', 'update', '2026-h1-review#1', '--note', 'after a crash'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'actions.yaml'), 'utf8')).toContain('after a crash');
    expect(existsSync(join(dir, 'actions.yaml.lock'))).toBe(false);
  });
});

describe('two init into the same folder at once', () => {
  it('one creates the meeting, the other is refused with exit 4; the folder holds one run, whole', async () => {
    for (let round = 0; round < 5; round++) {
      const target = join(tmp.dir, `init-${round}`);
      const [a, b] = await Promise.all(
        ['Run A', 'Run B'].map((title) =>
          runAsync(
            ['init', target, '--type', 'weekly', '--date', '2026-07-06', '--title', title, '--lang', 'en'],
            tmp.dir,
          ),
        ),
      );
      const codes = [a!.code, b!.code].sort();
      expect(codes).toEqual([0, 4]);
      const loser = a!.code === 4 ? a! : b!;
      expect(loser.stderr).toMatch(/refusing to overwrite|was created by another process/);
      const winner = a!.code === 0 ? 'Run A' : 'Run B';
      const meeting = parse(readFileSync(join(target, 'meeting.yaml'), 'utf8')) as { title: string };
      expect(meeting.title).toBe(winner);
      const minutes = readFileSync(join(target, 'minutes.yaml'), 'utf8');
      expect(minutes).toContain(winner);
      expect(minutes).not.toContain(winner === 'Run A' ? 'Run B' : 'Run A');
    }
  }, 300_000);
});

describe('a run killed at any write boundary', () => {
  it('never makes the next run blame the user (minutes, then pack)', async () => {
    for (const command of [['minutes'], ['agenda']]) {
      const dir = copyExample('2026-h1-review', join(tmp.dir, `crash-${command[0]}`));
      const first = await runAsync([...command, dir], tmp.dir);
      expect(first.code).toBe(0);
      // Change the content so every output is rewritten, then kill after the 1st, 2nd, … rename.
      let killedAt = 0;
      for (let k = 1; k <= 12; k++) {
        const meeting = join(dir, 'meeting.yaml');
        writeFileSync(
          meeting,
          readFileSync(meeting, 'utf8').replace(/^title: (.*)$/m, `title: 2026 H1 review rev ${k}`),
        );
        const r = await runAsync([...command, dir], tmp.dir, { SALESMEET_CRASH_AFTER_RENAME: String(k) });
        if (r.code === 0) break; // fewer renames than k: the run finished
        killedAt = k;
        const next = await runAsync([...command, dir], tmp.dir);
        expect(next.stderr).toBe('');
        expect(next.code).toBe(0);
      }
      expect(killedAt).toBeGreaterThan(2);
    }
  }, 300_000);
});

describe('a whole team signing at once', () => {
  const SIGNERS = ['陈建国', '李娜', '王芳', '刘强', '张伟'];

  it('keeps every signature: 5 signers within a second, 5 rounds, then signed off', async () => {
    for (let round = 0; round < 5; round++) {
      const dir = copyExample('2026-h1-review', join(tmp.dir, `sign-${round}`));
      const results = await Promise.all(
        SIGNERS.map((n) => runAsync(['minutes', 'sign', '.', '--as', n], dir)),
      );
      expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
      expect(readdirSync(join(dir, 'signatures')).sort()).toEqual(SIGNERS.map((n) => `${n}.yaml`).sort());
      const verify = await runAsync(['minutes', 'verify', '.'], dir);
      expect(verify.stdout).toContain(
        'Signed off: every required signature is present and matches the content.',
      );
      expect(verify.code).toBe(0);
    }
  }, 300_000);

  it('never undoes an edit saved while someone signs', async () => {
    for (let round = 0; round < 5; round++) {
      const dir = copyExample('2026-h1-review', join(tmp.dir, `sign-edit-${round}`));
      const file = join(dir, 'minutes.yaml');
      const edited = readFileSync(file, 'utf8').replace(
        '回款率纳入大区经理季度考核',
        `回款率纳入考核（第 ${round} 版）`,
      );
      const signing = runAsync(['minutes', 'sign', '.', '--as', '王芳'], dir);
      await new Promise((r) => setTimeout(r, 20 * round));
      writeFileSync(file, edited);
      expect((await signing).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(edited);
    }
  }, 300_000);
});
