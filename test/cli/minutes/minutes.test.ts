import { createPrivateKey, sign } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyExample, STACK_RE, snapshotTree, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const SIGNERS = ['陈建国', '李娜', '王芳', '刘强', '张伟'];
const env = (extra: Record<string, string> = {}) => ({
  SALESMEET_NOW: '2026-07-11T10:00:00+08:00',
  SALESMEET_KEYS_DIR: join(tmp.dir, 'keys'),
  ...extra,
});

describe('salesmeet minutes --new', () => {
  it("prepares minutes.yaml from the meeting's agenda and attendees, and never overwrites it without --force", async () => {
    copyExample('2026-w27-weekly', tmp.dir);
    const r = await runIn(['minutes', '--new', '2026-w27-weekly'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-w27-weekly/minutes.yaml');
    const text = readFileSync(join(tmp.dir, '2026-w27-weekly/minutes.yaml'), 'utf8');
    expect(text).toContain('meeting: 华东大区销售周例会（第 27 周）');
    expect(text).toContain('actualStart: 09:00\nactualEnd: 09:50\n');
    expect(text).toMatch(/attendance:\n {2}- name: 王芳\n {4}status: present\n/);
    expect(text).toMatch(/topics:\n {2}- title: 上周业绩回顾\n {4}points: \[\]\n {4}decisions: \[\]\n/);
    expect((await runIn(['check', '2026-w27-weekly'], { cwd: tmp.dir })).code).toBe(0);

    writeFileSync(join(tmp.dir, '2026-w27-weekly/minutes.yaml'), `${text}# my notes\n`);
    const again = await runIn(['minutes', '--new', '2026-w27-weekly'], { cwd: tmp.dir });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('error: refusing to overwrite 2026-w27-weekly/minutes.yaml');
    expect(again.stderr).toContain('pass --force');
    expect(readFileSync(join(tmp.dir, '2026-w27-weekly/minutes.yaml'), 'utf8')).toContain('# my notes');
    expect((await runIn(['minutes', '--new', '2026-w27-weekly', '--force'], { cwd: tmp.dir })).code).toBe(0);
    expect(readFileSync(join(tmp.dir, '2026-w27-weekly/minutes.yaml'), 'utf8')).not.toContain('# my notes');
  });

  it('says how to start when there are no minutes yet (exit 3)', async () => {
    copyExample('2026-w27-weekly', tmp.dir);
    const r = await runIn(['minutes', '2026-w27-weekly'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2026-w27-weekly/minutes.yaml: error: no minutes.yaml in this meeting folder');
    expect(r.stderr).toContain('salesmeet minutes --new 2026-w27-weekly');
    expect(r.stderr).not.toMatch(STACK_RE);
  });
});

describe('salesmeet minutes (render)', () => {
  it('writes minutes.md, .html, .docx and the action list, in the meeting language', async () => {
    copyExample('2026-h1-review', tmp.dir);
    const r = await runIn(['minutes', '2026-h1-review'], { cwd: tmp.dir, env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('纪要状态：草稿');
    const out = (f: string) => join(tmp.dir, '2026-h1-review/out', f);
    for (const f of ['minutes.md', 'minutes.html', 'minutes.docx', 'actions.md', 'actions.html'])
      expect(existsSync(out(f))).toBe(true);
    const md = readFileSync(out('minutes.md'), 'utf8');
    expect(md).toContain('# 2026 年上半年销售总结暨下半年目标分解会 会议纪要');
    expect(md).toContain('| **主持人** | 陈建国 |');
    expect(md).toContain('| **请假人员** | 赵敏（西部大区经理，客户拜访（成都）） |');
    expect(md).toContain(
      '| 2026-h1-review\\#1 | 制定华东重点客户回款追收计划并每周跟进 | 王芳 | 2026-07-17 | 7 月底前收回逾期款 300 万元以上 | 高 |',
    );
    expect(md).toContain('| 陈建国 | 主持人 |  |  | 未签 |');
    const html = readFileSync(out('minutes.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<span class="badge draft">纪要状态：草稿</span>');
    const actions = readFileSync(out('actions.md'), 'utf8');
    expect(actions).toContain('统计日期：2026-07-11 · 完成率：0.0%（已完成 0 / 合计 3，已逾期 0）');

    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(out('minutes.docx')));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('2026 年上半年销售总结暨下半年目标分解会 会议纪要');
    expect(text).toContain('下半年以回款为第一优先级，回款率纳入大区经理季度考核');
    expect(text).toContain('签字确认');
    // Chinese labels take the full-width colon, in Word as in the other outputs.
    expect(text).toContain('纪要状态：草稿 · 内容指纹：');
    expect(text).toContain('讨论要点：');
    expect(text).toContain('决议事项：');
    expect(text).not.toMatch(/[\u4e00-\u9fff]: /);
    expect(text).toContain('签字页');

    const en = await runIn(['minutes', '2026-h1-review', '--lang', 'en', '--no-docx'], {
      cwd: tmp.dir,
      env: env(),
    });
    expect(en.code).toBe(0);
    expect(readFileSync(out('minutes.md'), 'utf8')).toContain(
      '| **Apologies** | 赵敏 (西部大区经理, 客户拜访（成都）) |',
    );

    // A Taiwanese reader gets Traditional glyphs: the zh-TW font stack puts the TC fonts first.
    const tw = await runIn(['minutes', '2026-h1-review', '--lang', 'zh-TW', '--no-docx'], {
      cwd: tmp.dir,
      env: env(),
    });
    expect(tw.code).toBe(0);
    for (const f of ['minutes.html', 'actions.html']) {
      const page = readFileSync(out(f), 'utf8');
      expect(page).toContain('<html lang="zh-TW">');
      expect(page).toMatch(
        /html:lang\(zh-TW\) \{\s+font-family: Arial, 'Liberation Sans', 'Noto Sans CJK TC', 'Source Han Sans TC'/,
      );
    }
  });
});

describe('sign-off', () => {
  it('goes from draft to signed off, survives re-rendering and reformatting, and names the fields changed later', async () => {
    copyExample('2026-h1-review', tmp.dir);
    const file = join(tmp.dir, '2026-h1-review/minutes.yaml');
    const original = readFileSync(file, 'utf8');
    const o = { cwd: tmp.dir, env: env() };

    const first = await runIn(['minutes', 'sign', '2026-h1-review', '--as', '陈建国'], o);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('纪要状态：待签（待签：李娜、王芳、刘强、张伟）');
    // minutes.yaml is not touched: the signature is a file of its own.
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readFileSync(join(tmp.dir, '2026-h1-review/signatures/陈建国.yaml'), 'utf8')).toMatch(
      /^# 陈建国 对会议纪要的签字确认，由 `salesmeet minutes sign` 写入。请勿修改：`salesmeet minutes verify` 会校验。\n\nformat: salesmeet\.signature\/2\nmeeting: 2026-h1-review\ntitle: 2026 年上半年销售总结暨下半年目标分解会\ndate: 2026-07-10\nname: 陈建国\nat: 2026-07-11T02:00:00\.000Z\nhash: sha256:[0-9a-f]{64}\n$/,
    );

    const status = await runIn(['minutes', 'status', '2026-h1-review'], o);
    expect(status.code).toBe(0);
    expect(status.stdout.split('\n')[0]).toMatch(/^纪要状态：待签 · 内容指纹 sha256:[0-9a-f]{64}$/);

    const notYet = await runIn(['minutes', 'verify', '2026-h1-review', '--lang', 'en'], o);
    expect(notYet.code).toBe(3);
    expect(notYet.stdout).toContain('✓ 陈建国 (Chair): signed, 2026-07-11 10:00');
    expect(notYet.stdout).toContain('✗ 李娜 (Minute-taker): not signed');
    expect(notYet.stderr).toContain('2026-h1-review/minutes.yaml: not signed off');

    for (const n of SIGNERS.slice(1))
      expect((await runIn(['minutes', 'sign', '2026-h1-review', '--as', n], o)).code).toBe(0);
    const ok = await runIn(['minutes', 'verify', '2026-h1-review'], o);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('已签：所有必签人均已签字，且内容未被修改。');

    // Rendering does not touch the signed content.
    expect((await runIn(['minutes', '2026-h1-review', '--no-docx'], o)).code).toBe(0);
    expect(readFileSync(join(tmp.dir, '2026-h1-review/out/minutes.md'), 'utf8')).toContain(
      '**纪要状态：已签**',
    );
    expect((await runIn(['minutes', 'verify', '2026-h1-review'], o)).code).toBe(0);

    // Comments, key order and quoting do not matter.
    const signed = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      signed
        .replace('# 会议纪要（记录人：李娜）', '# 会议纪要（记录人：李娜）已定稿')
        .replace(
          'actualStart: "09:05"\nactualEnd: "15:20"',
          "actualEnd: '15:20'   # 散会\nactualStart: '09:05'",
        )
        .replace(/\n/g, '\r\n'),
    );
    expect((await runIn(['minutes', 'verify', '2026-h1-review'], o)).code).toBe(0);

    // Any change of content breaks every signature, and verify names the fields.
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('due: 2026-07-15', 'due: 2026-07-16')
        .replace('{ name: 吴磊, status: absent }', '{ name: 吴磊, status: excused }'),
    );
    const bad = await runIn(['minutes', 'verify', '2026-h1-review', '--lang', 'en'], o);
    expect(bad.code).toBe(3);
    for (const n of ['陈建国', '李娜', '王芳', '刘强', '张伟'])
      expect(bad.stdout).toMatch(
        new RegExp(
          `✗ ${n} \\([^)]+\\): minutes changed after signing, 2026-07-11 10:00; changed since: actions\\[1\\]\\.due, attendance\\[7\\]\\.status`,
        ),
      );
    const json = JSON.parse((await runIn(['minutes', 'verify', '2026-h1-review', '--json'], o)).stdout);
    expect(json).toMatchObject({
      schema: 'salesmeet.minutes.verify/1',
      ok: false,
      status: 'awaiting',
      complete: false,
    });
    expect(json.signers[0]).toMatchObject({
      name: '陈建国',
      role: 'host',
      required: true,
      state: 'changed',
      changed: ['actions[1].due', 'attendance[7].status'],
      keys: null,
    });
  });

  it('checks key signatures against the public keys in the folder and catches a forged entry', async () => {
    copyExample('2026-h1-review', tmp.dir);
    const o = { cwd: tmp.dir, env: env() };
    const gen = await runIn(['keys', 'generate', '--as', '王芳', '2026-h1-review'], o);
    expect(gen.code).toBe(0);
    const keyFile = join(tmp.dir, 'keys', '王芳.key');

    // Once 王芳 has a registered key, a plain entry in her name is refused.
    const plain = await runIn(['minutes', 'sign', '2026-h1-review', '--as', '王芳'], o);
    expect(plain.code).toBe(3);
    expect(plain.stderr).toContain(
      '2026-h1-review/keys/王芳.pub: error: 王芳 has a registered public key (2026-h1-review/keys/王芳.pub); a signature without the key could be forged',
    );
    expect(plain.stderr).toContain(`hint: pass --key with the private key, e.g. --key ${keyFile}`);

    for (const n of SIGNERS.filter((n) => n !== '王芳'))
      expect((await runIn(['minutes', 'sign', '2026-h1-review', '--as', n], o)).code).toBe(0);
    const signed = await runIn(
      ['minutes', 'sign', '2026-h1-review', '--as', '王芳', '--key', keyFile, '--json'],
      o,
    );
    expect(signed.code).toBe(0);
    const sig = JSON.parse(signed.stdout).signature;
    expect(sig.key).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect((await runIn(['minutes', 'verify', '2026-h1-review'], o)).code).toBe(0);

    // A key that is not 王芳's registered one is refused at signing time.
    const other = await runIn(['keys', 'generate', '--as', '王芳'], {
      cwd: tmp.dir,
      env: env({ SALESMEET_KEYS_DIR: join(tmp.dir, 'other') }),
    });
    expect(other.code).toBe(0);
    const wrong = await runIn(
      ['minutes', 'sign', '2026-h1-review', '--as', '王芳', '--key', join(tmp.dir, 'other', '王芳.key')],
      o,
    );
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain(
      'error: this key is not the one registered for 王芳 in 2026-h1-review/keys/王芳.pub',
    );

    // Forging by editing the file: a signature made with another key, pasted into 王芳's entry.
    const forged = sign(
      null,
      Buffer.from(sig.hash),
      createPrivateKey(readFileSync(join(tmp.dir, 'other', '王芳.key'), 'utf8')),
    ).toString('base64');
    const file = join(tmp.dir, '2026-h1-review/signatures/王芳.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(sig.signature, forged));
    const v = await runIn(['minutes', 'verify', '2026-h1-review', '--lang', 'en'], o);
    expect(v.code).toBe(3);
    expect(v.stdout).toContain(
      '✗ 王芳 (Attendee): signature does not verify (forged?), 2026-07-11 10:00 [key-signed]',
    );

    // Dropping the signature and keeping a plain entry is caught as well.
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(`key: ${sig.key}\n`, '')
        .replace(`signature: ${forged}\n`, '')
        .replace(/^publicKey: \|\n( {2}.*\n)+/m, ''),
    );
    const v2 = await runIn(['minutes', 'verify', '2026-h1-review', '--lang', 'en'], o);
    expect(v2.code).toBe(3);
    expect(v2.stdout).toContain('✗ 王芳 (Attendee): key signature missing, 2026-07-11 10:00');
  });

  it('reports the example July meeting as awaiting sign-off, and --dry-run signs nothing', async () => {
    copyExample('2026-07-monthly', tmp.dir);
    const o = { cwd: tmp.dir, env: env() };
    const status = JSON.parse((await runIn(['minutes', 'status', '2026-07-monthly', '--json'], o)).stdout);
    expect(status).toMatchObject({
      schema: 'salesmeet.minutes.status/1',
      status: 'awaiting',
      complete: false,
    });
    expect(status.signers.map((s: { name: string; state: string }) => [s.name, s.state])).toEqual([
      ['陈建国', 'valid'],
      ['李娜', 'valid'],
      ['王芳', 'missing'],
      ['刘强', 'missing'],
      ['张伟', 'missing'],
    ]);
    const before = snapshotTree(join(tmp.dir, '2026-07-monthly'));
    const dry = await runIn(['minutes', 'sign', '2026-07-monthly', '--as', '王芳', '--dry-run'], o);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('将写入（演练模式，未写入任何文件）：');
    expect(snapshotTree(join(tmp.dir, '2026-07-monthly'))).toEqual(before);
  });

  it('rejects a key file that is not an Ed25519 private key', async () => {
    copyExample('2026-h1-review', tmp.dir);
    writeFileSync(join(tmp.dir, 'bad.key'), 'not a key\n');
    const r = await runIn(['minutes', 'sign', '2026-h1-review', '--as', '王芳', '--key', 'bad.key'], {
      cwd: tmp.dir,
      env: env(),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('bad.key: error: bad.key is not an Ed25519 private key (PEM)');
    expect(r.stderr).not.toMatch(STACK_RE);
  });
});
