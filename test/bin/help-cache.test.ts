import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/run-in.js';

// The launcher prints pre-rendered help without loading commander. It must be exactly what the CLI prints, for
// every command, in every language, whichever way the language is chosen.
const tmp = tempDir();
afterAll(tmp.cleanup);
const COMMANDS = [
  '',
  'init',
  'check',
  'kpi',
  'agenda',
  'pack',
  'notice',
  'minutes',
  'actions',
  'keys',
  'targets',
  'templates',
];

/** The launcher's answer (the pre-rendered help where it applies) and main()'s, in-process, for the same input. */
async function both(args: string[], env: Record<string, string | undefined> = {}) {
  const cached = runCli(args, { cwd: tmp.dir, env });
  const live = await runIn(args, { cwd: tmp.dir, env });
  return { cached, live };
}

describe('pre-rendered help', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en']) {
    it(`equals the live help of every command in ${lang}`, async () => {
      for (const cmd of COMMANDS) {
        const { cached, live } = await both([...(cmd ? [cmd] : []), '--help', '--lang', lang]);
        expect(live.code).toBe(0);
        expect(cached.code).toBe(0);
        expect(cached.stdout, `${cmd} ${lang}`).toBe(live.stdout);
        expect(cached.stdout.length).toBeGreaterThan(100);
      }
    });
  }

  it('chooses the language the way the CLI does', async () => {
    const cases: Record<string, string | undefined>[] = [
      { LANG: 'zh_TW.UTF-8' },
      { LANG: 'zh_HK.UTF-8' },
      { LANG: 'zh_CN.UTF-8' },
      { LANG: 'C.UTF-8' },
      { LANG: 'de_DE.UTF-8' },
      { LC_ALL: 'zh_CN.GB18030', LANG: 'en_US.UTF-8' },
      { LC_MESSAGES: 'zh_TW', LANG: 'en_US' },
      { SALESMEET_LANG: 'zh-TW', LANG: 'zh_CN.UTF-8' },
    ];
    for (const env of cases) {
      for (const args of [['--help'], ['-h'], [], ['init', '-h'], ['--lang=en', 'kpi', '--help']]) {
        const { cached, live } = await both(args, env);
        expect(cached.stdout, `${JSON.stringify(env)} ${args.join(' ')}`).toBe(live.stdout);
        expect(cached.code).toBe(live.code);
      }
    }
  });

  it('anything else goes through the CLI', async () => {
    for (const args of [
      ['nosuch', '--help'],
      ['help', 'init'],
      ['init', '--help', '--verbose'],
    ]) {
      const { cached, live } = await both(args);
      expect([cached.code, cached.stdout, cached.stderr]).toEqual([live.code, live.stdout, live.stderr]);
    }
  });
});
