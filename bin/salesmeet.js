#!/usr/bin/env node
// CommonJS (bin/package.json): Node starts a script without its ES module loader, a few ms sooner.
const { readFileSync } = require('node:fs');
const nodeModule = require('node:module');
const { join } = require('node:path');

// Launcher: check the Node version with a one-line message, then load the built CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(
    `salesmeet needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js LTS from https://nodejs.org\n`,
  );
  process.exit(1);
}
// `salesmeet [command] --help` is pre-rendered by the build (dist/help.json, made by the real CLI): print it without
// loading commander, so help stays instant. Anything else goes through the CLI. SALESMEET_NO_HELP_CACHE=1 skips it.
// `unknownCommand`: help.json has no such command (`salesmeet nosuch --help`), set by cachedHelp.
let unknownCommand = false;
function cachedHelp(argv, env) {
  if (env.SALESMEET_NO_HELP_CACHE || process.platform === 'win32') return undefined;
  let lang;
  let command = '';
  let help = argv.length === 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') help = true;
    else if (a === '--lang') lang = argv[++i];
    else if (a.startsWith('--lang=')) lang = a.slice(7);
    else if (!a.startsWith('-') && command === '' && i === 0) command = a;
    else return undefined;
  }
  if (!help) return undefined;
  const langs = ['zh-CN', 'zh-TW', 'en'];
  const fromLocale = (locale) => {
    if (!locale) return undefined;
    const l = locale.trim().replace(/_/g, '-').replace(/\..*$/, '').toLowerCase();
    if (l === '' || l === 'c' || l === 'posix') return undefined;
    if (l.startsWith('zh')) return /(^|-)(tw|hk|mo|hant)($|-)/.test(l) ? 'zh-TW' : 'zh-CN';
    return /^[a-z]{2,3}($|-)/.test(l) ? 'en' : undefined;
  };
  if (lang !== undefined && !langs.includes(lang)) return undefined;
  lang ??= langs.includes(env.SALESMEET_LANG) ? env.SALESMEET_LANG : undefined;
  lang ??= fromLocale(env.LC_ALL) ?? fromLocale(env.LC_MESSAGES) ?? fromLocale(env.LANG) ?? 'en';
  try {
    const all = JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'help.json'), 'utf8'));
    const text = all[lang]?.[command];
    // `salesmeet nosuch --help`: no such command (the CLI says so); its code cache is not kept under the typo.
    if (text === undefined && all[lang] !== undefined) unknownCommand = true;
    return text;
  } catch {
    return undefined;
  }
}
const help = cachedHelp(process.argv.slice(2), process.env);
if (help !== undefined) {
  process.stdout.write(help);
} else {
  // A closed pipe (`salesmeet --help | head`) is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  // A safety net: if the work stops without an answer (a reader that waits for data that never comes), say so
  // instead of ending silently with exit 0.
  let answered = false;
  process.on('beforeExit', () => {
    if (answered) return;
    answered = true;
    process.stderr.write(
      'salesmeet: error: the command stopped without an answer (an input may be damaged); run again with --verbose and report it\n',
    );
    process.exitCode = 1;
  });
  // Node 22.1+ keeps the compiled code of the packages required from node_modules (exceljs, Playwright) between
  // runs, in node-compile-cache under the OS temp folder or $NODE_COMPILE_CACHE. It only speeds up: a folder that cannot be written leaves it off (Node reports that in
  // the returned status, which is ignored), NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  try {
    nodeModule.enableCompileCache?.();
  } catch {
    // never fail a command for a cache
  }
  // The CLI is one CommonJS script run with a V8 code cache of its own per command (dist/code-cache.cjs, from
  // src/io/code-cache.ts), so that a command does not compile it again at every start, on Node 20 too.
  let cli;
  try {
    const { loadScript } = require('../dist/code-cache.cjs');
    const first = process.argv[2] ?? '';
    cli = loadScript(
      join(__dirname, '..', 'dist', 'cli.cjs'),
      /^[a-z]+$/.test(first) && !unknownCommand ? first : 'cli',
    );
  } catch (error) {
    if (error.code !== 'ENOENT' && error.code !== 'MODULE_NOT_FOUND') throw error;
    answered = true;
    process.stderr.write(
      `salesmeet is not built (${error.code}); run \`npm run build\` in the package folder\n`,
    );
    process.exitCode = 1;
  }
  cli?.main().then((code) => {
    answered = true;
    process.exitCode = code;
  });
}
