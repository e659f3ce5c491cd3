import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyExample, runCli, tempDir } from '../helpers/cli.js';

// The V8 code cache (src/io/code-cache.ts, issue 14): each command's compiled code is kept between runs, in
// $SALESMEET_CODE_CACHE here. It only ever speeds up: whatever state the cache is in, a command prints and
// writes the same as without it.
const tmp = tempDir('salesmeet-code-cache-');
let n = 0;

beforeAll(() => copyExample('2026-h1-review', tmp.dir));
afterAll(tmp.cleanup);

/** A fresh cache folder. */
function cacheDir(): string {
  const dir = join(tmp.dir, `cache-${++n}`);
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}

function run(args: string[], cache: string) {
  return runCli(args, { cwd: tmp.dir, env: { SALESMEET_CODE_CACHE: cache } });
}

const files = (dir: string) => readdirSync(dir).sort();
const AGENDA = ['agenda', '2026-h1-review', '--dry-run', '--json'];

describe('the code cache', () => {
  it('is written after the first run of a command and used, unchanged, by the next', () => {
    const cache = cacheDir();
    const first = run(AGENDA, cache);
    expect(first.code, first.stderr).toBe(0);
    const written = files(cache);
    expect(written).toEqual([expect.stringMatching(/^cli\.cjs-agenda-[0-9a-f]+\.bin$/)]);
    const file = join(cache, written[0]!);
    const before = statSync(file);
    expect(before.size).toBeGreaterThan(100_000);
    expect(before.mode & 0o777).toBe(0o600);

    const second = run(AGENDA, cache);
    expect(second).toEqual(first);
    // Rewritten only when missing or refused by V8: the same file, so V8 took it.
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('keeps one cache per command, and loads ECharts and docx only for the documents that need them', () => {
    const cache = cacheDir();
    const names = () => files(cache).map((f) => f.replace(/-[0-9a-f]+\.bin$/, ''));
    for (const command of ['agenda', 'pack', 'minutes'])
      expect(run([command, '2026-h1-review', '--dry-run'], cache).code).toBe(0);
    // The pack's bar charts are salesmeet's own SVG; the minutes' Word file needs docx (index.cjs).
    expect(names()).toEqual(['cli.cjs-agenda', 'cli.cjs-minutes', 'cli.cjs-pack', 'index.cjs']);
    // The report's trend, bridge and mix charts are drawn by ECharts.
    expect(run(['report', '2026-h1-review'], cache).code).toBe(0);
    expect(names()).toEqual([
      'cli.cjs-agenda',
      'cli.cjs-minutes',
      'cli.cjs-pack',
      'cli.cjs-report',
      'echarts.cjs',
      'index.cjs',
    ]);
    const kpi = cacheDir();
    expect(run(['kpi', '--meeting', '2026-h1-review', '--json'], kpi).code).toBe(0);
    expect(files(kpi).map((f) => f.replace(/-[0-9a-f]+\.bin$/, ''))).toEqual(['cli.cjs-kpi']);
  });

  it('replaces a damaged cache file, and the command runs as without one', () => {
    const cache = cacheDir();
    const clean = run(AGENDA, cache);
    const [name] = files(cache);
    const file = join(cache, name!);
    for (const damage of [Buffer.from('not a code cache'), readFileSync(file).subarray(0, 5000)]) {
      writeFileSync(file, damage);
      const r = run(AGENDA, cache);
      expect(r).toEqual(clean);
      expect(files(cache)).toEqual([name]);
      expect(statSync(file).size).toBeGreaterThan(100_000);
    }
  });

  it("removes the command's cache of an earlier build or Node, and keeps the others", () => {
    const cache = cacheDir();
    const stale = ['cli.cjs-agenda-0badcafe.bin', 'cli.cjs-pack-0badcafe.bin', 'notes.txt'];
    for (const name of stale) writeFileSync(join(cache, name), 'from an earlier build');
    expect(run(AGENDA, cache).code).toBe(0);
    const left = files(cache);
    expect(left.filter((f) => f !== 'cli.cjs-pack-0badcafe.bin' && f !== 'notes.txt')).toEqual([
      expect.stringMatching(/^cli\.cjs-agenda-[0-9a-f]+\.bin$/),
    ]);
    expect(left).not.toContain('cli.cjs-agenda-0badcafe.bin');
    expect(left).toEqual(expect.arrayContaining(['cli.cjs-pack-0badcafe.bin', 'notes.txt']));
  });

  it('writes nothing after a command that failed', () => {
    const cache = cacheDir();
    const r = run(['agenda', 'no-such-meeting'], cache);
    expect(r.code).not.toBe(0);
    expect(files(cache)).toEqual([]);
  });

  it('keeps no cache under a mistyped command', () => {
    const cache = cacheDir();
    // Help for a command that does not exist: the main help, exit 0; the cache is the CLI's own, not "nosuch".
    const r = run(['nosuch', '--help'], cache);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: salesmeet');
    expect(files(cache).map((f) => f.replace(/-[0-9a-f]+\.bin$/, ''))).toEqual(['cli.cjs-cli']);
    // Without --help a mistyped command fails (exit 2) and writes nothing.
    const typo = cacheDir();
    expect(run(['agnda', '2026-h1-review'], typo).code).toBe(2);
    expect(files(typo)).toEqual([]);
  });

  it('is off with SALESMEET_CODE_CACHE=off or NODE_DISABLE_COMPILE_CACHE=1', () => {
    const cache = cacheDir();
    const on = run(AGENDA, join(tmp.dir, 'on'));
    const off = runCli(AGENDA, { cwd: tmp.dir, env: { SALESMEET_CODE_CACHE: 'off' } });
    const node = runCli(AGENDA, {
      cwd: tmp.dir,
      env: { SALESMEET_CODE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expect(off).toEqual(on);
    expect(node).toEqual(on);
    expect(files(cache)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === undefined)(
    'is not used in a folder that others can write (its code would run)',
    () => {
      const cache = cacheDir();
      chmodSync(cache, 0o777);
      const r = run(AGENDA, cache);
      expect(r.code, r.stderr).toBe(0);
      expect(files(cache)).toEqual([]);
    },
  );

  it('runs without it when its folder cannot be made', () => {
    const blocker = join(tmp.dir, 'a-file');
    writeFileSync(blocker, '');
    const r = run(AGENDA, join(blocker, 'cache'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('survives eight processes starting at once on an empty cache', async () => {
    const cache = cacheDir();
    const expected = run(AGENDA, join(tmp.dir, 'alone'));
    const once = () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, [BIN, ...AGENDA], {
          cwd: tmp.dir,
          env: {
            ...process.env,
            NO_COLOR: '1',
            LANG: 'en_US.UTF-8',
            SALESMEET_NOW: '2026-06-25T10:00:00+08:00',
            TZ: 'Asia/Shanghai',
            SALESMEET_CODE_CACHE: cache,
          },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => done({ code, stdout, stderr }));
      });
    const all = await Promise.all(Array.from({ length: 8 }, once));
    for (const r of all) expect(r).toEqual({ code: 0, stdout: expected.stdout, stderr: expected.stderr });
    // One cache file, whole: no temporary file left, and the next run takes it as it is.
    const [name, ...rest] = files(cache);
    expect(rest).toEqual([]);
    const before = statSync(join(cache, name!));
    expect(run(AGENDA, cache).stdout).toBe(expected.stdout);
    expect(statSync(join(cache, name!)).mtimeMs).toBe(before.mtimeMs);
  });
});
