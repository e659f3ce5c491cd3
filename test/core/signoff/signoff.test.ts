import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/core/meeting/schema.js';
import { meetingSchema } from '../../../src/core/meeting/schema.js';
import { type Minutes, minutesSchema, type Signature } from '../../../src/core/minutes/schema.js';
import {
  canonicalize,
  canonicalJson,
  changedFields,
  hashCanonical,
  minutesHash,
  signedContent,
} from '../../../src/core/signoff/canonical.js';
import { fingerprint, publicKeyOf, signHash, verifyHash } from '../../../src/core/signoff/keys.js';
import { evaluateSignOff, requiredSigners } from '../../../src/core/signoff/policy.js';
import { generateKeyPair } from '../../../src/io/keypair.js';
import { parseYaml } from '../../../src/io/yaml.js';

const minutesFrom = (text: string): Minutes => minutesSchema.parse(parseYaml(text, 'minutes.yaml').data);

const BASE = `# 会议纪要
meeting: 月度例会
actualStart: "09:00"
attendance:
  - { name: 王芳, status: present }
  - { name: 李娜, status: present }
topics:
  - title: 回款
    points: [华东回款率 82%]
    decisions: [逾期客户转法务]
actions:
  - { what: 发函, owner: 王芳, due: 2026-08-20 }
`;

describe('canonical hashing', () => {
  it('ignores key order, whitespace, comments, quoting and flow vs block style', () => {
    const reordered = `attendance:
- status: present
  name: 王芳     # 华东
- {status: present, name: 李娜}
actualStart: '09:00'
actions:
- due: 2026-08-20
  owner: 王芳
  what: 发函
meeting:   月度例会
topics:
- decisions:
  - 逾期客户转法务
  points:
  - 华东回款率 82%
  title: 回款
`;
    expect(minutesHash(minutesFrom(reordered))).toBe(minutesHash(minutesFrom(BASE)));
  });

  it('ignores CRLF line endings and Unicode normalisation form (NFD vs NFC)', () => {
    const nfc = minutesFrom(BASE.replace('月度例会', 'Café 例会'));
    const nfd = minutesFrom(BASE.replace('月度例会', 'Cafe\u0301 例会').replace(/\n/g, '\r\n'));
    expect(minutesHash(nfd)).toBe(minutesHash(nfc));
  });

  it('treats a default written out and left implicit as the same content', () => {
    const explicit = minutesFrom(BASE.replace('due: 2026-08-20 }', 'due: 2026-08-20, status: open }'));
    expect(minutesHash(explicit)).toBe(minutesHash(minutesFrom(BASE)));
  });

  it('excludes the signatures themselves', () => {
    const signed = minutesFrom(
      `${BASE}signatures:\n  - { name: 王芳, at: "2026-08-05T08:00:00Z", hash: "sha256:${'a'.repeat(64)}" }\n`,
    );
    expect(minutesHash(signed)).toBe(minutesHash(minutesFrom(BASE)));
  });

  it.each([
    ['a decision', BASE.replace('逾期客户转法务', '逾期客户暂缓处理')],
    ['an action due date', BASE.replace('2026-08-20', '2026-08-21')],
    ['attendance', BASE.replace('{ name: 李娜, status: present }', '{ name: 李娜, status: absent }')],
    ['the actual start', BASE.replace('"09:00"', '"09:05"')],
    ['one character of a point', BASE.replace('82%', '83%')],
    ['the order of actions', BASE.replace('actions:\n', 'actions:\n  - { what: 复核 }\n')],
  ])('changes when %s changes', (_what, text) => {
    expect(minutesHash(minutesFrom(text))).not.toBe(minutesHash(minutesFrom(BASE)));
  });

  it('is sha256 of the sorted-key JSON', () => {
    const c = canonicalize({ b: 1, a: 'x', skipped: undefined });
    expect(canonicalJson(c)).toBe('{"a":"x","b":1}');
    expect(hashCanonical(c)).toBe('sha256:cdab067e9f3beb32d1252cfd63e492592fecbf591b0d08cadb24bb17f3864246');
  });

  it('gives the same hash for any key order and the same content (property)', () => {
    const value = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
      {
        maxKeys: 8,
      },
    );
    fc.assert(
      fc.property(value, fc.array(fc.nat(), { maxLength: 8 }), (obj, order) => {
        const keys = Object.keys(obj);
        const shuffled: Record<string, unknown> = {};
        const taken = new Set<number>();
        for (const o of order) {
          const i = keys.length ? o % keys.length : 0;
          if (keys.length && !taken.has(i)) {
            taken.add(i);
            shuffled[keys[i]!] = obj[keys[i]!];
          }
        }
        keys.forEach((k, i) => {
          if (!taken.has(i)) shuffled[k] = obj[k];
        });
        expect(hashCanonical(canonicalize({ a: shuffled }))).toBe(hashCanonical(canonicalize({ a: obj })));
      }),
    );
  });

  it('names the fields that changed', () => {
    const before = signedContent(minutesFrom(BASE));
    const after = signedContent(
      minutesFrom(BASE.replace('2026-08-20', '2026-08-21').replace('逾期客户转法务', '暂缓')),
    );
    expect(changedFields(before, after)).toEqual(['actions[0].due', 'topics[0].decisions[0]']);
    const added = signedContent(minutesFrom(`${BASE}otherBusiness: [培训]\n`));
    expect(changedFields(before, added)).toEqual(['otherBusiness']);
  });
});

