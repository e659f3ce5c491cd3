import * as z from 'zod';
import { dirArg, parseInput } from '../../options.js';
import type { RawInput } from '../types.js';

export interface PackCliOptions {
  dir: string | undefined;
  /** Also print out/pack.pdf with Chromium. */
  pdf: boolean;
  /** A `salesmeet kpi --json` output to show instead of computing the meeting's KPI. */
  kpiFile: string | undefined;
}

export function parsePackOptions(input: RawInput): PackCliOptions {
  const { args, opts } = parseInput(input, {
    args: dirArg,
    opts: z.object({ pdf: z.boolean().optional(), kpi: z.string().optional() }),
  });
  return { dir: args[0], pdf: Boolean(opts.pdf), kpiFile: opts.kpi };
}
