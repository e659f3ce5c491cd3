import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, copyExample, runCli, STACK_RE, snapshotTree, tempDir } from '../helpers/cli.js';
import { ARGUMENT_CASES, type BadInput, EXCEL_CASES, YAML_CASES } from './cases.js';

const root = tempDir('salesmeet-bad-');
afterAll(root.cleanup);
const isRoot = process.getuid?.() === 0;
const canDropPrivileges = isRoot && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;

function prepare(c: BadInput, dir: string) {
  copyExample('2026-w27-weekly', dir);
  const src = join(dir, '2026-w27-weekly');
  const m = join(dir, 'm');
  spawnSync('mv', [src, m]);
  if (c.edit) {
    let text = readFileSync(join(m, 'meeting.yaml'), 'utf8');
    for (const [from, to] of c.edit) {
      if (!text.includes(from)) throw new Error(`case "${c.name}": "${from}" is not in meeting.yaml`);
      text = text.replace(from, to);
    }
    writeFileSync(join(m, 'meeting.yaml'), text);
  }
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    const p = join(dir, rel);
    if (content === null) {
      spawnSync('rm', ['-rf', p]);
      mkdirSync(p, { recursive: true });
    } else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
}

function run(c: BadInput, dir: string) {
  if (!c.unprivileged) return runCli(c.args, { cwd: dir });
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
}

describe.each([
  ['YAML', YAML_CASES],
  ['arguments', ARGUMENT_CASES],
  ['Excel', EXCEL_CASES],
])('bad input: %s', (_kind, cases) => {
  for (const c of cases) {
    it.runIf(!c.unprivileged || canDropPrivileges || !isRoot)(
      c.name,
      async () => {
        const dir = join(root.dir, c.name.replace(/[^\w-]+/g, '_'));
        mkdirSync(dir, { recursive: true });
        prepare(c, dir);
        await c.build?.(dir);
        const before = snapshotTree(dir);
        const r = run(c, dir);
        expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: c.code });
        for (const s of c.stderr) {
          if (typeof s === 'string') expect(r.stderr).toContain(s);
          else expect(r.stderr).toMatch(s);
        }
        expect(r.stderr).not.toMatch(STACK_RE);
        expect(r.stderr).not.toMatch(/undefined|\[object Object\]|NaN/);
        for (const s of c.stdout ?? []) {
          if (typeof s === 'string') expect(r.stdout).toContain(s);
          else expect(r.stdout).toMatch(s);
        }
        expect(snapshotTree(dir)).toEqual(before);
      },
      60_000,
    );
  }
});

it('the corpus has at least 60 cases', async () => {
  const { EXCEL_CASES } = await import('./cases.js').then((m) => ({
    EXCEL_CASES: (m as { EXCEL_CASES?: BadInput[] }).EXCEL_CASES ?? [],
  }));
  expect(YAML_CASES.length + ARGUMENT_CASES.length + EXCEL_CASES.length).toBeGreaterThanOrEqual(60);
});
