import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyExample, runCli, STACK_RE, tempDir } from '../helpers/cli.js';

// One run of each command on the built binary, as a user types it: the launcher loads dist, each command's lazy
// import resolves in the bundle, the exit code reaches the shell. The behaviour itself is tested in-process
// (test/cli/<command>/).
const tmp = tempDir('salesmeet-smoke-');
beforeAll(() => {
  copyExample('2026-h1-review', tmp.dir);
  copyExample('2026-w27-weekly', tmp.dir);
});
afterAll(tmp.cleanup);
/** Every run: no warning from Node itself on stderr (a library touching an experimental global, a deprecation). */
const run = (args: string[], env?: Record<string, string | undefined>) => {
  const r = runCli([...args, '--lang', 'en'], { cwd: tmp.dir, env });
  expect(r.stderr).not.toMatch(/\(node:\d+\) \w*Warning/);
  return r;
};

describe('the built binary runs each command', () => {
  it('--version', () => {
    const r = run(['--version']);
    expect([r.code, r.stdout.trim(), r.stderr]).toEqual([0, '0.1.0', '']);
  });

  it('init', () => {
    const r = run(['init', 'smoke', '--yes', '--type', 'weekly', '--date', '2026-07-06']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(tmp.dir, 'smoke', 'meeting.yaml'))).toBe(true);
  });

  it('check', () => {
    const r = run(['check', '2026-w27-weekly']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(STACK_RE);
  });

  it('kpi', () => {
    const r = run(['kpi', '--meeting', '2026-h1-review', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).schema).toMatch(/^salesmeet\.kpi\//);
  });

  it('agenda', () => {
    const r = run(['agenda', '2026-h1-review']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(tmp.dir, '2026-h1-review', 'out', 'agenda.md'))).toBe(true);
  });

  it('pack', () => {
    const r = run(['pack', '2026-h1-review']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.html'))).toBe(true);
  });

  it('notice', () => {
    const r = run(['notice', '2026-h1-review']);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['notice.txt', 'notice.html', 'sign-in.html'])
      expect(existsSync(join(tmp.dir, '2026-h1-review', 'out', f)), f).toBe(true);
  });

  it('minutes', () => {
    const r = run(['minutes', '--new', '2026-w27-weekly']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(tmp.dir, '2026-w27-weekly', 'minutes.yaml'))).toBe(true);
    // Rendering loads docx, which reads globalThis.localStorage: on Node ≥ 25 that printed a warning.
    const rendered = run(['minutes', '2026-h1-review']);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(existsSync(join(tmp.dir, '2026-h1-review', 'out', 'minutes.docx'))).toBe(true);
  });

  it('actions', () => {
    const r = run(['actions', '.', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).schema).toMatch(/^salesmeet\.actions\//);
  });

  it('targets', () => {
    const r = run([
      'targets',
      '--total',
      '1200',
      '--period',
      '2026-H2',
      '--regions',
      '华东=60,华南=40',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).schema).toMatch(/^salesmeet\.targets\//);
  });

  it('templates', () => {
    const r = run(['templates', 'list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('pack.html');
  });

  it('keys', () => {
    const r = run(['keys', 'generate', '--as', '王芳', '2026-h1-review'], {
      SALESMEET_KEYS_DIR: join(tmp.dir, 'keys'),
    });
    expect(r.code, r.stderr).toBe(0);
  });

  it('an error reaches the shell as its exit code, without a stack trace', () => {
    const r = run(['check', 'missing-folder']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(STACK_RE);
  });
});

describe('a closed pipe', () => {
  it('ends quietly with exit 0 when the reader goes away (salesmeet kpi … | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'kpi', '--meeting', '2026-h1-review', '--lang', 'en'], {
      cwd: tmp.dir,
      env: { ...process.env, NO_COLOR: '1', SALESMEET_NOW: '2026-06-25T10:00:00+08:00', TZ: 'Asia/Shanghai' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reading end is closed before the CLI has written anything: its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
