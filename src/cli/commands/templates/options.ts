import * as z from 'zod';
import { parseInput } from '../../options.js';
import type { RawInput } from '../types.js';

const templateFlags = z.object({ meeting: z.string().optional(), to: z.string().optional() });

export interface TemplatesListCliOptions {
  /** The meeting folder (`-m`), whose `templates:` folder is searched too. */
  meeting: string | undefined;
  /** Another template folder to look in (`--to`). */
  to: string | undefined;
}

export interface TemplatesEjectCliOptions extends TemplatesListCliOptions {
  /** The template to copy: agenda, pack, agenda.html, partials/pack-style… */
  name: string;
}

export function parseTemplatesListOptions(input: RawInput): TemplatesListCliOptions {
  const { opts } = parseInput(input, { args: z.tuple([]), opts: templateFlags });
  return { meeting: opts.meeting, to: opts.to };
}

export function parseTemplatesEjectOptions(input: RawInput): TemplatesEjectCliOptions {
  const { args, opts } = parseInput(input, { args: z.tuple([z.string()]), opts: templateFlags });
  return { name: args[0], meeting: opts.meeting, to: opts.to };
}
