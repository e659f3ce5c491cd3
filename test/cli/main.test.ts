import { afterAll, describe, expect, it } from 'vitest';
import { STACK_RE, tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/run-in.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const run = async (args: string[], env?: Record<string, string | undefined>) =>
  await runIn(args, { cwd: tmp.dir, env });
const ANSI = /\u001b\[/;

describe('salesmeet (the command line itself)', () => {
  it('--help lists the commands with examples, on stdout, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: salesmeet \[options\] \[command\]/);
    expect(r.stdout).toContain('init [options] [dir]');
    expect(r.stdout).toContain('check [options] [dir]');
    expect(r.stdout).toContain(
      'Examples:\n  salesmeet init 2026-h1-review --type half-year --date 2026-07-10',
    );
    expect(r.stderr).toBe('');
  });

  it('no arguments shows the help too', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: salesmeet');
  });

  it('each command help has examples, in the chosen language', async () => {
    const r = await run(['init', '--help', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('示例：\n  salesmeet init 2026-07-monthly --yes --type monthly');
    expect(r.stdout).toContain('--from <dir>');
    const tw = await run(['check', '--help'], { LANG: 'zh_TW.UTF-8' });
    expect(tw.stdout).toContain('範例：');
  });

  it('--version prints the version', async () => {
    const r = await run(['--version']);
    expect([r.code, r.stdout.trim()]).toEqual([0, '0.1.0']);
  });

  it('an unknown command or option is a usage error (exit 2) with a hint, no stack trace', async () => {
    const a = await run(['inti']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("error: unknown command 'inti'");
    expect(a.stderr).toContain('(Did you mean init?)');
    const b = await run(['check', '--strictt']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("error: unknown option '--strictt'");
    expect(b.stderr).toContain('run `salesmeet check --help` for usage and examples');
    expect(a.stderr + b.stderr).not.toMatch(STACK_RE);
    expect(a.stdout + b.stdout).toBe('');
  });

  it('an unsupported --lang is a usage error', async () => {
    const r = await run(['check', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang: expected zh-CN, zh-TW or en, found "fr"');
  });

  it('colour: none when piped, with NO_COLOR, TERM=dumb or --no-color; FORCE_COLOR forces it', async () => {
    const args = ['check', 'missing-folder'];
    expect((await run(args, { NO_COLOR: undefined })).stderr).not.toMatch(ANSI);
    expect((await run(args, { NO_COLOR: undefined, FORCE_COLOR: '1' })).stderr).toMatch(ANSI);
    expect((await run(args, { NO_COLOR: '1', FORCE_COLOR: '1' })).stderr).not.toMatch(ANSI);
    expect(
      (await run([...args, '--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' })).stderr,
    ).not.toMatch(ANSI);
    expect((await run(args, { NO_COLOR: undefined, FORCE_COLOR: '1', TERM: 'dumb' })).stderr).not.toMatch(
      ANSI,
    );
  });

  it('--verbose adds the stack trace to an error', async () => {
    const quiet = await run(['check', 'missing-folder']);
    const verbose = await run(['check', 'missing-folder', '--verbose']);
    expect(quiet.code).toBe(3);
    expect(quiet.stderr).not.toMatch(STACK_RE);
    expect(verbose.code).toBe(3);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });
});
