import type { Command } from 'commander';
import { EXIT } from '../core/errors.js';
import { isLang, type Lang } from '../core/i18n/lang.js';
import type { Loader } from './commands/types.js';
import type { Context, Streams } from './context.js';
import { systemLang } from './env.js';
import { handleError } from './handle-error.js';
import { buildProgram, COMMANDS } from './program.js';

/** The command names, for the pre-rendered help (scripts/gen-help.mjs). */
export const COMMAND_NAMES: string[] = COMMANDS.map((c) => c.name);

/** The language for help and early errors, before commander has parsed anything. */
function peekLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (isLang(v)) return v;
  }
  if (isLang(env.SALESMEET_LANG)) return env.SALESMEET_LANG;
  return systemLang(env);
}

/**
 * The command argv names: its first word that is not an option (nor the value of --lang, the one program option
 * that takes one), when it is one of COMMANDS; commander reads the same word as the command.
 */
function peekCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') i++;
    else if (a === '--') return undefined;
    else if (!a.startsWith('-')) return COMMANDS.some((c) => c.name === a) ? a : undefined;
  }
  return undefined;
}

/** Runs the CLI and returns the exit code; the one place where exit codes are decided. */
export async function main(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  streams: Streams = process,
  cwd: string = process.cwd(),
): Promise<number> {
  const lang = peekLang(argv, env);
  let ctx: Context | undefined;
  let exitCode: number = EXIT.ok;
  let commandName: string | undefined;

  const run =
    (loader: Loader) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      commandName = command.name();
      const opts = command.optsWithGlobals();
      if (opts.lang !== undefined && !isLang(opts.lang)) {
        const { UsageError } = await import('../core/errors.js');
        throw new UsageError(
          'usage.lang',
          `--lang: expected zh-CN, zh-TW or en, found "${String(opts.lang)}"`,
        );
      }
      const { createContext } = await import('./context.js');
      ctx = createContext(opts, streams, env, cwd);
      const mod = await loader();
      exitCode = await mod.default(ctx, { args: args.slice(0, -2), opts: command.opts() });
    };

  const program = buildProgram(
    lang,
    run,
    { out: (s) => streams.stdout.write(s), err: (s) => streams.stderr.write(s) },
    peekCommand(argv),
  );
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // --help and --version end in a CommanderError too: they are a success, and need no colour.
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return EXIT.ok;
    const { createContext } = await import('./context.js');
    const fallback =
      ctx ??
      createContext(
        { lang, verbose: argv.includes('--verbose'), color: argv.includes('--no-color') ? false : undefined },
        streams,
        env,
        cwd,
      );
    commandName ??= argv.find((a) => COMMANDS.some((c) => c.name === a));
    return handleError(error, fallback, commandName);
  }
  return exitCode;
}
