import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCli, tempDir } from '../helpers/cli.js';

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
