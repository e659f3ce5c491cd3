import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fingerprint,
  generateKeyPair,
  publicKeyOf,
  signHash,
  verifyHash,
} from '../../../src/core/signoff/keys.js';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

// Sign-off integrity: fully signed minutes, then every tampering attempt we could think of; `verify` must catch
// each one (exit 3, with the reason), and must not be fooled into failing by edits that change nothing.
const tmp = tempDir('salesmeet-tamper-');
afterAll(tmp.cleanup);
const keys = join(tmp.dir, 'keys');
const env = { SALESMEET_KEYS_DIR: keys };
const run = async (args: string[]) => await runIn([...args, '--lang', 'en'], { cwd: tmp.dir, env });
const SIGNERS = ['陈建国', '李娜', '王芳', '刘强', '张伟'];

beforeAll(async () => {
  copyExample('2026-h1-review', tmp.dir);
  copyExample('2026-07-monthly', tmp.dir);
  expect((await run(['keys', 'generate', '--as', '王芳', '2026-h1-review'])).code).toBe(0);
  for (const name of SIGNERS) {
    const extra = name === '王芳' ? ['--key', join(keys, '王芳.key')] : [];
    const r = await run(['minutes', 'sign', '2026-h1-review', '--as', name, ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
  expect((await run(['minutes', 'verify', '2026-h1-review'])).code).toBe(0);
});

/** A fresh copy of the signed meeting with one edit of minutes.yaml applied. */
async function tampered(name: string, edit: (text: string) => string) {
  const dir = join(tmp.dir, `t-${name}`);
  cpSync(join(tmp.dir, '2026-h1-review'), dir, { recursive: true });
  const file = join(dir, 'minutes.yaml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after, `${name} must change the file`).not.toBe(before);
  writeFileSync(file, after);
  return await run(['minutes', 'verify', `t-${name}`]);
}

describe('tampering with signed minutes', () => {
  it('editing a decision invalidates every signature and names the field', async () => {
    const r = await tampered('decision', (t) => t.replace('回款率纳入大区经理季度考核', '回款率不纳入考核'));
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('changed since: topics[0].decisions[0]');
    expect(r.stdout.match(/minutes changed after signing/g)?.length).toBe(5);
  });

  it('reordering the attendance list is a change', async () => {
    const r = await tampered('reorder', (t) => {
      const a = '  - { name: 王芳, status: present }\n';
      const b = '  - { name: 张伟, status: present }\n';
      return t.replace(a, '@@A@@').replace(b, a).replace('@@A@@', b);
    });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/changed since: attendance\[2\]/);
  });

  it('changing a time\'s format ("09:05" → "9:05") is a change', async () => {
    const r = await tampered('time-format', (t) => t.replace('actualStart: "09:05"', 'actualStart: "9:05"'));
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('changed since: actualStart');
  });

  it('changing a due date is a change', async () => {
    const r = await tampered('due', (t) => t.replace('due: 2026-07-17', 'due: 2026-07-31'));
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('changed since: actions[0].due');
  });

  it('removing a signature leaves that person missing', async () => {
    const r = await tampered('remove', (t) => t.replace(/^ {2}- \{ name: 张伟, at: .*\n/m, ''));
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 张伟 .*not signed/);
  });

  it("a signature copied from another meeting's minutes does not match this content", async () => {
    expect((await run(['minutes', 'sign', '2026-07-monthly', '--as', '张伟'])).code).toBe(0);
    const other = readFileSync(join(tmp.dir, '2026-07-monthly', 'minutes.yaml'), 'utf8');
    const copied = /^ {2}- \{ name: 张伟, at: .*\}$/m.exec(other)![0];
    const r = await tampered('copied', (t) => t.replace(/^ {2}- \{ name: 张伟, at: .*\}$/m, copied));
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 张伟 .*minutes changed after signing/);
  });

  it('a typed-in entry for someone with a registered key is refused', async () => {
    const r = await tampered('typed', (t) =>
      t.replace(/^( {2}- \{ name: 王芳, at: [^,]+, hash: sha256:[0-9a-f]+)[^}]*\}$/m, '$1 }'),
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 王芳 \(Attendee\): key signature missing/);
  });

  it('a forged Ed25519 signature (made with another key) is detected', async () => {
    expect((await run(['keys', 'generate', '--as', '王芳', '--force'])).code).toBe(0); // a new key, not the registered one
    const forgedDir = join(tmp.dir, 'forge');
    cpSync(join(tmp.dir, '2026-h1-review'), forgedDir, { recursive: true });
    // Sign a copy with the new key outside the real folder's key registry, then paste that entry into the real file.
    const sign = await runIn(
      ['minutes', 'sign', 'forge', '--as', '王芳', '--key', join(keys, '王芳.key'), '--lang', 'en'],
      { cwd: tmp.dir, env },
    );
    expect(sign.code).toBe(3); // the copy knows 王芳's registered public key and refuses the other key
    // Sign the same content hash with the new key, keep the registered key's fingerprint in the entry, and paste
    // that signature into the real file: a valid Ed25519 signature, by the wrong key.
    const other = readFileSync(join(keys, '王芳.key'), 'utf8');
    const otherPublic = publicKeyOf(other)!;
    const r = await tampered('forged', (t) =>
      t.replace(
        /(name: 王芳, at: [^,]+, hash: (sha256:[0-9a-f]+), key: [^,]+, signature: )([A-Za-z0-9+/=]+)/,
        (_m, p: string, hash: string, genuine: string) => {
          const forged = signHash(other, hash);
          expect(forged).not.toBe(genuine);
          expect(verifyHash(otherPublic, hash, forged)).toBe(true);
          return p + forged;
        },
      ),
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 王芳 .*signature does not verify/);
  });

  it("a genuine signature whose entry names another key's fingerprint is refused", async () => {
    const otherKey = fingerprint(generateKeyPair().publicKey);
    const r = await tampered('fingerprint', (t) =>
      t.replace(/(name: 王芳, at: [^,]+, hash: sha256:[0-9a-f]+, key: )(ed25519:[0-9a-f]+)/, `$1${otherKey}`),
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 王芳 .*signature does not verify/);
  });

  it('comments, whitespace, quoting and key order change nothing', async () => {
    const r = await tampered('cosmetic', (t) =>
      t
        .replace('actualEnd: "15:20"', "actualEnd: '15:20'   # 实际结束时间")
        .replace('meeting: 2026 年上半年销售总结暨下半年目标分解会\n', '')
        .concat('meeting: 2026 年上半年销售总结暨下半年目标分解会\n'),
    );
    expect(r.stdout).toContain('Signed off: every required signature is present and matches the content.');
    expect(r.code).toBe(0);
  });
});
