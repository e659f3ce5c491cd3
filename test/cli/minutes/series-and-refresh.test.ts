import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

// Issue 12, contradictions 1 and 2: a meeting's own action list agrees with the list across meetings, and the
// rendered minutes never say "Draft" once everyone has signed.
const tmp = tempDir('salesmeet-series-');
afterAll(tmp.cleanup);
const AUG_20 = '2026-08-20T10:00:00+08:00';

/** The H1 review and the July meeting (whose actions.yaml marks 2026-h1-review#1 done on 2026-08-08), side by side. */
function series(name: string): string {
  const dir = join(tmp.dir, name);
  copyExample('2026-h1-review', dir);
  copyExample('2026-07-monthly', dir);
  return dir;
}
const row = (md: string, id: string) =>
  md.split('\n').find((l) => l.startsWith(`| ${id.replace('#', '\\#')} `));

describe('a meeting’s own action list takes its statuses from the whole series', () => {
  it('shows #1 done, as `actions` across the folders does, with the as-of day stated', async () => {
    const dir = series('agree');
    const env = { SALESMEET_NOW: AUG_20 };
    const r = await runIn(['minutes', '2026-h1-review', '--no-docx', '--lang', 'en'], { cwd: dir, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, '2026-h1-review/out/actions.md'), 'utf8');
    expect(md).toContain('As of: 2026-08-20 · Completion: 66.7% (Done 2 / Total 3, overdue 1)');
    expect(row(md, '2026-h1-review#1')).toBe(
      '| 2026-h1-review\\#1 | 制定华东重点客户回款追收计划并每周跟进 | 2026-07-17 | 7 月底前收回逾期款 300 万元以上 | done<br>2026-08-08 7 月底前累计收回逾期款 320 万元 | 1 |',
    );
    const across = await runIn(['actions', '.', '--lang', 'en'], { cwd: dir, env });
    expect(across.stdout).toContain('As of 2026-08-20');
    expect(across.stdout).toMatch(/✓ 2026-h1-review#1 .*\[done\]/);
  });

  it('leaves out updates dated after the as-of day', async () => {
    const dir = series('as-of');
    const r = await runIn(['minutes', '2026-h1-review', '--no-docx', '--lang', 'en'], {
      cwd: dir,
      env: { SALESMEET_NOW: '2026-08-05T10:00:00+08:00' },
    });
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, '2026-h1-review/out/actions.md'), 'utf8');
    expect(md).toContain('As of: 2026-08-05');
    expect(row(md, '2026-h1-review#1')).toContain('| in progress<br>2026-07-20 已收回逾期款 180 万元');
  });

  it('renders from what is readable when a sibling folder is broken, and names it', async () => {
    const dir = series('broken');
    appendFileSync(join(dir, '2026-07-monthly/actions.yaml'), 'x: [\n');
    const r = await runIn(['minutes', '2026-h1-review', '--no-docx', '--lang', 'en'], {
      cwd: dir,
      env: { SALESMEET_NOW: AUG_20 },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: 2026-07-monthly\/actions\.yaml:\d+:\d+: left out of the action list: the meeting folder 2026-07-monthly cannot be read \(/,
    );
    const md = readFileSync(join(dir, '2026-h1-review/out/actions.md'), 'utf8');
    expect(row(md, '2026-h1-review#1')).toContain('| in progress<br>2026-07-20');
  });
});

describe('minutes sign refreshes the rendered minutes', () => {
  const SIGNERS = ['陈建国', '李娜', '王芳', '刘强'];
  async function signedButOne(name: string) {
    const dir = join(tmp.dir, name);
    copyExample('2026-h1-review', dir);
    const run = (args: string[]) =>
      runIn([...args, '--lang', 'en'], { cwd: dir, env: { SALESMEET_KEYS_DIR: join(dir, 'keys') } });
    expect((await run(['minutes', '2026-h1-review', '--no-docx'])).code).toBe(0);
    for (const n of SIGNERS)
      expect((await run(['minutes', 'sign', '2026-h1-review', '--as', n])).code).toBe(0);
    return { dir, run, md: join(dir, '2026-h1-review/out/minutes.md') };
  }

  it('turns out/minutes.md from awaiting sign-off to signed when the last signer signs', async () => {
    const { run, md } = await signedButOne('refresh');
    expect(readFileSync(md, 'utf8')).toContain('**Status: Awaiting sign-off**');
    const r = await run(['minutes', 'sign', '2026-h1-review', '--as', '张伟']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Refreshed the rendered minutes:\n  2026-h1-review/out/minutes.md\n  2026-h1-review/out/minutes.html\n',
    );
    expect(readFileSync(md, 'utf8')).toContain('**Status: Signed off** · Content hash');
    expect(readFileSync(md.replace(/md$/, 'html'), 'utf8')).toContain('Status: Signed off</span>');
  });

  it('leaves a hand-edited out/minutes.md, warns, and still records the signature', async () => {
    const { dir, run, md } = await signedButOne('edited');
    const edited = `${readFileSync(md, 'utf8')}\nNote added by hand.\n`;
    writeFileSync(md, edited);
    const r = await run(['minutes', 'sign', '2026-h1-review', '--as', '张伟']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: 2026-h1-review/out/minutes.md was edited by hand and still shows the sign-off status before this signature; it was left as it is (move it away and run `salesmeet minutes 2026-h1-review` to render it again)\n',
    );
    expect(r.stdout).toContain('Refreshed the rendered minutes:\n  2026-h1-review/out/minutes.html\n');
    expect(readFileSync(md, 'utf8')).toBe(edited);
    expect(readFileSync(join(dir, '2026-h1-review/signatures/张伟.yaml'), 'utf8')).toContain('name: 张伟');
  });
});
