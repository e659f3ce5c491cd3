import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BuildOptions, Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Dependencies on every command's path, bundled into dist (start-up, issue 14): one chunk each instead of many
 * files to find, read and compile from node_modules (zod alone is 95 modules with all its locales; bundled, the
 * unused parts and locales are left out). yaml is taken from its ES module build, the same code as its CommonJS
 * one except that a warning goes to console.warn rather than process.emitWarning. Handlebars' runtime runs the
 * precompiled templates; the full Handlebars, for a team's own templates, still loads from node_modules.
 * commander parses every command line.
 * ECharts (with zrender and tslib) is bundled into dist/echarts.cjs, the parts the charts use. string-width and
 * its four dependencies are ES modules that the CommonJS bundle could only require as a namespace. Their licences
 * (and ECharts' NOTICE) are copied to dist/THIRD-PARTY-LICENSES.txt.
 */
const BUNDLED: Record<string, string> = {
  zod: 'zod',
  yaml: 'yaml',
  chalk: 'chalk',
  handlebars: 'handlebars/dist/cjs/handlebars.runtime.js',
  commander: 'commander',
  echarts: 'echarts',
  zrender: 'zrender',
  tslib: 'tslib',
  'string-width': 'string-width',
  'strip-ansi': 'strip-ansi',
  'ansi-regex': 'ansi-regex',
  'get-east-asian-width': 'get-east-asian-width',
  'emoji-regex': 'emoji-regex',
};

function licences(): string {
  return Object.keys(BUNDLED)
    .map((name) => {
      const dir = new URL(`./node_modules/${name}/`, import.meta.url);
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        version: string;
        license: string;
      };
      const files = ['LICENSE', 'license', 'LICENSE.txt', 'NOTICE'].filter((f) =>
        existsSync(new URL(f, dir)),
      );
      const text = files.map((f) => readFileSync(new URL(f, dir), 'utf8').trim()).join('\n\n');
      return `${name} ${pkg.version} (${pkg.license})\n\n${text}\n`;
    })
    .join(`\n${'-'.repeat(78)}\n\n`);
}

const common = {
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  // dist is emptied by the build script: two configurations build side by side and must not clean each other.
  clean: false,
  sourcemap: false,
  dts: false,
  // A package's subpaths too (echarts/core, zrender/lib/…).
  noExternal: Object.values(BUNDLED).flatMap((spec) => [spec, new RegExp(`^${spec}/`)]),
  define: { __SALESMEET_VERSION__: JSON.stringify(version) },
  // Whitespace and syntax only: names stay readable in --verbose stack traces.
  esbuildOptions(options: BuildOptions) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
    options.alias = { yaml: './node_modules/yaml/browser/index.js' };
  },
} satisfies Options;

/**
 * Two modules of the CLI's bundle are files of their own in dist:
 * - the code-cache loader, which the launcher loaded first (dist/code-cache.cjs): one instance keeps the list of
 *   caches to write at the end;
 * - the parts of ECharts (src/render/echarts.ts → dist/echarts.cjs), loaded with their own code cache when a
 *   document with charts is built, so that the commands without charts do not read them.
 */
const separateScripts: Plugin = {
  name: 'separate-scripts',
  setup(build) {
    build.onResolve({ filter: /\/code-cache\.c?js$/ }, () => ({ path: './code-cache.cjs', external: true }));
    build.onResolve({ filter: /^\.\/echarts\.js$/ }, () => ({ path: 'echarts', namespace: 'separate' }));
    build.onLoad({ filter: /^echarts$/, namespace: 'separate' }, () => ({
      contents:
        'module.exports = require("./code-cache.cjs").loadScript(require("node:path").join(__dirname, "echarts.cjs"));',
      loader: 'js',
    }));
  },
};

export default defineConfig([
  // The CLI: one CommonJS script (every command and every bundled dependency in it; the other packages are
  // required when a command needs them), which the launcher runs with a V8 code cache (src/io/code-cache.ts):
  // on Node 20 a cache can only be given to a script, not to an ES module. The functions of the commands not
  // run are only pre-parsed.
  {
    ...common,
    entry: { cli: 'src/cli/main.ts', 'code-cache': 'src/io/code-cache.ts' },
    format: 'cjs',
    splitting: false,
    // import.meta.url from __filename.
    shims: true,
    esbuildPlugins: [separateScripts],
    esbuildOptions(options) {
      common.esbuildOptions(options);
      // A script cannot import() on Node 20 (vm needs --experimental-vm-modules for it): packages are required
      // (an ES-module-only one too: Node 20.19+ requires ES modules).
      options.supported = { 'dynamic-import': false };
    },
  },
  // The parts of ECharts, minified as ECharts' own builds are (third-party code: no names to keep readable).
  {
    ...common,
    entry: { echarts: 'src/render/echarts.ts' },
    format: 'cjs',
    splitting: false,
    minify: true,
  },
  // For the build scripts and the crash test: the JSON schemas and the write path, as ES modules.
  {
    ...common,
    entry: { schemas: 'src/schemas.ts', internal: 'src/internal.ts' },
    format: 'esm',
    splitting: true,
    shims: false,
    async onSuccess() {
      writeFileSync(new URL('./dist/THIRD-PARTY-LICENSES.txt', import.meta.url), licences());
    },
  },
]);
