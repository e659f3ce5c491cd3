import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { copyExample, type RunResult, STACK_RE, snapshotTree } from '../../helpers/cli.js';
import { ARGUMENT_CASES, type BadInput, EXCEL_CASES, YAML_CASES } from './cases.js';

export { ARGUMENT_CASES, type BadInput, EXCEL_CASES, YAML_CASES } from './cases.js';

/** Every case of the corpus. */
export const CASES: BadInput[] = [...YAML_CASES, ...ARGUMENT_CASES, ...EXCEL_CASES];

/** A fresh copy of the weekly example as `m/` in the case folder, with the case's edits and files. */
export function prepare(c: BadInput, dir: string): void {
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

/**
 * Runs one case in its own folder under `root` and asserts its answer: the exit code, every expected line on
 * stderr (and stdout), no stack trace, no "undefined" and no file changed.
 */
export async function assertCase(
  c: BadInput,
  root: string,
  run: (c: BadInput, dir: string) => RunResult | Promise<RunResult>,
): Promise<void> {
  const dir = join(root, c.name.replace(/[^\w-]+/g, '_'));
  mkdirSync(dir, { recursive: true });
  prepare(c, dir);
  await c.build?.(dir);
  const before = snapshotTree(dir);
  const r = await run(c, dir);
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: c.code });
  for (const s of c.stderr) {
    if (typeof s === 'string') expect(r.stderr).toContain(s);
    else expect(r.stderr).toMatch(s);
  }
  expect(r.stderr).not.toMatch(STACK_RE);
  expect(r.stderr).not.toMatch(/undefined|\[object Object\]|NaN/);
  // Nothing from the input reaches the terminal as a control character or a bidi override (NO_COLOR is set).
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  expect(r.stderr).not.toMatch(raw);
  expect(r.stdout).not.toMatch(raw);
  for (const s of c.stdout ?? []) {
    if (typeof s === 'string') expect(r.stdout).toContain(s);
    else expect(r.stdout).toMatch(s);
  }
  expect(snapshotTree(dir)).toEqual(before);
}
