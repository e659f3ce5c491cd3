import * as z from 'zod';
import { parseFlag } from '../../flags.js';
import { dirArg, parseInput } from '../../options.js';
import type { RawInput } from '../types.js';

export interface MinutesCliOptions {
  dir: string | undefined;
  /** `--new`: prepare minutes.yaml instead of rendering. */
  new: boolean;
  /** `--no-docx` skips the Word file. */
  docx: boolean;
}

export interface MinutesSignCliOptions {
  dir: string | undefined;
  /** Who signs (`--as`, required by commander). */
  name: string;
  /** An Ed25519 private key to sign with. */
  keyFile: string | undefined;
  /** A trust file pinning team keys (`--trust`; the run falls back to $SALESMEET_TRUST). */
  trust: string | undefined;
}

export interface MinutesDirCliOptions {
  dir: string | undefined;
  trust: string | undefined;
}

export function parseMinutesOptions(input: RawInput): MinutesCliOptions {
  const { args, opts } = parseInput(input, {
    args: dirArg,
    opts: z.object({ new: z.boolean().optional(), docx: z.boolean().optional() }),
  });
  return { dir: args[0], new: Boolean(opts.new), docx: opts.docx !== false };
}

export function parseMinutesSignOptions(input: RawInput): MinutesSignCliOptions {
  const { args, opts } = parseInput(input, {
    args: dirArg,
    opts: z.object({ as: z.string(), key: z.string().optional(), trust: z.string().optional() }),
  });
  return {
    dir: args[0],
    name: parseFlag(z.string().trim().min(1), opts.as, '--as'),
    keyFile: opts.key,
    trust: opts.trust,
  };
}

/** `minutes verify [dir]` and `minutes status [dir]`. */
export function parseMinutesDirOptions(input: RawInput): MinutesDirCliOptions {
  const { args, opts } = parseInput(input, {
    args: dirArg,
    opts: z.object({ trust: z.string().optional() }),
  });
  return { dir: args[0], trust: opts.trust };
}
