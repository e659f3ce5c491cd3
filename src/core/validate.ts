import type { z } from 'zod';
import type { Problem } from './errors.js';
import { messagesOf, type Text } from './i18n/messages.js';
import { charName, didYouMean, firstUnsafe, formatPath, preview } from './text.js';

const m = messagesOf((c) => c.validate);

/**
 * Formats described by a custom check carry their own localized description: a refinement sets
 * `params: { format: <Text> }` and the message reads "expected <format>, found <value>".
 */
export interface FormatParams {
  format: Text;
  hint?: Text;
}

type Position = { line: number; column: number };
export type PositionOf = (path: readonly (string | number)[], which?: 'key' | 'value') => Position;

function getAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return cur;
}

/**
 * The issues of a union (`measure: text | { metric, target }`) as those of its branch whose type the value has:
 * `target: '300'` in a measure mapping is "expected a number, found text", not "found a mapping". Other union
 * issues stay as they are.
 */
function withinUnions(issues: readonly z.core.$ZodIssue[], data: unknown): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors)) {
      out.push(issue);
      continue;
    }
    // The branches that accept the value's type: none of their issues is a type mismatch at the union itself.
    const fits = issue.errors.filter(
      (branch) => branch.length > 0 && !branch.some((i) => i.path.length === 0 && i.code === 'invalid_type'),
    );
    if (fits.length !== 1) {
      out.push(issue);
      continue;
    }
    const inner = fits[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue);
    out.push(...withinUnions(inner, data));
  }
  return out;
}

function typeWord(t: string): Text {
  switch (t) {
    case 'string':
      return m.string();
    case 'number':
    case 'int':
      return m.number();
    case 'boolean':
      return m.boolean();
    case 'array':
      return m.array();
    case 'object':
      return m.object();
    default:
      return () => t;
  }
}

/** Known keys of the object schema at a path, for did-you-mean. */
function shapeKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definition
  let cur: any = schema;
  const unwrap = () => {
    for (let i = 0; i < 10 && cur; i++) {
      const def = cur._zod?.def;
      if (!def) return;
      if (
        def.type === 'optional' ||
        def.type === 'nullable' ||
        def.type === 'default' ||
        def.type === 'prefault'
      )
        cur = def.innerType;
      else if (def.type === 'pipe') cur = def.in;
      else return;
    }
  };
  for (const seg of path) {
    unwrap();
    const def = cur?._zod?.def;
    if (!def) return [];
    if (def.type === 'object') cur = def.shape[seg as string];
    else if (def.type === 'array') cur = def.element;
    else return [];
  }
  unwrap();
  const def = cur?._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape) : [];
}

/**
 * Validates parsed data against a zod schema and returns one Problem per issue, each with the file position
 * of the offending value, the field path, what was expected and what was found.
 */
/**
 * Fields that hold one line: names, titles, places, ids, keys. A line break there would break the tables, invites
 * and file names they end up in. Dates, times, links and choices are one line through their own format check.
 * Everything else (points, decisions, notes, outcomes, action texts) may hold tabs and line breaks.
 */
const SINGLE_LINE = new Set([
  'name',
  'title',
  'meeting',
  'role',
  'department',
  'email',
  'host',
  'recorder',
  'owner',
  'by',
  'location',
  'tool',
  'id',
  'passcode',
  'metric',
  'unit',
  'label',
  'sheet',
  'path',
  'file',
  'from',
  'category',
  'encoding',
  'key',
  'signature',
  'format',
]);

/**
 * Control characters and bidirectional controls anywhere in the data (values and keys), and line breaks in
 * one-line fields: each a problem at the value's position. YAML escapes (`"\e"`, `"\0"`, `"\u202E"`) would
 * otherwise pass every schema and reach the terminal, the invite and the documents as they are.
 */
function unsafeText(data: unknown, file: string, positionOf: PositionOf): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const field = [...path].reverse().find((p): p is string => typeof p === 'string');
      const bad = firstUnsafe(value);
      if (bad) {
        const name = charName(bad.char);
        problems.push({
          code: bad.bidi ? 'text.bidi' : 'text.control',
          message: bad.bidi
            ? m.bidiChar({ char: name, position: bad.position })
            : m.controlChar({ char: name, position: bad.position }),
          hint: m.unsafeHint(),
          file,
          path: formatPath(path) || '(root)',
          ...positionOf(path, 'value'),
        });
      } else if (field !== undefined && SINGLE_LINE.has(field) && /[\r\n]/.test(value)) {
        problems.push({
          code: 'text.lineBreak',
          message: m.lineBreakInLine({ position: [...value.slice(0, value.search(/[\r\n]/))].length + 1 }),
          hint: m.lineBreakInLineHint(),
          file,
          path: formatPath(path),
          ...positionOf(path, 'value'),
        });
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, [...path, i]);
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const bad = firstUnsafe(k);
        if (bad)
          problems.push({
            code: 'text.control',
            message: m.controlCharKey({ char: charName(bad.char), position: bad.position }),
            hint: m.unsafeHint(),
            file,
            path: formatPath([...path, k]),
            ...positionOf([...path, k], 'key'),
          });
        visit(v, [...path, k]);
      }
    }
  };
  visit(data, []);
  return problems;
}

