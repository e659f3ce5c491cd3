import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/core/signoff/keys.js';
import { generateKeyPair } from '../../../src/io/keypair.js';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

// Sign-off integrity: fully signed minutes, then every tampering attempt we could think of; `verify` must catch
// each one (exit 3, with the reason), and must not be fooled into failing by edits that change nothing.
const tmp = tempDir('salesmeet-tamper-');
afterAll(tmp.cleanup);
const keys = join(tmp.dir, 'keys');
const env = { SALESMEET_KEYS_DIR: keys };
const run = (args: string[]) => runIn([...args, '--lang', 'en'], { cwd: tmp.dir, env });
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

/** A fresh copy of the signed meeting with one change applied to its files. */
function copyOf(name: string): string {
  const dir = join(tmp.dir, `t-${name}`);
  cpSync(join(tmp.dir, '2026-h1-review'), dir, { recursive: true });
  return dir;
}
function edit(file: string, change: (text: string) => string) {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, `${file} must change`).not.toBe(before);
  writeFileSync(file, after);
}
/** A fresh copy of the signed meeting with one edit of one of its files, then `verify`. */
async function tampered(
  name: string,
  change: (text: string) => string,
  file = 'minutes.yaml',
  extra: string[] = [],
) {
  const dir = copyOf(name);
  edit(join(dir, file), change);
  return await run(['minutes', 'verify', `t-${name}`, ...extra]);
}
const sigFile = (dir: string, name: string) => join(tmp.dir, dir, 'signatures', `${name}.yaml`);

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

  it.each([
    ['date', (t: string) => t.replace('date: 2026-07-10', 'date: 2026-07-03'), 'meeting.date'],
    ['place', (t: string) => t.replace('上海总部 12 楼大会议室', '北京分公司会议室'), 'meeting.location'],
    ['host', (t: string) => t.replace('host: 陈建国', 'host: 李娜'), 'meeting.host'],
    [
      'role',
      (t: string) => t.replace('role: 华东大区经理', 'role: 华东大区总监'),
      'meeting.attendees[2].role',
    ],
  ])(
    'changing the meeting %s in meeting.yaml breaks every signature and says so',
    async (what, change, field) => {
      const r = await tampered(`meeting-${what}`, change, 'meeting.yaml');
      expect(r.code).toBe(3);
      expect(r.stdout).toContain('meeting.yaml no longer matches the signed minutes');
      expect(r.stdout).toContain(field);
      expect(r.stdout).not.toContain('✓');
    },
  );

  it('marking a signer optional after the fact and deleting their signature does not pass', async () => {
    const dir = copyOf('optional');
    edit(join(dir, 'meeting.yaml'), (t) =>
      t.replace(
        '{ name: 张伟, email: zhang.wei@example.com, role: 华北大区经理, department: 华北大区 }',
        '{ name: 张伟, role: 华北大区经理, department: 华北大区, required: false }',
      ),
    );
    rmSync(join(dir, 'signatures', '张伟.yaml'));
    const r = await run(['minutes', 'verify', 't-optional']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('meeting.yaml no longer matches the signed minutes');
    expect(r.stdout).toMatch(/changed since: .*signers/);
  });

  it('removing a signature file leaves that person missing', async () => {
    const dir = copyOf('remove');
    rmSync(join(dir, 'signatures', '张伟.yaml'));
    const r = await run(['minutes', 'verify', 't-remove']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 张伟 .*not signed/);
  });

  it("a signature copied from another meeting's folder does not count here", async () => {
    expect((await run(['minutes', 'sign', '2026-07-monthly', '--as', '张伟'])).code).toBe(0);
    const dir = copyOf('copied');
    cpSync(sigFile('2026-07-monthly', '张伟'), join(dir, 'signatures', '张伟.yaml'));
    const r = await run(['minutes', 'verify', 't-copied']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 张伟 .*minutes changed after signing/);
  });

  it('replay: the whole signed folder copied as another meeting, retitled and redated, is not signed off', async () => {
    const dir = join(tmp.dir, '2026-h1-review-copy');
    cpSync(join(tmp.dir, '2026-h1-review'), dir, { recursive: true });
    edit(join(dir, 'meeting.yaml'), (t) =>
      t
        .replace(/^title: .*$/m, 'title: 2026 年三季度经营分析会')
        .replace('date: 2026-07-10', 'date: 2026-10-09'),
    );
    const r = await run(['minutes', 'verify', '2026-h1-review-copy']);
    expect(r.code).toBe(3);
    expect(r.stdout).not.toContain('✓');
    expect(r.stdout.match(/minutes changed after signing/g)?.length).toBe(5);
    expect(r.stdout).toContain('meeting.yaml no longer matches the signed minutes');
    expect(r.stdout).toMatch(/changed since: meeting\.date, meeting\.title/);
  });

  it('a typed-in signature without a key, for someone with a registered key, is refused', async () => {
    const r = await tampered(
      'typed',
      (t) => t.replace(/^(key|publicKey|signature):.*(\n {2}.*)*\n/gm, ''),
      'signatures/王芳.yaml',
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 王芳 \(Attendee\): key signature missing/);
  });

  it('backdating or renaming a key signature breaks it', async () => {
    const back = await tampered(
      'backdate',
      (t) => t.replace(/^at: .*$/m, 'at: 2026-07-10T01:00:00.000Z'),
      'signatures/王芳.yaml',
    );
    expect(back.code).toBe(3);
    expect(back.stdout).toMatch(/✗ 王芳 .*signature does not verify/);
  });

  it('a signature made with another key (a real one, not a flipped byte) is named with both fingerprints', async () => {
    const otherKeys = join(tmp.dir, 'other-keys');
    const gen = await runIn(['keys', 'generate', '--as', '王芳', '--lang', 'en'], {
      cwd: tmp.dir,
      env: { SALESMEET_KEYS_DIR: otherKeys },
    });
    expect(gen.code).toBe(0);
    // Sign a copy that has no key registered for 王芳, with the other key, and bring that signature back.
    const forge = copyOf('forge-src');
    rmSync(join(forge, 'keys', '王芳.pub'));
    const signed = await runIn(
      [
        'minutes',
        'sign',
        't-forge-src',
        '--as',
        '王芳',
        '--key',
        join(otherKeys, '王芳.key'),
        '--lang',
        'en',
      ],
      {
        cwd: tmp.dir,
        env,
      },
    );
    expect(signed.code).toBe(0);
    const dir = copyOf('forged');
    cpSync(join(forge, 'signatures', '王芳.yaml'), join(dir, 'signatures', '王芳.yaml'));
    const r = await run(['minutes', 'verify', 't-forged']);
    expect(r.code).toBe(3);
    const registered = /key: (ed25519:[0-9a-f]{16})/.exec(
      readFileSync(sigFile('2026-h1-review', '王芳'), 'utf8'),
    )![1];
    const other = /key: (ed25519:[0-9a-f]{16})/.exec(
      readFileSync(join(dir, 'signatures', '王芳.yaml'), 'utf8'),
    )![1];
    expect(other).not.toBe(registered);
    expect(r.stdout).toContain(`✗ 王芳 (Attendee): signed with a key other than the registered one`);
    expect(r.stdout).toContain(`signed with ${other}, expected ${registered}`);
  });

  it('a flipped byte in a key signature does not verify', async () => {
    const r = await tampered(
      'flipped',
      (t) =>
        t.replace(/^signature: (.+)$/m, (_m, sig: string) => {
          const bytes = Buffer.from(sig, 'base64');
          bytes[0] = bytes[0]! ^ 0xff;
          return `signature: ${bytes.toString('base64')}`;
        }),
      'signatures/王芳.yaml',
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 王芳 .*signature does not verify/);
  });

  it("a genuine signature whose file names another key's fingerprint is refused", async () => {
    const otherKey = fingerprint(generateKeyPair().publicKey);
    const r = await tampered(
      'fingerprint',
      (t) => t.replace(/^key: ed25519:[0-9a-f]{16}$/m, `key: ${otherKey}`),
      'signatures/王芳.yaml',
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 王芳 .*signature does not verify/);
  });

  it("deleting the signer's registered public key is reported, not a way to turn keys off", async () => {
    const dir = copyOf('nokey');
    rmSync(join(dir, 'keys', '王芳.pub'));
    const r = await run(['minutes', 'verify', 't-nokey']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /✗ 王芳 \(Attendee\): signed with a key that is not registered \(public key removed\?\), .*; signed with ed25519:[0-9a-f]{16}, which keys\/ no longer holds/,
    );
  });

  it('swapping both the public key and the signature passes inside the folder, and is caught by a trust file', async () => {
    // What neither the hash nor a key in the folder can prove: whoever can write the folder can replace both.
    const attacker = join(tmp.dir, 'attacker-keys');
    expect(
      (
        await runIn(['keys', 'generate', '--as', '王芳', '--lang', 'en'], {
          cwd: tmp.dir,
          env: { SALESMEET_KEYS_DIR: attacker },
        })
      ).code,
    ).toBe(0);
    const dir = copyOf('swap');
    rmSync(join(dir, 'keys', '王芳.pub'));
    const resign = await runIn(
      ['minutes', 'sign', 't-swap', '--as', '王芳', '--key', join(attacker, '王芳.key'), '--lang', 'en'],
      {
        cwd: tmp.dir,
        env,
      },
    );
    expect(resign.code).toBe(0);
    expect((await run(['minutes', 'verify', 't-swap'])).code).toBe(0);
    const real = /key: (ed25519:[0-9a-f]{16})/.exec(
      readFileSync(sigFile('2026-h1-review', '王芳'), 'utf8'),
    )![1]!;
    const trust = join(tmp.dir, 'team-keys.yaml');
    writeFileSync(trust, `王芳: ${real}\n`);
    const r = await run(['minutes', 'verify', 't-swap', '--trust', trust]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      new RegExp(`✗ 王芳 \\(Attendee\\): signed with a key the trust file does not list.*expected ${real}`),
    );
    // The same through the environment, and the genuine folder passes with the trust file.
    expect(
      (
        await runIn(['minutes', 'verify', 't-swap', '--lang', 'en'], {
          cwd: tmp.dir,
          env: { SALESMEET_TRUST: trust },
        })
      ).code,
    ).toBe(3);
    expect((await run(['minutes', 'verify', '2026-h1-review', '--trust', trust])).code).toBe(0);
  });

  it('a trust file naming someone who signed without a key is refused for them', async () => {
    const trust = join(tmp.dir, 'team-keys-2.yaml');
    writeFileSync(trust, '张伟: ed25519:0123456789abcdef\n');
    const r = await run(['minutes', 'verify', '2026-h1-review', '--trust', trust]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ 张伟 \(Attendee\): key signature missing/);
  });

  it('a salesmeet 0.1 signature inside minutes.yaml must be given again', async () => {
    const dir = copyOf('legacy');
    rmSync(join(dir, 'signatures', '张伟.yaml'));
    edit(
      join(dir, 'minutes.yaml'),
      (t) =>
        `${t}signatures:\n  - { name: 张伟, at: 2026-07-11T02:00:00.000Z, hash: sha256:${'0'.repeat(64)} }\n`,
    );
    const r = await run(['minutes', 'verify', 't-legacy']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(
      '✗ 张伟 (Attendee): signed with salesmeet 0.1 (meeting facts not covered): sign again',
    );
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
