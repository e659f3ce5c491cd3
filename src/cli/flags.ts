import type { z } from 'zod';
import { UsageError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { validate } from '../core/validate.js';
import { catalogue, type Messages } from '../i18n/index.js';

const m = messagesOf((c) => c.cli.flags);

/** Validates one flag value with the same zod schema a prompt answer and the YAML file use. */
export function parseFlag<S extends z.ZodType>(schema: S, value: unknown, flag: string): z.output<S> {
  const result = validate(schema, value, flag, () => ({ line: 0, column: 0 }));
  if (result.ok) return result.value;
  const p = result.problems[0]!;
  throw new UsageError('usage.badValue', (lang) => m.bad({ flag, detail: p.message(lang) })(lang), {
    hint: p.hint,
  });
}

/** The same check for a prompt: true, or the message to show under the prompt. */
export function promptValidator<S extends z.ZodType>(schema: S, lang: Lang) {
  return (value: string): true | string => {
    const result = validate(schema, value, '', () => ({ line: 0, column: 0 }));
    return result.ok ? true : result.problems[0]!.message(lang);
  };
}

export function missingFlag(flag: string, what: (c: Messages) => string): UsageError {
  return new UsageError('usage.missing', (lang) => m.missing({ flag, what: what(catalogue(lang)) })(lang));
}

export function conflictingFlags(a: string, b: string): UsageError {
  return new UsageError('usage.conflict', m.conflict({ a, b }));
}
