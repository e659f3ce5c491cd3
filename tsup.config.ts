import { defineConfig } from 'tsup';

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
  // Whitespace and syntax only: names stay readable in --verbose stack traces.
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
});
