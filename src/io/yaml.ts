import { readFile, stat } from 'node:fs/promises';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { InputError } from '../core/errors.js';
import { defineMessages } from '../core/i18n/messages.js';

const m = defineMessages({
  en: {
    notFound: 'file not found',
    notFoundHint: 'check the path, or run `salesmeet init` to create a meeting folder',
    isDir: 'expected a file, found a directory',
    tooLarge: 'the file is {size} bytes; a YAML file of salesmeet is at most {max} bytes',
    binary: 'expected a UTF-8 text file, found binary data (a NUL byte at byte {offset})',
    badUtf8: 'expected UTF-8 text, found bytes that are not valid UTF-8',
    badUtf8Hint: 'save the file as UTF-8 (most editors: "Save with encoding" → UTF-8)',
    empty: 'the file is empty; expected a YAML mapping',
    yaml11: 'the file declares %YAML {version}; salesmeet reads YAML 1.2 only',
    yaml11Hint: 'remove the %YAML line: under YAML 1.1 a time like 09:30 would be read as the number 570',
    tooDeep: 'nesting is {depth} levels deep; at most {max} are allowed',
    tooDeepHint: 'a meeting file needs only a few levels; this looks like a generated or hostile file',
    syntax: 'YAML syntax error: {detail}',
    aliasBomb: 'too many alias references (*name); at most {max} are allowed',
    tab: 'a tab character is used for indentation; YAML allows only spaces',
    tabHint: 'replace the tabs at the start of the line with spaces',
    multiDoc: 'the file holds several YAML documents (---); expected one',
    unknownTag: 'unsupported tag {tag}; salesmeet reads plain YAML values only',
    notMapping: 'expected a mapping of fields (key: value) at the top level, found {found}',
  },
  'zh-CN': {
    notFound: '找不到文件',
    notFoundHint: '请检查路径，或先运行 `salesmeet init` 创建会议文件夹',
    isDir: '应为文件，实际是目录',
    tooLarge: '文件大小为 {size} 字节；salesmeet 的 YAML 文件最多 {max} 字节',
    binary: '应为 UTF-8 文本文件，实际是二进制数据（第 {offset} 字节为 NUL）',
    badUtf8: '应为 UTF-8 文本，文件中含有无效的 UTF-8 字节',
    badUtf8Hint: '请将文件另存为 UTF-8 编码',
    empty: '文件为空；应为 YAML 映射（键: 值）',
    yaml11: '文件声明了 %YAML {version}；salesmeet 只读取 YAML 1.2',
    yaml11Hint: '请删除 %YAML 这一行：按 YAML 1.1，09:30 这样的时间会被读成数字 570',
    tooDeep: '嵌套深度为 {depth} 层；最多允许 {max} 层',
    tooDeepHint: '会议文件只需要几层嵌套；此文件看起来是生成的或恶意的',
    syntax: 'YAML 语法错误：{detail}',
    aliasBomb: '别名引用（*名称）过多；最多允许 {max} 个',
    tab: '缩进中使用了制表符；YAML 只允许空格缩进',
    tabHint: '请把行首的制表符换成空格',
    multiDoc: '文件包含多个 YAML 文档（---）；应只有一个',
    unknownTag: '不支持的标签 {tag}；salesmeet 只读取普通 YAML 值',
    notMapping: '顶层应为字段映射（键: 值），实际是 {found}',
  },
  'zh-TW': {
    notFound: '找不到檔案',
    notFoundHint: '請檢查路徑，或先執行 `salesmeet init` 建立會議資料夾',
    isDir: '應為檔案，實際是資料夾',
    tooLarge: '檔案大小為 {size} 位元組；salesmeet 的 YAML 檔案最多 {max} 位元組',
    binary: '應為 UTF-8 文字檔，實際是二進位資料（第 {offset} 位元組為 NUL）',
    badUtf8: '應為 UTF-8 文字，檔案中含有無效的 UTF-8 位元組',
    badUtf8Hint: '請將檔案另存為 UTF-8 編碼',
    empty: '檔案是空的；應為 YAML 對應（鍵: 值）',
    yaml11: '檔案宣告了 %YAML {version}；salesmeet 只讀取 YAML 1.2',
    yaml11Hint: '請刪除 %YAML 這一行：依 YAML 1.1，09:30 這樣的時間會被讀成數字 570',
    tooDeep: '巢狀深度為 {depth} 層；最多允許 {max} 層',
    tooDeepHint: '會議檔案只需要幾層巢狀；此檔案看起來是產生的或惡意的',
    syntax: 'YAML 語法錯誤：{detail}',
    aliasBomb: '別名參照（*名稱）過多；最多允許 {max} 個',
    tab: '縮排中使用了定位字元；YAML 只允許空白縮排',
    tabHint: '請把行首的定位字元換成空白',
    multiDoc: '檔案包含多個 YAML 文件（---）；應只有一個',
    unknownTag: '不支援的標籤 {tag}；salesmeet 只讀取一般 YAML 值',
    notMapping: '最上層應為欄位對應（鍵: 值），實際是 {found}',
  },
});

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
