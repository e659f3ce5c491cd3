import * as z from 'zod';
import type { RawInput } from './commands/types.js';

/**
 * Parses what commander hands a command (positional arguments and options) into the typed object its
 * `options.ts` describes. Commander has already checked arity and required options, so a failure here is a bug in
 * a definition, not a user's mistake; value checks with messages for the user are done by `parseFlag` (flags.ts).
 */
export function parseInput<A extends z.ZodType, O extends z.ZodType>(
  input: RawInput,
  shape: { args: A; opts: O },
): { args: z.output<A>; opts: z.output<O> } {
  // jitless: parsed once per run, so no parser is generated and compiled for it (see core/validate.ts).
  return z.object({ args: shape.args, opts: shape.opts }).parse(input, { jitless: true }) as {
    args: z.output<A>;
    opts: z.output<O>;
  };
}

/** `[dir]`: one optional folder argument. */
export const dirArg = z.tuple([z.string().optional()]).rest(z.unknown());
/** `[dirs...]` / `[files...]`: a variadic argument (an empty list when none is given). */
export const listArg = z.tuple([z.array(z.string()).optional()]).rest(z.unknown());
/** A repeatable option (commander collects it into a list). */
export const repeated = z.array(z.string()).optional();
