import type { RawInput } from './commands/types.js';

/**
 * parseInput (options.ts) without zod, for `kpi`: zod's chunk costs about 15 ms of CPU to load, and kpi has
 * nothing else for it to check (its meeting file, when given, is read and checked by the meeting folder's loader,
 * which loads zod then). The same contract: commander has already checked arity and values, so a failure here is
 * a bug in a definition, not a user's mistake; the shape is declared once, the types are inferred from it, and only
 * the declared options are kept.
 */
export type PlainKind = 'string' | 'boolean' | 'list';

type Out<K extends PlainKind> = K extends 'string' ? string : K extends 'boolean' ? boolean : string[];

export type PlainShape = Record<string, PlainKind>;

export type PlainOutput<S extends PlainShape> = { [K in keyof S]?: Out<S[K]> };

function fits(kind: PlainKind, value: unknown): boolean {
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'boolean') return typeof value === 'boolean';
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function check(kind: PlainKind, value: unknown, path: string): void {
  if (value !== undefined && !fits(kind, value))
    throw new TypeError(`${path}: expected ${kind === 'list' ? 'a list of strings' : `a ${kind}`}`);
}

/** `args`: the kind of each positional argument (a variadic one is a list); `opts`: each option's kind. */
export function parsePlainInput<const A extends readonly PlainKind[], S extends PlainShape>(
  input: RawInput,
  shape: { args: A; opts: S },
): { args: { [I in keyof A]: Out<A[I]> | undefined }; opts: PlainOutput<S> } {
  const args = shape.args.map((kind, i) => {
    check(kind, input.args[i], `args.${i}`);
    return input.args[i];
  });
  const opts: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(shape.opts)) {
    const value = input.opts[key];
    check(kind, value, `opts.${key}`);
    if (value !== undefined) opts[key] = value;
  }
  return { args, opts } as { args: { [I in keyof A]: Out<A[I]> | undefined }; opts: PlainOutput<S> };
}