describe('Ed25519 keys', () => {
  it('round-trips: a signature made with the private key verifies with its public key', () => {
    const pair = generateKeyPair();
    expect(publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
    const hash = `sha256:${'1'.repeat(64)}`;
    const sig = signHash(pair.privateKey, hash);
    expect(Buffer.from(sig, 'base64')).toHaveLength(64);
    expect(verifyHash(pair.publicKey, hash, sig)).toBe(true);
    expect(verifyHash(pair.publicKey, `sha256:${'2'.repeat(64)}`, sig)).toBe(false);
    expect(verifyHash(generateKeyPair().publicKey, hash, sig)).toBe(false);
    expect(verifyHash(pair.publicKey, hash, 'not base64!')).toBe(false);
    expect(fingerprint(pair.publicKey)).toMatch(/^ed25519:[0-9a-f]{16}$/);
  });

  it('rejects text that is not an Ed25519 private key', () => {
    expect(publicKeyOf('-----BEGIN PRIVATE KEY-----\nxyz\n-----END PRIVATE KEY-----\n')).toBeUndefined();
    expect(publicKeyOf(generateKeyPair().publicKey)).toBeUndefined();
  });
});

const meeting: Meeting = meetingSchema.parse({
  title: '月度例会',
  type: 'monthly',
  date: '2026-08-05',
  start: '09:00',
  host: '陈建国',
  recorder: '李娜',
  attendees: [
    { name: '陈建国' },
    { name: '李娜' },
    { name: '王芳' },
    { name: '刘强' },
    { name: '赵敏' },
    { name: '周杰', required: false },
    { name: '孙丽' },
  ],
});

describe('required signers', () => {
  it('are the host and every present (or late) required attendee; not observers, excused, absent or optional', () => {
    const minutes = minutesSchema.parse({
      attendance: [
        { name: '陈建国', status: 'present' },
        { name: '李娜', status: 'present' },
        { name: '王芳', status: 'late', arrived: '09:20' },
        { name: '刘强', status: '請假' },
        { name: '赵敏', status: 'absent' },
        { name: '周杰', status: 'present' },
        { name: '孙丽', status: '列席' },
      ],
    });
    expect(requiredSigners(meeting, minutes)).toEqual([
      { name: '陈建国', role: 'host' },
      { name: '李娜', role: 'recorder' },
      { name: '王芳', role: 'attendee' },
    ]);
  });

  it('include the host even when the host is not listed as present', () => {
    const minutes = minutesSchema.parse({ attendance: [{ name: '王芳', status: 'present' }] });
    expect(requiredSigners(meeting, minutes).map((r) => r.name)).toEqual(['陈建国', '王芳']);
  });
});

describe('sign-off evaluation', () => {
  const minutes = minutesFrom(BASE);
  const hash = minutesHash(minutes);
  const required = [
    { name: '陈建国', role: 'host' as const },
    { name: '王芳', role: 'attendee' as const },
  ];
  const sig = (name: string, h = hash): Signature => ({ name, at: '2026-08-05T08:00:00Z', hash: h });

  it('is a draft without signatures, awaiting with some, signed off when every required signer is valid', () => {
    const none = evaluateSignOff({ required, signatures: [], hash, publicKeys: new Map() });
    expect(none.status).toBe('draft');
    expect(none.signers.map((s) => s.state)).toEqual(['missing', 'missing']);
    const one = evaluateSignOff({ required, signatures: [sig('陈建国')], hash, publicKeys: new Map() });
    expect(one.status).toBe('awaiting');
    expect(one.complete).toBe(false);
    const all = evaluateSignOff({
      required,
      signatures: [sig('陈建国'), sig('王芳')],
      hash,
      publicKeys: new Map(),
    });
    expect(all.status).toBe('signed-off');
    expect(all.complete).toBe(true);
  });

  it('marks every signature as changed after the content is edited', () => {
    const edited = minutesHash(minutesFrom(BASE.replace('发函', '发律师函')));
    const r = evaluateSignOff({
      required,
      signatures: [sig('陈建国'), sig('王芳')],
      hash: edited,
      publicKeys: new Map(),
    });
    expect(r.signers.map((s) => s.state)).toEqual(['changed', 'changed']);
    expect(r.status).toBe('awaiting');
  });

  it('verifies key signatures and detects a forged one', () => {
    const wang = generateKeyPair();
    const mallory = generateKeyPair();
    const good: Signature = {
      ...sig('王芳'),
      key: fingerprint(wang.publicKey),
      signature: signHash(wang.privateKey, hash),
    };
    const keys = new Map([['王芳', wang.publicKey]]);
    const ok = evaluateSignOff({ required, signatures: [sig('陈建国'), good], hash, publicKeys: keys });
    expect(ok.status).toBe('signed-off');

    // Someone signs in 王芳's name with another key, claiming 王芳's fingerprint.
    const forged: Signature = { ...good, signature: signHash(mallory.privateKey, hash) };
    const f = evaluateSignOff({ required, signatures: [sig('陈建国'), forged], hash, publicKeys: keys });
    expect(f.signers[1]!.state).toBe('bad-signature');
    expect(f.complete).toBe(false);

    // 王芳's genuine signature, but the entry names another key: the entry does not match the registered key.
    const relabelled: Signature = { ...good, key: fingerprint(mallory.publicKey) };
    const r = evaluateSignOff({ required, signatures: [sig('陈建国'), relabelled], hash, publicKeys: keys });
    expect(r.signers[1]!.state).toBe('bad-signature');
    expect(r.complete).toBe(false);

    // An entry without a signature for a person who has a registered key could have been typed by anyone.
    const plain = evaluateSignOff({
      required,
      signatures: [sig('陈建国'), sig('王芳')],
      hash,
      publicKeys: keys,
    });
    expect(plain.signers[1]!.state).toBe('key-required');

    // A key signature whose public key is not registered in the folder cannot be checked.
    const unregistered = evaluateSignOff({
      required,
      signatures: [sig('陈建国'), good],
      hash,
      publicKeys: new Map(),
    });
    expect(unregistered.signers[1]!.state).toBe('no-public-key');

    // A valid key signature of old content is "changed", not forged.
    const old = minutesHash(minutesFrom(BASE.replace('发函', '发律师函')));
    const stale = evaluateSignOff({
      required,
      signatures: [sig('陈建国'), good],
      hash: old,
      publicKeys: keys,
    });
    expect(stale.signers[1]!.state).toBe('changed');
  });

  it('lists signers who are not required after the required ones, and a broken one blocks sign-off', () => {
    const r = evaluateSignOff({
      required,
      signatures: [sig('陈建国'), sig('王芳'), sig('周杰', `sha256:${'0'.repeat(64)}`)],
      hash,
      publicKeys: new Map(),
    });
    expect(r.signers.map((s) => [s.name, s.required, s.state])).toEqual([
      ['陈建国', true, 'valid'],
      ['王芳', true, 'valid'],
      ['周杰', false, 'changed'],
    ]);
    expect(r.status).toBe('awaiting');
  });

  it('counts the latest entry when a person signed twice', () => {
    const r = evaluateSignOff({
      required,
      signatures: [sig('陈建国', `sha256:${'0'.repeat(64)}`), sig('王芳'), sig('陈建国')],
      hash,
      publicKeys: new Map(),
    });
    expect(r.status).toBe('signed-off');
  });
});
