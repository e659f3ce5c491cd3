/**
 * The bookmarks (document outline) of a PDF, read from the file itself: Chromium writes plain objects (no object
 * streams), so the outline items are found by their numbers and followed through /First and /Next, in order.
 * Written for the PDFs Chromium prints; it is a test helper, not a PDF parser.
 */
export interface OutlineItem {
  title: string;
  children: OutlineItem[];
}

function decodeTitle(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes.readUInt16BE(i));
      return s;
    }
    return bytes.toString('latin1');
  }
  return raw
    .slice(1, -1)
    .replace(/\\([()\\])/g, '$1')
    .replace(/\\n/g, '\n');
}

export function pdfOutline(pdf: Buffer): OutlineItem[] | null {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  };
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o));
  const root = catalog ? ref(catalog, 'Outlines') : null;
  if (root === null) return null;
  const items = (first: number | null): OutlineItem[] => {
    const out: OutlineItem[] = [];
    const seen = new Set<number>();
    for (let n = first; n !== null && !seen.has(n); ) {
      seen.add(n);
      const dict = objects.get(n) ?? '';
      const title = /\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(dict)?.[1] ?? '()';
      out.push({ title: decodeTitle(title), children: items(ref(dict, 'First')) });
      n = ref(dict, 'Next');
    }
    return out;
  };
  return items(ref(objects.get(root) ?? '', 'First'));
}
