import * as z from 'zod';
import { parseFlag } from '../../flags.js';
import { dirArg, parseInput } from '../../options.js';
import type { RawInput } from '../types.js';

export interface KeysGenerateCliOptions {
  /** The meeting folder to register the public key in. */
  dir: string | undefined;
  /** Whose key (`--as`, required by commander). */
  name: string;
}

export function parseKeysGenerateOptions(input: RawInput): KeysGenerateCliOptions {
  const { args, opts } = parseInput(input, {
    args: dirArg,
    opts: z.object({ as: z.string().optional() }),
  });
  return { dir: args[0], name: parseFlag(z.string().trim().min(1), opts.as ?? '', '--as') };
}
