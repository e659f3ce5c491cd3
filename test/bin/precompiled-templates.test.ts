import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ROOT, runCli, tempDir } from '../helpers/cli.js';

// The built-in templates run precompiled (dist/templates/, made by the build) with Handlebars' runtime alone; a
// team's templates are compiled at run time. Which Handlebars modules a run loaded is read from require.cache at
// exit (Handlebars and source-map are CommonJS), written by a preload script.
const tmp = tempDir('salesmeet-precompiled-');
const RECORDER = join(tmp.dir, 'record-modules.cjs');
const COMMANDS = ['agenda', 'pack', 'minutes', 'notice', 'report'];

beforeAll(() => {
  writeFileSync(
    RECORDER,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.RECORD_MODULES, Object.keys(require.cache).join('\\n')));\n",
  );
  for (const dir of ['builtin', 'team']) copyExample('2026-h1-review', join(tmp.dir, dir));
  // The team's folder holds an unchanged copy of every built-in template: same text, but a team's, so compiled.
  cpSync(join(ROOT, 'templates'), join(tmp.dir, 'team', 'team-templates'), { recursive: true });
  const meeting = join(tmp.dir, 'team', '2026-h1-review', 'meeting.yaml');
  writeFileSync(meeting, `${readFileSync(meeting, 'utf8')}templates: ../team-templates\n`);
});
afterAll(tmp.cleanup);

/** Runs a command on the built binary and returns the modules it loaded. */
function run(command: string, dir: string): string[] {
  const record = join(tmp.dir, `${dir}-${command}.modules`);
  const r = runCli([command, '2026-h1-review'], {
    cwd: join(tmp.dir, dir),
    env: { NODE_OPTIONS: `--require ${RECORDER}`, RECORD_MODULES: record },
  });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(record, 'utf8').split('\n');
}

const compilerOrSourceMap = (modules: string[]) =>
  modules.filter((m) =>
    /[\\/]handlebars[\\/]dist[\\/]cjs[\\/]handlebars[\\/]compiler[\\/]|[\\/]source-map[\\/]/.test(m),
  );
const outputs = (dir: string) => {
  const out = join(tmp.dir, dir, '2026-h1-review', 'out');
  return Object.fromEntries(
    readdirSync(out)
      .filter((f) => /\.(md|html|txt|ics)$/.test(f))
      .sort()
      .map((f) => [f, readFileSync(join(out, f), 'utf8')]),
  );
};

describe('built-in templates run precompiled', () => {
  it.each(COMMANDS)('%s loads Handlebars’ runtime, not its compiler nor source-map', (command) => {
    const modules = run(command, 'builtin');
    expect(modules.some((m) => m.endsWith(join('handlebars', 'dist', 'cjs', 'handlebars.runtime.js')))).toBe(
      true,
    );
    expect(compilerOrSourceMap(modules)).toEqual([]);
  });

  it('a team’s copy of every template is compiled at run time and gives the same bytes', () => {
    for (const command of COMMANDS)
      expect(compilerOrSourceMap(run(command, 'team')).length).toBeGreaterThan(0);
    const builtin = outputs('builtin');
    expect(Object.keys(builtin)).toEqual([
      'actions.html',
      'actions.md',
      'agenda.html',
      'agenda.md',
      'invite.ics',
      'minutes.html',
      'minutes.md',
      'notice.html',
      'notice.txt',
      'pack.html',
      'pack.md',
      'report.html',
      'report.md',
      'sign-in.html',
    ]);
    expect(outputs('team')).toEqual(builtin);
  });

  it('a team’s changed template is honoured by the built binary', () => {
    const copy = join(tmp.dir, 'team', 'team-templates', 'agenda.md.hbs');
    writeFileSync(copy, `<!-- ACME -->\n${readFileSync(copy, 'utf8')}`);
    run('agenda', 'team');
    const md = readFileSync(join(tmp.dir, 'team', '2026-h1-review', 'out', 'agenda.md'), 'utf8');
    expect(md.startsWith('<!-- ACME -->\n# ')).toBe(true);
  });

  it('a built-in template edited after the build is compiled from its file, not run from the stale copy', () => {
    const pkg = join(tmp.dir, 'package');
    for (const f of ['bin', 'dist', 'templates', 'package.json'])
      cpSync(join(ROOT, f), join(pkg, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'junction');
    const file = join(pkg, 'templates', 'agenda.md.hbs');
    writeFileSync(file, `<!-- edited -->\n${readFileSync(file, 'utf8')}`);
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'salesmeet.js'), 'agenda', '2026-h1-review'], {
      cwd: join(tmp.dir, 'builtin'),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', SALESMEET_NOW: '2026-06-25T10:00:00+08:00', TZ: 'Asia/Shanghai' },
    });
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(join(tmp.dir, 'builtin', '2026-h1-review', 'out', 'agenda.md'), 'utf8');
    expect(md.startsWith('<!-- edited -->\n# ')).toBe(true);
  });
});
