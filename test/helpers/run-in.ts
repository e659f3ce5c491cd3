import { main } from '../../src/cli/main.js';
import type { RunResult } from './cli.js';

/** The environment every run starts from: NO_COLOR, English, a fixed "now" and time zone (as runCli's). */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
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
    ...extra,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/** A stream as a pipe looks to the CLI: not a TTY, no width, text collected. */
function pipe(): { isTTY: false; columns: undefined; write(s: string): boolean; text(): string } {
  const chunks: string[] = [];
  return {
    isTTY: false,
    columns: undefined,
    write(s: string) {
      chunks.push(String(s));
      return true;
    },
    text: () => chunks.join(''),
  };
}

/**
 * Runs the CLI in this process through `main(argv, env, streams, cwd)`: the same environment as `runCli`, streams
 * that are not TTYs, the exit code as main returns it. The host time zone is the one thing main cannot be handed
 * (Intl reads it from the process), so `TZ` is set for the run and restored after.
 */
export async function runIn(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<RunResult> {
  const env = testEnv(options.env);
  const stdout = pipe();
  const stderr = pipe();
  const savedTz = process.env.TZ;
  if (env.TZ === undefined) delete process.env.TZ;
  else process.env.TZ = env.TZ;
  try {
    const code = await main(args, env, { stdin: { isTTY: false }, stdout, stderr }, options.cwd);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  }
}
