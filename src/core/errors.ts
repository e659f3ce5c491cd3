import type { Text } from './i18n/messages.js';
import { literal } from './i18n/messages.js';

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  invalidInput: 3,
  wouldOverwrite: 4,
  cancelled: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a problem is: a file position, or a sheet and cell. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  sheet?: string;
  cell?: string;
  /** Field path in a YAML document, e.g. `attendees[2].role`. */
  path?: string;
}

/** One problem found in an input: where, what. Used for schema errors, warnings and advice. */
export interface Problem extends Location {
  code: string;
  message: Text;
  hint?: Text;
}

export interface ErrorOptions {
  hint?: Text;
  location?: Location;
  problems?: Problem[];
  cause?: unknown;
}

/** The one base error: carries a code, an exit code, a message and hint that render in the user's language. */
export class SalesmeetError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly text: Text;
  readonly hint?: Text;
  readonly location: Location;
  readonly problems: Problem[];

  constructor(code: string, exitCode: ExitCode, text: Text | string, options: ErrorOptions = {}) {
    const t = typeof text === 'string' ? literal(text) : text;
    super(t('en'), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SalesmeetError';
    this.code = code;
    this.exitCode = exitCode;
    this.text = t;
    this.hint = options.hint;
    this.location = options.location ?? {};
    this.problems = options.problems ?? [];
  }
}

/** Wrong command line: unknown option, missing value, conflicting flags. Exit 2. */
export class UsageError extends SalesmeetError {
  constructor(code: string, text: Text | string, options?: ErrorOptions) {
    super(code, EXIT.usage, text, options);
    this.name = 'UsageError';
  }
}

/** A file that cannot be read or fails its schema, a failed check. Exit 3. */
export class InputError extends SalesmeetError {
  constructor(code: string, text: Text | string, options?: ErrorOptions) {
    super(code, EXIT.invalidInput, text, options);
    this.name = 'InputError';
  }
}

/** Refused to overwrite a user's file. Exit 4. */
export class OverwriteError extends SalesmeetError {
  constructor(code: string, text: Text | string, options?: ErrorOptions) {
    super(code, EXIT.wouldOverwrite, text, options);
    this.name = 'OverwriteError';
  }
}

/** The user cancelled (Ctrl-C at a prompt). Exit 130. */
export class CancelledError extends SalesmeetError {
  constructor(text: Text | string = 'cancelled', options?: ErrorOptions) {
    super('cancelled', EXIT.cancelled, text, options);
    this.name = 'CancelledError';
  }
}

/** Formats a location as `file:line:column` or `file [sheet]!cell`. */
export function formatLocation(loc: Location): string {
  let s = loc.file ?? '';
  // A CSV file is one sheet named after the file: `orders.csv:C12`, not `orders.csv [orders.csv]!C12`.
  if (loc.sheet !== undefined && s !== '' && s.split(/[/\\]/).pop() === loc.sheet)
    s += loc.cell ? `:${loc.cell}` : '';
  else if (loc.sheet !== undefined) s += `${s ? ' ' : ''}[${loc.sheet}]${loc.cell ? `!${loc.cell}` : ''}`;
  else if (loc.line !== undefined) s += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  return s;
}
