import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { assertCase, CASES } from '../cli/bad-inputs/harness.js';
import { BIN, runCli, tempDir } from '../helpers/cli.js';

// The bad-input cases that need a user who may not write (a process of its own): on the built binary.
const root = tempDir('salesmeet-bad-');
afterAll(root.cleanup);
const isRoot = process.getuid?.() === 0;
const canDropPrivileges = isRoot && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;

describe('bad input: permissions', () => {
  for (const c of CASES.filter((c) => c.unprivileged)) {
    it.runIf(canDropPrivileges || !isRoot)(
      c.name,
      () =>
        assertCase(c, root.dir, (c, dir) => {
          if (canDropPrivileges) {
            // Root may write anywhere: run as `nobody`, who can read the case folder but not write in it.
            spawnSync('chmod', ['-R', 'a+rX', root.dir]);
            chmodSync(root.dir, 0o755);
            const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, BIN, ...c.args], {
              cwd: dir,
              encoding: 'utf8',
              env: {
                PATH: process.env.PATH,
                NO_COLOR: '1',
                LANG: 'en_US.UTF-8',
                HOME: '/tmp',
                SALESMEET_NOW: '2026-06-25T10:00:00+08:00',
              },
            });
            return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
          }
          chmodSync(join(dir, 'm'), 0o555);
          try {
            return runCli(c.args, { cwd: dir });
          } finally {
            chmodSync(join(dir, 'm'), 0o755);
          }
        }),
      60_000,
    );
  }
});
