import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCli, tempDir } from '../helpers/cli.js';

// Start-up (issue 14): what a command does not need is not loaded. The packages outside the CLI's bundle are
// CommonJS modules in require.cache once required (ECharts and docx, loaded as scripts, are checked by their
// code caches in code-cache.test.ts).
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

/** Runs the built binary and returns the packages it required from node_modules. */
function packages(args: string[], name: string): string[] {
  const record = join(tmp.dir, `${name}.modules`);
  const r = runCli(args, {
    cwd: join(tmp.dir, 'h1'),
    env: { NODE_OPTIONS: `--require ${RECORDER}`, RECORD_MODULES: record },
  });
  expect(r.code, r.stderr).toBe(0);
  const names = readFileSync(record, 'utf8')
    .split('\n')
    .map((m) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(m)?.[1]?.replace('\\', '/'))
    .filter((m): m is string => m !== undefined);
  return [...new Set(names)].sort();
}

describe('each command requires only the packages it uses', () => {
  it('kpi reads the export with its own reader: no exceljs, nothing outside the bundle', () => {
    expect(packages(['kpi', '--meeting', '2026-h1-review', '--json'], 'kpi')).toEqual([]);
  });

  it('agenda: nothing outside the bundle', () => {
    expect(packages(['agenda', '2026-h1-review', '--dry-run'], 'agenda')).toEqual([]);
  });

  it('actions --format xlsx: exceljs to write the tracker', () => {
    const args = ['actions', '2026-h1-review', '--format', 'xlsx', '--out', 'tracker.xlsx', '--dry-run'];
    expect(packages(args, 'actions')).toContain('exceljs');
  });
});
