import { Chalk, type ChalkInstance } from 'chalk';
import { isLang, type Lang } from '../core/i18n/lang.js';
import type { Text } from '../core/i18n/messages.js';
import { terminalSafe, terminalSafeJson } from '../core/text.js';
import { catalogue } from '../i18n/index.js';
import { colorLevel } from './color.js';
import { hostTimeZone, systemLang } from './env.js';

/** Options every command understands (declared once in program.ts). */
export interface GlobalOptions {
  lang?: string;
  verbose?: boolean;
  color?: boolean;
  yes?: boolean;
  input?: boolean;
  json?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

export interface Streams {
  stdin: NodeJS.ReadStream | { isTTY?: boolean };
  /** Text, or bytes of UTF-8 text (a large JSON print, see `safeJsonBytes`). */
  stdout: { isTTY?: boolean; write(s: string | Uint8Array): unknown; columns?: number };
  stderr: { isTTY?: boolean; write(s: string): unknown; columns?: number };
}

/**
 * What a command's run gets: the terminal, the language and the time zone, decided once here and passed down to
 * `app` (`langFor`, `timezone`); every app result carries the `lang` it was made in.
 */
export interface Context {
  /** The language chosen on the command line or by the system; a meeting's `lang` may refine it via `langFor`. */
  lang: Lang;
  langExplicit: boolean;
  verbose: boolean;
  json: boolean;
  dryRun: boolean;
  force: boolean;
  /** Prompts are allowed: stdin and stdout are TTYs and neither --yes, --no-input nor CI is set. */
  interactive: boolean;
  yes: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** The host's time zone, for a meeting without `timezone:` (and for files written outside a meeting). */
  timezone: string;
  out: ChalkInstance;
  err: ChalkInstance;
  streams: Streams;
  /** The language for a meeting: --lang, else the meeting's `lang`, else the system's. */
  langFor(meetingLang?: string): Lang;
  /** Writes a result line to stdout. */
  print(s: string): void;
  /** Writes a message line to stderr. */
  info(s: string | Text): void;
  warn(s: string | Text): void;
  /** A line on stderr shown only with --verbose. */
  debug(s: string): void;
}

export function createContext(
  opts: GlobalOptions,
  streams: Streams,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Context {
  const explicit = opts.lang !== undefined && isLang(opts.lang);
  const envLang =
    env.SALESMEET_LANG !== undefined && isLang(env.SALESMEET_LANG) ? env.SALESMEET_LANG : undefined;
  const lang: Lang = explicit ? (opts.lang as Lang) : (envLang ?? systemLang(env));
  const out = new Chalk({ level: colorLevel(streams.stdout, env, opts.color) });
  const err = new Chalk({ level: colorLevel(streams.stderr, env, opts.color) });
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  let interactive: boolean | undefined;
  let zone: string | undefined;
  const ctx: Context = {
    lang,
    langExplicit: explicit || envLang !== undefined,
    verbose: Boolean(opts.verbose),
    json: Boolean(opts.json),
    dryRun: Boolean(opts.dryRun),
    force: Boolean(opts.force),
    // Asked on first use: reading process.stdin makes Node set up the terminal's stream (about 3 ms), and only
    // init prompts.
    get interactive() {
      interactive ??=
        Boolean(streams.stdout.isTTY) &&
        !opts.yes &&
        opts.input !== false &&
        !ci &&
        Boolean(streams.stdin.isTTY);
      return interactive;
    },
    yes: Boolean(opts.yes),
    cwd,
    env,
    now: () => (env.SALESMEET_NOW ? new Date(env.SALESMEET_NOW) : new Date()),
    // Asked on first use: ICU's time-zone lookup costs ~15 ms, and most runs (kpi) never need it.
    get timezone() {
      zone ??= hostTimeZone();
      return zone;
    },
    out,
    err,
    streams,
    langFor(meetingLang) {
      if (ctx.langExplicit) return ctx.lang;
      return meetingLang !== undefined && isLang(meetingLang) ? meetingLang : ctx.lang;
    },
    // Every line goes out through terminalSafe: a control character that came from data (an Excel cell, a file
    // name) is shown, never obeyed; salesmeet's own colours pass. With --json stdout is JSON: a JSON escape.
    print(s) {
      streams.stdout.write(`${ctx.json ? terminalSafeJson(s) : terminalSafe(s)}\n`);
    },
    info(s) {
      streams.stderr.write(`${terminalSafe(typeof s === 'string' ? s : s(ctx.lang))}\n`);
    },
    warn(s) {
      const text = typeof s === 'string' ? s : s(ctx.lang);
      streams.stderr.write(`${err.yellow(catalogue(ctx.lang).cli.context.warning)}${terminalSafe(text)}\n`);
    },
    debug(s) {
      if (ctx.verbose) streams.stderr.write(`${err.dim(terminalSafe(s))}\n`);
    },
  };
  return ctx;
}
