import * as z from 'zod';
import { dirArg, parseInput } from '../../options.js';
import type { RawInput } from '../types.js';

export interface AgendaCliOptions {
  dir: string | undefined;
}

/** `salesmeet agenda [dir]`: no options of its own (--json and --dry-run are in the context). */
export function parseAgendaOptions(input: RawInput): AgendaCliOptions {
  const { args } = parseInput(input, { args: dirArg, opts: z.object({}) });
  return { dir: args[0] };
}
