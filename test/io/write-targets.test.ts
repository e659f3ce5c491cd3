/** Where `--out` may point: odd targets get a clear exit 3 (never exit 1, never a device replaced by a file). */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLock } from '../../src/io/lock.js';
import { copyExample, tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/run-in.js';

let tmp: ReturnType<typeof tempDir>;
let dir: string;
beforeAll(async () => {
  tmp = tempDir('salesmeet-targets-');
  dir = copyExample('2026-h1-review', tmp.dir);
});
afterAll(() => tmp.cleanup());

describe('kpi --out to something that is not a plain file', () => {
  it('refuses a device even with --force, and leaves it a device', async () => {
    const r = await runIn(['kpi', '--meeting', '.', '--out', '/dev/full', '--force'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'is not a regular file (a device, pipe or socket); salesmeet replaces only regular files, even with --force',
    );
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a file system that takes no new files (/proc) is exit 3 naming the file, not a bug', async () => {
    const r = await runIn(['kpi', '--meeting', dir, '--out', '/proc/version', '--force'], { cwd: '/' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^proc\/version: error: cannot write: /m);
    expect(r.stderr).not.toContain('bug');
  });

  it('a 245-byte file name is written (the temp name beside it stays within the limit)', async () => {
    const name = `${'k'.repeat(240)}.xlsx`;
    const r = await runIn(['kpi', '--meeting', '.', '--out', join(tmp.dir, name)], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`已写入 ${join(tmp.dir, name)}`);
    expect(readdirSync(tmp.dir)).toContain(name);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the lock beside a shared file', () => {
  it('waits for a live holder, then gives up with exit 3 naming it', async () => {
    const file = join(tmp.dir, 'shared.yaml');
    let inner: unknown;
    await withLock(file, async () => {
      inner = await withLock(file, async () => 'never', { timeoutMs: 300, shown: 'shared.yaml' }).catch(
        (e) => e,
      );
    });
    expect((inner as { exitCode: number }).exitCode).toBe(3);
    expect((inner as Error).message).toMatch(
      new RegExp(
        `^shared\\.yaml is being changed by another salesmeet \\(process ${process.pid} on .+, since .+\\); gave up after 0 s$`,
      ),
    );
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('queues holders: 20 concurrent increments of one counter lose none', async () => {
    const file = join(tmp.dir, 'counter');
    let counter = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withLock(file, async () => {
          const seen = counter;
          await new Promise((r) => setTimeout(r, 2));
          counter = seen + 1;
        }),
      ),
    );
    expect(counter).toBe(20);
  });

  it('refuses to replace a file someone saved meanwhile (exit 3), and leaves their text', async () => {
    const { writeAtomic, sha256 } = await import('../../src/io/write.js');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = join(tmp.dir, 'log.yaml');
    writeFileSync(file, 'updates: []\n');
    const seen = sha256('updates: []\n');
    writeFileSync(file, 'updates: [{ id: a#1, date: 2026-07-01, note: saved by hand }]\n');
    const e = await writeAtomic(file, 'mine\n', { expect: seen, shown: 'log.yaml' }).catch((x: unknown) => x);
    expect((e as { exitCode: number }).exitCode).toBe(3);
    expect((e as Error).message).toBe(
      'log.yaml was changed by someone else while salesmeet was updating it; nothing was written',
    );
    expect(readFileSync(file, 'utf8')).toContain('saved by hand');
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
