import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'salesmeet.js');
export const EXAMPLES = join(ROOT, 'examples');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built binary as a user would: a child process, NO_COLOR, a fixed "now" and English unless the
 * test says otherwise. Never mocks anything inside.
 */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; input?: string },
): RunResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    LANG: 'en_US.UTF-8',
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    SALESMEET_LANG: undefined,
    SALESMEET_NOW: '2026-06-25T10:00:00+08:00',
    TZ: 'Asia/Shanghai',
    FORCE_COLOR: undefined,
    ...options.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'salesmeet-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies an example meeting folder into a temp dir and returns the copy's path. */
export function copyExample(name: string, into: string): string {
  const dest = join(into, name);
  cpSync(join(EXAMPLES, name), dest, { recursive: true, filter: (src) => !src.includes(`${name}/out`) });
  return dest;
}

/** Every file under a folder with its content, to assert that nothing changed. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** A stack-trace line, which must never appear on stderr without --verbose. */
export const STACK_RE = /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at file:\/\//;
