/**
 * The XML the fast reader needs, with the exact text semantics of the parser exceljs uses (saxes): line
 * ends normalised to `\n`, the five predefined entities and numeric character references decoded, CDATA
 * sections and comments not reported as text. Small parts (workbook, styles, shared strings) are read
 * from a string with `tokenize`; the worksheet has its own byte scanner (`sheet.ts`).
 */

/** A construct the fast reader refuses to interpret (it reports it instead of guessing). */
export class FastXmlError extends Error {}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the entities of an XML text or attribute value; throws FastXmlError for an undefined one. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new FastXmlError(`unterminated entity ${whole.slice(0, 12)}`);
    const named = NAMED[body];
    if (named !== undefined) return named;
    let code = Number.NaN;
    if (/^#x[0-9a-fA-F]+$/.test(body)) code = Number.parseInt(body.slice(2), 16);
    else if (/^#[0-9]+$/.test(body)) code = Number.parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code > 0x10ffff || code === 0)
      throw new FastXmlError(`undefined entity &${body};`);
    return String.fromCodePoint(code);
  });
}

/** Text content as saxes reports it: CR LF and lone CR become LF (XML 1.0 §2.11), then entities. */
export function decodeText(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(s);
}

/** Attribute values: whitespace characters become spaces (XML 1.0 §3.3.3), then entities. */
export function decodeAttr(raw: string): string {
  return decodeEntities(raw.replace(/\r\n|[\r\n\t]/g, ' '));
}

/** exceljs's `utils.xmlDecode`, which it applies a second time to inline and formula strings. */
export function excelXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const mm of src.matchAll(ATTR)) out[mm[1]!] = decodeAttr(mm[2] ?? mm[3] ?? '');
  return out;
}

/** Walks a whole XML document held in a string; names are reported literally (prefixes included). */
export function tokenize(xml: string, h: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  const need = (at: number, what: string) => {
    if (at < 0) throw new FastXmlError(`unterminated ${what}`);
    return at;
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      h.text(decodeText(xml.slice(i)));
      break;
    }
    if (lt > i) h.text(decodeText(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      i = need(xml.indexOf('-->', lt + 4), 'comment') + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      i = need(xml.indexOf(']]>', lt + 9), 'CDATA section') + 3;
    } else if (xml.startsWith('<?', lt)) {
      i = need(xml.indexOf('?>', lt + 2), 'processing instruction') + 2;
    } else if (xml.startsWith('<!', lt)) {
      i = need(xml.indexOf('>', lt + 2), 'declaration') + 1;
    } else if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      const gt = need(xml.indexOf('>', lt + 2), 'tag');
      h.close(xml.slice(lt + 2, gt).trim());
      i = gt + 1;
    } else {
      // Find the end of the tag, skipping quoted attribute values (they may hold '>').
      let j = lt + 1;
      let quote = 0;
      for (; j < n; j++) {
        const ch = xml.charCodeAt(j);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) break;
      }
      if (j >= n) throw new FastXmlError('unterminated tag');
      let body = xml.slice(lt + 1, j);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const sp = body.search(/[\s]/);
      const name = sp < 0 ? body : body.slice(0, sp);
      if (name === '') throw new FastXmlError('empty tag name');
      h.open(name, sp < 0 ? {} : parseAttrs(body.slice(sp)), selfClosing);
      if (selfClosing) h.close(name);
      i = j + 1;
    }
  }
}
