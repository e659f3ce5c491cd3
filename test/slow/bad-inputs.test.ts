import { afterAll, describe, it } from 'vitest';
import { assertCase, CASES } from '../cli/bad-inputs/harness.js';
import { tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/run-in.js';

// The bad-input cases with large inputs (a 600 MB zip bomb): built once and cached, then run through main().
const root = tempDir('salesmeet-bad-');
afterAll(root.cleanup);

describe('bad input: large', () => {
  for (const c of CASES.filter((c) => c.slow)) {
    // The first run builds the input (compressing 600 MB); later runs copy it from the cache.
    it(c.name, () => assertCase(c, root.dir, (c, dir) => runIn(c.args, { cwd: dir })), 300_000);
  }
});
