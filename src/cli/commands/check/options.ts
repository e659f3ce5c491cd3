import * as z from 'zod';
import { dirArg, parseInput } from '../../options.js';
import type { RawInput } from '../types.js';

export interface CheckCliOptions {
  dir: string | undefined;
  /** Advice counts as an error (exit 3). */
  strict: boolean;
}

export function parseCheckOptions(input: RawInput): CheckCliOptions {
  const { args, opts } = parseInput(input, {
    args: dirArg,
    opts: z.object({ strict: z.boolean().optional() }),
  });
  return { dir: args[0], strict: Boolean(opts.strict) };
}
