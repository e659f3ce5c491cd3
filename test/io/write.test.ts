import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SalesmeetError } from '../../src/core/errors.js';
import { commitWrites, MANIFEST, type PlannedFile, planWrites } from '../../src/io/write.js';
import { tempDir } from '../helpers/cli.js';

const tmp = tempDir('salesmeet-write-');
afterAll(tmp.cleanup);
const root = join(tmp.dir, 'meeting');
mkdirSync(root);
const out = join(root, 'out');
const gen = (name: string, content: string): PlannedFile => ({
  path: join(out, name),
  content,
  kind: 'generated',
});

async function write(files: PlannedFile[], force = false) {
  const plan = await planWrites(files, [], { force, cwd: tmp.dir, root });
  await commitWrites(plan);
  return plan.files.map((f) => f.action);
}

async function refusal(files: PlannedFile[]) {
  try {
    await write(files);
  } catch (e) {
    const err = e as SalesmeetError;
    return [err.exitCode, err.code, err.text('en')];
  }
  throw new Error('expected a refusal');
}

describe('write plans', () => {
  it('creates generated files, records their hashes, and rewrites them freely', async () => {
    expect(await write([gen('agenda.md', '# v1\n'), gen('agenda.html', '<p>v1</p>\n')])).toEqual([
      'create',
      'create',
    ]);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(['agenda.html', 'agenda.md']);
    expect(manifest.files['agenda.md']).toMatch(/^[0-9a-f]{64}$/);
    expect(await write([gen('agenda.md', '# v1\n'), gen('agenda.html', '<p>v2</p>\n')])).toEqual([
      'unchanged',
      'overwrite',
    ]);
    expect(readFileSync(join(out, 'agenda.html'), 'utf8')).toBe('<p>v2</p>\n');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'agenda.html', 'agenda.md']);
  });

  it('refuses a generated file edited by hand (exit 4) unless forced', async () => {
    writeFileSync(join(out, 'agenda.md'), '# v1\nmy notes\n');
    expect(await refusal([gen('agenda.md', '# v3\n')])).toEqual([
      4,
      'write.edited',
      'meeting/out/agenda.md was changed by hand since salesmeet generated it; refusing to overwrite it',
    ]);
    expect(readFileSync(join(out, 'agenda.md'), 'utf8')).toBe('# v1\nmy notes\n');
    expect(await write([gen('agenda.md', '# v3\n')], true)).toEqual(['overwrite']);
    expect(await write([gen('agenda.md', '# v4\n')])).toEqual(['overwrite']);
  });

  it('refuses a file in out/ that salesmeet did not write', async () => {
    writeFileSync(join(out, 'pack.html'), 'mine');
    expect((await refusal([gen('pack.html', 'x')]))[1]).toBe('write.edited');
  });

  it('refuses existing user files', async () => {
    writeFileSync(join(root, 'meeting.yaml'), 'title: x\n');
    expect(await refusal([{ path: join(root, 'meeting.yaml'), content: 'y', kind: 'user' }])).toEqual([
      4,
      'write.refused',
      'refusing to overwrite meeting/meeting.yaml',
    ]);
  });

  it('never writes outside the meeting folder: .., absolute paths, symbolic links', async () => {
    const outside = [
      { path: join(root, '..', 'escape.md'), content: 'x', kind: 'generated' as const },
      { path: '/tmp/salesmeet-absolute.md', content: 'x', kind: 'generated' as const },
    ];
    for (const f of outside) expect((await refusal([f]))[1]).toBe('write.outside');
    mkdirSync(join(tmp.dir, 'elsewhere'));
    symlinkSync(join(tmp.dir, 'elsewhere'), join(root, 'linked'));
    expect(
      (await refusal([{ path: join(root, 'linked', 'a.md'), content: 'x', kind: 'generated' }]))[1],
    ).toBe('write.outside');
    writeFileSync(join(tmp.dir, 'elsewhere', 'target.md'), 'keep');
    symlinkSync(join(tmp.dir, 'elsewhere', 'target.md'), join(out, 'link.md'));
    expect((await refusal([gen('link.md', 'x')]))[1]).toBe('write.symlink');
    expect(readFileSync(join(tmp.dir, 'elsewhere', 'target.md'), 'utf8')).toBe('keep');
    expect(readdirSync(join(tmp.dir, 'elsewhere'))).toEqual(['target.md']);
  });
});
