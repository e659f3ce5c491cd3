import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';
import { ARGUMENT_CASES, assertCase, type BadInput, EXCEL_CASES, YAML_CASES } from './harness.js';

// The corpus through main() in this process. The permission case runs on the built binary (test/bin/permissions)
// and the large inputs in the slow tier (test/slow/bad-inputs).
const root = tempDir('salesmeet-bad-');
afterAll(root.cleanup);

describe.each([
  ['YAML', YAML_CASES],
  ['arguments', ARGUMENT_CASES],
  ['Excel', EXCEL_CASES],
])('bad input: %s', (_kind, cases) => {
  for (const c of cases.filter((c) => !c.unprivileged && !c.slow)) {
    it(c.name, () => assertCase(c, root.dir, (c, dir) => runIn(c.args, { cwd: dir })));
  }
});

it('the corpus has at least 60 cases', async () => {
  const { EXCEL_CASES } = await import('./cases.js').then((m) => ({
    EXCEL_CASES: (m as { EXCEL_CASES?: BadInput[] }).EXCEL_CASES ?? [],
  }));
  expect(YAML_CASES.length + ARGUMENT_CASES.length + EXCEL_CASES.length).toBeGreaterThanOrEqual(60);
});
