import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ROOT, runCli, tempDir } from '../helpers/cli.js';

// Start-up (issue 14): what a command does not need is not loaded. string-width is an ES module, so it is not in
// require.cache; its emoji-regex dependency is CommonJS and is, from the moment string-width is imported.
const tmp = tempDir('salesmeet-lazy-');
const RECORDER = join(tmp.dir, 'record-modules.cjs');

beforeAll(() => {
  writeFileSync(
    RECORDER,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.RECORD_MODULES, Object.keys(require.cache).join('\\n')));\n",
  );
  copyExample('2026-h1-review', join(tmp.dir, 'h1'));
});
afterAll(tmp.cleanup);

/** Runs the built binary and returns the CommonJS modules it loaded. */
function modules(args: string[], name: string): string[] {
  const record = join(tmp.dir, `${name}.modules`);
  const r = runCli(args, {
    cwd: join(tmp.dir, 'h1'),
    env: { NODE_OPTIONS: `--require ${RECORDER}`, RECORD_MODULES: record },
  });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(record, 'utf8').split('\n');
}

const stringWidth = (loaded: string[]) => loaded.filter((m) => /[\\/]emoji-regex[\\/]/.test(m));

describe('kpi loads the text renderers only for text', () => {
  it('kpi --json does not load string-width', () => {
    expect(stringWidth(modules(['kpi', '--meeting', '2026-h1-review', '--json'], 'json'))).toEqual([]);
  });

  it('the terminal table does', () => {
    expect(stringWidth(modules(['kpi', '--meeting', '2026-h1-review'], 'table')).length).toBeGreaterThan(0);
  });
});

/** The dist files a chunk imports statically, itself included (what loads before its first line runs). */
function staticClosure(file: string): string[] {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g))
      stack.push(join(dirname(f), m[1]!));
  }
  return [...seen];
}

describe('kpi runs without zod', () => {
  // zod is bundled into dist (one chunk), so it is not in require.cache: its chunk is found by zod's own class name.
  const dist = join(ROOT, 'dist');
  const chunks = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const holding = (text: string) => chunks.filter((f) => readFileSync(join(dist, f), 'utf8').includes(text));
  const kpiRun = holding('parseKpiOptions').filter((f) => f.startsWith('run-'));
  const withZod = (files: string[]) => files.filter((f) => readFileSync(f, 'utf8').includes('"ZodType"'));

  it("kpi's command chunk does not import zod's", () => {
    expect(kpiRun).toHaveLength(1);
    expect(withZod(staticClosure(join(dist, kpiRun[0]!)))).toEqual([]);
  });

  it("agenda's does (it checks the meeting files)", () => {
    const agendaRun = holding('parseAgendaOptions').filter((f) => f.startsWith('run-'));
    expect(withZod(staticClosure(join(dist, agendaRun[0]!))).length).toBeGreaterThan(0);
  });
});
