import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';

// bin/salesmeet.js before the CLI is loaded: what only a process shows.
const tmp = tempDir('salesmeet-launcher-');
afterAll(tmp.cleanup);

describe('the launcher', () => {
  it('refuses a Node.js older than 20.19 in one line, exit 1', () => {
    const older = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.18.0"})';
    const r = spawnSync(process.execPath, ['--import', older, BIN, '--version'], { encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      '',
      'salesmeet needs Node.js 20.19 or newer; this is 20.18.0. Install a current Node.js LTS from https://nodejs.org\n',
    ]);
  });

  it('says how to build when dist is missing, exit 1', () => {
    mkdirSync(join(tmp.dir, 'bin'));
    copyFileSync(BIN, join(tmp.dir, 'bin', 'salesmeet.js'));
    const r = spawnSync(process.execPath, [join(tmp.dir, 'bin', 'salesmeet.js'), 'check', '.'], {
      encoding: 'utf8',
    });
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      '',
      'salesmeet is not built (MODULE_NOT_FOUND); run `npm run build` in the package folder\n',
    ]);
  });

  it('runs the command when V8’s compile cache cannot be enabled', () => {
    // Node 22.1+ has module.enableCompileCache; here it throws (Node 20 has none: the launcher skips it).
    const failing =
      'data:text/javascript,import m from "node:module";m.enableCompileCache=()=>{throw new Error("EROFS")}';
    const r = spawnSync(process.execPath, ['--import', failing, BIN, 'check', '--help', '--lang', 'en'], {
      encoding: 'utf8',
      env: { ...process.env, SALESMEET_NO_HELP_CACHE: '1' },
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Usage: salesmeet check');
  });
});
