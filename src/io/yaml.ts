import { readFile, stat } from 'node:fs/promises';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { InputError } from '../core/errors.js';
import { messagesOf } from '../core/i18n/messages.js';

const m = messagesOf((c) => c.io.yaml);

export const YAML_LIMITS = { maxBytes: 5 * 1024 * 1024, maxDepth: 64, maxAliases: 100 } as const;

export type PathSegment = string | number;

/** A parsed YAML document that still knows where every value came from. */
export interface LoadedYaml {
  /** The path as the user should read it in messages. */
  file: string;
  text: string;
  data: unknown;
  document: Document.Parsed;
  /** Line and column (1-based) of the value at `path`, or of the nearest existing ancestor. */
  positionOf(path: readonly PathSegment[], which?: 'key' | 'value'): { line: number; column: number };
}

/**
 * Measures the deepest nesting of a YAML text without parsing it: flow brackets outside quotes, and
 * block indentation levels. Cheap and conservative, so hostile input is rejected before the parser sees it.
 */
export function nestingDepth(text: string): number {
  let max = 0;
  let flow = 0;
  let quote: string | null = null;
  const indents: number[] = [];
  let atLineStart = true;
  let indent = 0;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      atLineStart = true;
      indent = 0;
      comment = false;
      if (quote === "'") quote = "'";
      continue;
    }
    if (comment) continue;
    if (atLineStart) {
      if (c === ' ' || c === '-' || c === '\t') {
        indent++;
        continue;
      }
      atLineStart = false;
      if (c !== '#' && flow === 0 && quote === null) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > max) max = indents.length;
      }
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      comment = true;
      continue;
    }
    if (c === '"' || c === "'") {
      const prev = text[i - 1];
      if (prev === undefined || /[\s[{,:-]/.test(prev)) quote = c;
      continue;
    }
    if (c === '[' || c === '{') {
      flow++;
      if (flow + indents.length > max) max = flow + indents.length;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return max;
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'null';
  if (Array.isArray(node)) return 'a list';
  return typeof node === 'object' ? 'a mapping' : `${typeof node} ${JSON.stringify(node)}`;
}

/** Reads a text file with the checks every user file gets: exists, is a file, size, UTF-8, not binary. */
export async function readTextFile(path: string, display: string, maxBytes: number = YAML_LIMITS.maxBytes) {
  const location = { file: display };
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch {
    throw new InputError('file.notFound', m.notFound(), { location, hint: m.notFoundHint() });
  }
  if (st.isDirectory()) throw new InputError('file.isDirectory', m.isDir(), { location });
  if (st.size > maxBytes)
    throw new InputError('file.tooLarge', m.tooLarge({ size: st.size, max: maxBytes }), { location });
  const buf = await readFile(path);
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError('file.binary', m.binary({ offset: nul }), { location });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError('file.encoding', m.badUtf8(), { location, hint: m.badUtf8Hint() });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Parses YAML text safely (YAML 1.2 core schema) and keeps positions for error messages. */
export function parseYaml(text: string, file: string): LoadedYaml {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const fail = (
    code: string,
    msg: ReturnType<typeof m.syntax>,
    offset: number,
    hint?: ReturnType<typeof m.tabHint>,
  ) => {
    // lineCounter is filled while parsing; before that compute the position by hand.
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return new InputError(code, msg, { location: { file, line, column }, hint });
  };

  if (text.trim() === '')
    throw new InputError('yaml.empty', m.empty(), { location: { file, line: 1, column: 1 } });

  const directive = /^%YAML[ \t]+(\S+)/m.exec(text);
  if (directive && directive[1] !== '1.2') {
    throw fail('yaml.version', m.yaml11({ version: directive[1] }), directive.index, m.yaml11Hint());
  }
  const depth = nestingDepth(text);
  if (depth > YAML_LIMITS.maxDepth) {
    throw new InputError('yaml.tooDeep', m.tooDeep({ depth, max: YAML_LIMITS.maxDepth }), {
      location: { file },
      hint: m.tooDeepHint(),
    });
  }

  const document = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    merge: false,
    strict: true,
    stringKeys: false,
    keepSourceTokens: false,
  });

  const first = document.errors[0];
  if (first) {
    const offset = first.pos[0];
    if (first.code === 'TAB_AS_INDENT' || /tab/i.test(first.message)) {
      throw fail('yaml.tab', m.tab(), offset, m.tabHint());
    }
    if (first.code === 'MULTIPLE_DOCS') throw fail('yaml.multipleDocuments', m.multiDoc(), offset);
    const detail = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw fail(`yaml.${first.code ?? 'syntax'}`, m.syntax({ detail }), offset);
  }
  const tagWarning = document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tagWarning) {
    const tag = /tag:? (\S+)/.exec(tagWarning.message)?.[1] ?? '';
    throw fail('yaml.tag', m.unknownTag({ tag }), tagWarning.pos[0]);
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: YAML_LIMITS.maxAliases });
  } catch (error) {
    if (error instanceof ReferenceError || /alias/i.test(String(error))) {
      throw new InputError('yaml.aliases', m.aliasBomb({ max: YAML_LIMITS.maxAliases }), {
        location: { file },
      });
    }
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError('yaml.notMapping', m.notMapping({ found: describe(data) }), {
      location: { file, line: 1, column: 1 },
    });
  }

  const positionOf = (path: readonly PathSegment[], which: 'key' | 'value' = 'value') => {
    let node: unknown = document.contents;
    let offset = (document.contents as Node | null)?.range?.[0] ?? 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) break;
        const keyRange = (pair.key as Node).range;
        const valueRange = (pair.value as Node | null)?.range;
        offset = (which === 'key' || !valueRange ? keyRange?.[0] : valueRange[0]) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return at(offset);
  };

  return { file, text, data, document, positionOf };
}

/** Reads and parses a YAML file; `display` is the path shown to the user. */
export async function loadYamlFile(path: string, display: string): Promise<LoadedYaml> {
  const text = await readTextFile(path, display);
  return parseYaml(text, display);
}
