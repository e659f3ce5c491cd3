import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('salesmeet keys generate', () => {
  it('writes the private key with 0600 outside the meeting folder and registers the public key in it', async () => {
    copyExample('2026-h1-review', tmp.dir);
    const keys = join(tmp.dir, 'home-keys');
    const r = await runIn(['keys', 'generate', '--as', '王芳', '2026-h1-review', '--json'], {
      cwd: tmp.dir,
      env: { SALESMEET_KEYS_DIR: keys },
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      schema: 'salesmeet.keys.generate/1',
      name: '王芳',
      privateKey: join(keys, '王芳.key'),
      publicKey: join(keys, '王芳.pub'),
      registered: '2026-h1-review/keys/王芳.pub',
    });
    expect(j.fingerprint).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(statSync(join(keys, '王芳.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(keys, '王芳.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(join(tmp.dir, '2026-h1-review/keys/王芳.pub'), 'utf8')).toBe(
      readFileSync(join(keys, '王芳.pub'), 'utf8'),
    );
    expect(existsSync(join(tmp.dir, '2026-h1-review/keys/王芳.key'))).toBe(false);

    const again = await runIn(['keys', 'generate', '--as', '王芳'], {
      cwd: tmp.dir,
      env: { SALESMEET_KEYS_DIR: keys },
    });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('refusing to overwrite 2 existing files');
  });

  it('refuses a keys folder inside the meeting folder (exit 2)', async () => {
    copyExample('2026-h1-review', tmp.dir);
    const r = await runIn(['keys', 'generate', '--as', '王芳', '2026-h1-review'], {
      cwd: tmp.dir,
      env: { SALESMEET_KEYS_DIR: join(tmp.dir, '2026-h1-review', 'secret') },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a private key must never travel with the minutes');
    expect(existsSync(join(tmp.dir, '2026-h1-review', 'secret'))).toBe(false);
  });

  it('a name too long for a file name is exit 3 saying so, and nothing is written', async () => {
    const keys = join(tmp.dir, 'home-keys');
    const r = await runIn(['keys', 'generate', '--as', '名'.repeat(300), '--lang', 'en'], {
      cwd: tmp.dir,
      env: { SALESMEET_KEYS_DIR: keys },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('.key: error: cannot write: the name is too long for the file system');
    expect(existsSync(keys) ? readdirSync(keys) : []).toEqual([]);
  });
});
