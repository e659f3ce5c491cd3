import * as z from 'zod';
import { dirArg, parseInput } from '../../options.js';
import type { RawInput } from '../types.js';

export interface NoticeCliOptions {
  dir: string | undefined;
  /** Also print out/notice.pdf and out/sign-in.pdf with Chromium. */
  pdf: boolean;
}

export function parseNoticeOptions(input: RawInput): NoticeCliOptions {
  const { args, opts } = parseInput(input, {
    args: dirArg,
    opts: z.object({ pdf: z.boolean().optional() }),
  });
  return { dir: args[0], pdf: Boolean(opts.pdf) };
}
