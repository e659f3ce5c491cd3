import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// One bundle for the CLI so `salesmeet --help` loads a handful of files; every command's action and every heavy
// dependency stays in its own lazily imported chunk. Dependencies are not bundled (they load from node_modules).
export default defineConfig({
  entry: { 'cli/main': 'src/cli/main.ts', schemas: 'src/schemas.ts', internal: 'src/internal.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  splitting: true,
  clean: true,
  sourcemap: false,
  dts: false,
  shims: false,
  define: { __SALESMEET_VERSION__: JSON.stringify(version) },
  // Whitespace and syntax only: names stay readable in --verbose stack traces.
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
});
