import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Dependencies on every command's path, bundled into dist (start-up, issue 14): one chunk each instead of many
 * files to find, read and compile from node_modules (zod alone is 95 modules with all its locales; bundled, the
 * unused parts and locales are left out). yaml is taken from its ES module build, the same code as its CommonJS
 * one except that a warning goes to console.warn rather than process.emitWarning. Handlebars' runtime runs the
 * precompiled templates; the full Handlebars, for a team's own templates, still loads from node_modules. Their
 * licences are copied to dist/THIRD-PARTY-LICENSES.txt.
 */
const BUNDLED: Record<string, string> = {
  zod: 'zod',
  yaml: 'yaml',
  chalk: 'chalk',
  handlebars: 'handlebars/dist/cjs/handlebars.runtime.js',
};

function licences(): string {
  return Object.keys(BUNDLED)
    .map((name) => {
      const dir = new URL(`./node_modules/${name}/`, import.meta.url);
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        version: string;
        license: string;
      };
      const text = readFileSync(new URL(name === 'chalk' ? 'license' : 'LICENSE', dir), 'utf8').trim();
      return `${name} ${pkg.version} (${pkg.license})\n\n${text}\n`;
    })
    .join(`\n${'-'.repeat(78)}\n\n`);
}

// One bundle for the CLI so `salesmeet --help` loads a handful of files; every command's action and every heavy
// dependency (exceljs, ECharts, docx, the browser) stays in its own lazily imported chunk or in node_modules.
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
  noExternal: Object.values(BUNDLED),
  define: { __SALESMEET_VERSION__: JSON.stringify(version) },
  // Whitespace and syntax only: names stay readable in --verbose stack traces.
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
    options.alias = { yaml: './node_modules/yaml/browser/index.js' };
  },
  async onSuccess() {
    writeFileSync(new URL('./dist/THIRD-PARTY-LICENSES.txt', import.meta.url), licences());
  },
});
