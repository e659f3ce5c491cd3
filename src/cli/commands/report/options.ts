import * as z from 'zod';
import { REPORT_STYLES, type ReportStyle } from '../../../core/report/view.js';
import { parseFlag } from '../../flags.js';
import { dirArg, parseInput } from '../../options.js';
import type { RawInput } from '../types.js';

export interface ReportCliOptions {
  dir: string | undefined;
  style: ReportStyle;
  period: string | undefined;
  /** --targets: the next period's targets (a salesmeet targets YAML or JSON). */
  targets: string | undefined;
  /** --new: scaffold report.yaml. */
  scaffold: boolean;
  pdf: boolean;
}

export function parseReportOptions(input: RawInput): ReportCliOptions {
  const { args, opts } = parseInput(input, {
    args: dirArg,
    opts: z.object({
      style: z.string().optional(),
      period: z.string().optional(),
      targets: z.string().optional(),
      new: z.boolean().optional(),
      pdf: z.boolean().optional(),
    }),
  });
  return {
    dir: args[0],
    style: parseFlag(z.enum(REPORT_STYLES), opts.style ?? 'data', '--style'),
    period: opts.period,
    targets: opts.targets,
    scaffold: Boolean(opts.new),
    pdf: Boolean(opts.pdf),
  };
}