export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  positionOf: PositionOf,
): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const unsafe = unsafeText(data, file, positionOf);
  // jitless: zod would otherwise generate and compile a parser per object schema on first use, which costs more
  // than it saves when a file is checked once per run. Same result.
  const result = schema.safeParse(data, { reportInput: true, jitless: true });
  if (result.success && unsafe.length === 0) return { ok: true, value: result.data };
  const problems: Problem[] = [...unsafe];
  if (result.success) return { ok: false, problems };
  for (const issue of withinUnions(result.error.issues, data)) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const found = getAt(data, path);
    const exists = found !== undefined;
    let message: Text;
    let hint: Text | undefined;
    let posPath = path;
    let which: 'key' | 'value' = 'value';
    let fieldPath = formatPath(path);
    switch (issue.code) {
      case 'invalid_type': {
        const expected = typeWord(issue.expected);
        if (!exists) message = (lang) => m.required({ expected: expected(lang) })(lang);
        else {
          message = (lang) => m.typeMismatch({ expected: expected(lang), found: preview(found) })(lang);
          if (issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) {
            hint = m.quoteHint({ example: String(found) });
          }
          // `target: '300'` is text, not a number: say so, and how to write the number.
          if ((issue.expected === 'number' || issue.expected === 'int') && typeof found === 'string') {
            message = m.numberAsText({ found: preview(found) });
            const n = found.trim();
            if (n !== '' && Number.isFinite(Number(n))) hint = m.unquoteHint({ example: n });
          }
        }
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map((v) => String(v));
        message = m.oneOf({ options: options.join(', '), found: preview(found) });
        const s = typeof found === 'string' ? didYouMean(found, options) : undefined;
        if (s) hint = m.didYouMean({ suggestion: s });
        break;
      }
      case 'unrecognized_keys': {
        // One problem per unknown key, pointing at the key itself.
        const known = shapeKeysAt(schema, path);
        for (const key of issue.keys) {
          const s = didYouMean(key, known);
          problems.push({
            code: 'schema.unknownKey',
            message: m.unknownKey({ key }),
            hint: s ? m.didYouMean({ suggestion: s }) : m.knownFields({ fields: known.join(', ') }),
            file,
            path: formatPath([...path, key]),
            ...positionOf([...path, key], 'key'),
          });
        }
        continue;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') message = m.tooSmallString({ min, found: preview(found) });
        else if (issue.origin === 'array' || issue.origin === 'set')
          message = m.tooSmallArray({ min, count: Array.isArray(found) ? found.length : 0 });
        else message = m.tooSmallNumber({ min, found: preview(found) });
        break;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string')
          message = m.tooBigString({ max, count: typeof found === 'string' ? found.length : 0 });
        else if (issue.origin === 'array' || issue.origin === 'set')
          message = m.tooBigArray({ max, count: Array.isArray(found) ? found.length : 0 });
        else message = m.tooBigNumber({ max, found: preview(found) });
        break;
      }
      case 'custom': {
        const params = issue.params as Partial<FormatParams> | undefined;
        if (params?.format) {
          const format = params.format;
          message = (lang) => m.format({ format: format(lang), found: preview(found) })(lang);
          hint = params.hint;
          // A link (or date, time…) with a CR or LF inside is wrong for that reason, whatever it starts with.
          if (typeof found === 'string' && /[\r\n]/.test(found)) {
            message = (lang) => m.lineBreak({ format: format(lang), found: preview(found) })(lang);
            hint = m.lineBreakHint();
          }
        } else message = () => issue.message;
        break;
      }
      case 'invalid_format': {
        message = m.format({ format: issue.format, found: preview(found) });
        break;
      }
      case 'invalid_union': {
        message = m.union({ expected: '…', found: preview(found) });
        break;
      }
      default:
        message = () => issue.message;
    }
    if (!exists && path.length > 0) {
      // A missing field: point at the mapping that should hold it.
      posPath = path.slice(0, -1);
      which = 'value';
    }
    if (fieldPath === '') fieldPath = '(root)';
    problems.push({
      code: `schema.${issue.code}`,
      message: message!,
      hint,
      file,
      path: fieldPath,
      ...positionOf(posPath, which),
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, problems };
}
