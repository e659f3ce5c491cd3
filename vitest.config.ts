import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// Three tiers (CONTRIBUTING.md, "Tests"): `unit` runs in this process and needs no build; `bin` spawns the built
// binary for what only a process shows; `slow` installs the package, drives a browser, fuzzes and reads large
// inputs. `vitest run` (and so `npm test`) runs all three; `npm run test:unit` only the first.
export default defineConfig({
  define: { __SALESMEET_VERSION__: JSON.stringify(version) },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/bin/**', 'test/slow/**'],
          // One worker process runs many files (no re-import per file: 4× less CPU). So a test file leaves no global
          // state behind: runIn restores TZ, nothing else in process.env is changed, and src caches only what never
          // changes (built-in templates). Checked with `--sequence.shuffle.files`.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'bin', include: ['test/bin/**/*.test.ts'] } },
      { extends: true, test: { name: 'slow', include: ['test/slow/**/*.test.ts'] } },
    ],
  },
});
