import { createRequire } from 'node:module';
import type { Lang } from '../core/i18n/lang.js';
import { interpolate } from '../core/i18n/messages.js';
import type { MinutesView } from '../core/minutes/view.js';
import { loadScript } from './code-cache.js';
import { zipParts } from './zip-write.js';

/** East Asian fonts Word has on the machines our users run: Simplified, Traditional, and Simplified for en. */
const EAST_ASIA_FONT: Record<Lang, string> = {
  'zh-CN': 'Microsoft YaHei',
  'zh-TW': 'PMingLiU',
  en: 'Microsoft YaHei',
};
const LATIN_FONT = 'Calibri';

/**
 * Removes what XML 1.0 cannot hold (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates): a stray
 * control character pasted into minutes.yaml must not make Word refuse the file.
 */
export function xmlSafe(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\r\n?/g, '\n');
}

/**
 * docx, loaded when a Word document is written: its CommonJS build, run as a script with a code cache
 * (code-cache.ts) so that `minutes` does not compile its megabyte at every start.
 *
 * docx bundles `util-deprecate`, which reads `globalThis.localStorage` when it loads. Since Node 25 that global is a
 * getter that prints "ExperimentalWarning: localStorage is not available…" on stderr unless Node was started with
 * `--localstorage-file`. salesmeet uses no web storage, so the getter is replaced by a plain `undefined` before docx
 * is loaded (what Node 20–24 have), and the user sees no warning.
 */
export function loadDocx(): typeof import('docx') {
  withoutWebStorage();
  return loadScript<typeof import('docx')>(createRequire(import.meta.url).resolve('docx'));
}

function withoutWebStorage(): void {
  const d = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  if (d?.get && d.configurable)
    Object.defineProperty(globalThis, 'localStorage', {
      value: undefined,
      configurable: true,
      writable: true,
    });
}

/** The width between the page margins, in twips: A4 (11,906) less docx's default 1-inch margins (2 × 1,440). */
const TEXT_WIDTH = 11_906 - 2 * 1_440;

/** Table text: 9 pt (18 half-points), the size of a dense Word table. */
const TABLE_HALF_POINTS = 18;
/** Left + right cell margins Word and LibreOffice leave by default (0.19 cm each), in twips. */
export const CELL_MARGINS = 2 * 108;

/**
 * The width (twips, at 9 pt) of the longest run of text that cannot wrap: a word or token of Latin letters, digits
 * and punctuation (`2026-h1-review#1`, `2026-07-17`, `Attendee`), or one CJK character (Chinese wraps anywhere).
 * A Latin character is taken as 0.75 em (bold headers in a wide substitute font included), a CJK character as 1 em — generous for the fonts LibreOffice and WPS
 * substitute, so a column given this width never breaks a token.
 */
export function longestTokenTwips(text: string): number {
  let longest = 0;
  for (const word of text.split(/\s+/)) {
    let run = 0;
    for (const ch of word) {
      if (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch)) {
        longest = Math.max(longest, run, 1);
        run = 0;
      } else run += 0.75;
    }
    longest = Math.max(longest, run);
  }
  return Math.ceil(longest * TABLE_HALF_POINTS * 10);
}

/** The width (twips, at 9 pt) of the text on one line, measured as `longestTokenTwips` measures a token. */
export function lineTwips(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.75;
  return Math.ceil(em * TABLE_HALF_POINTS * 10);
}

/**
 * Column widths that add up to `total`: every column at least as wide as its longest unbreakable token (plus the
 * cell margins), the rest shared by `weights`. When the tokens alone do not fit, the weights decide.
 */
export function columnWidths(
  head: string[],
  rows: string[][],
  weights: number[],
  total = TEXT_WIDTH,
): number[] {
  const mins = weights.map(
    (_, i) =>
      Math.max(...[head[i] ?? '', ...rows.map((r) => r[i] ?? '')].map(longestTokenTwips)) + CELL_MARGINS,
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const byWeight = weights.map((w) => (w / sum) * total);
  if (mins.reduce((a, b) => a + b, 0) > total) return byWeight.map(Math.round);
  // Give each column the larger of its share and its minimum, taking the difference from the columns with room.
  const widths = byWeight.map((w, i) => Math.max(w, mins[i]!));
  let excess = widths.reduce((a, b) => a + b, 0) - total;
  while (excess > 0.5) {
    const room = widths.map((w, i) => Math.max(0, w - mins[i]!));
    const roomSum = room.reduce((a, b) => a + b, 0);
    if (roomSum <= 0) break;
    const take = Math.min(excess, roomSum);
    for (let i = 0; i < widths.length; i++) widths[i]! -= (room[i]! / roomSum) * take;
    excess -= take;
  }
  const rounded = widths.map(Math.round);
  rounded[rounded.length - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

/** Builds minutes.docx from the minutes view model: title, header fields, topics, actions, sign-off table. */
export async function minutesDocx(view: MinutesView): Promise<Uint8Array> {
  const {
    AlignmentType,
    BorderStyle,
    Document,
    Footer,
    HeadingLevel,
    HeightRule,
    Packer,
    PageNumber,
    Paragraph,
    ShadingType,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = loadDocx();
  const l = view.l;
  const colon = view.colon;
  const language = {
    value: view.lang === 'en' ? 'en-US' : view.lang,
    eastAsia: view.lang === 'en' ? 'zh-CN' : view.lang,
  };

  const runs = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) =>
    xmlSafe(text)
      .split('\n')
      .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, language, ...opts }));
  const para = (text: string, opts: { bold?: boolean; bullet?: boolean; color?: string } = {}) =>
    new Paragraph({
      children: runs(text, { bold: opts.bold, color: opts.color }),
      ...(opts.bullet ? { bullet: { level: 0 } } : {}),
    });
  const heading = (text: string, level: 1 | 2) =>
    new Paragraph({
      heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      children: runs(text),
      spacing: { before: 240, after: 120 },
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, width: number, header = false) =>
    new TableCell({
      borders,
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ children: runs(text, { bold: header, size: TABLE_HALF_POINTS }) })],
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' } } : {}),
    });
  /**
   * A table with a real grid: each column's share of the text width in twips, on the table and on every cell.
   * Without one, LibreOffice and WPS split the columns evenly and break ids and times mid-token.
   */
  const table = (head: string[], rows: string[][], weights: number[]) => {
    const widths = columnWidths(head, rows, weights);
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i]!, true)) }),
        ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i]!)) })),
      ],
    });
  };

  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
  children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: runs(view.heading, { bold: true }),
    }),
  );
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: runs(`${l.status}${colon}${view.status.label} · ${l.contentHash}${colon}${view.hashPrefix}`, {
        color: view.status.code === 'signed-off' ? '1E7B34' : 'A15C00',
      }),
    }),
  );
  const labelWidth = Math.round(TEXT_WIDTH * 0.2);
  children.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [labelWidth, TEXT_WIDTH - labelWidth],
      rows: view.fields.map(
        (f) =>
          new TableRow({
            children: [
              new TableCell({
                borders,
                width: { size: labelWidth, type: WidthType.DXA },
                shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
                children: [new Paragraph({ children: runs(f.label, { bold: true }) })],
              }),
              new TableCell({
                borders,
                width: { size: TEXT_WIDTH - labelWidth, type: WidthType.DXA },
                children: [new Paragraph({ children: runs(f.value) })],
              }),
            ],
          }),
      ),
    }),
  );

  children.push(heading(l.topics, 1));
  for (const t of view.topics) {
    children.push(heading(`${t.n}. ${t.title}`, 2));
    if (t.hasPoints) {
      children.push(para(`${l.points}${colon}`, { bold: true }));
      for (const p of t.points) children.push(para(p, { bullet: true }));
    }
    if (t.hasDecisions) {
      children.push(para(`${l.decisions}${colon}`, { bold: true }));
      for (const d of t.decisions) children.push(para(d, { bullet: true }));
    }
  }

  children.push(heading(l.actions, 1));
  if (view.hasActions)
    children.push(
      table(
        [l.id, l.what, l.owner, l.due, l.measure, l.priority],
        view.actions.map((a) => [a.id, a.what, a.owner, a.due, a.measure, a.priority]),
        [22, 23, 9, 15, 21, 10],
      ),
    );
  else children.push(para(l.none));

  if (view.hasOtherBusiness) {
    children.push(heading(l.otherBusiness, 1));
    for (const o of view.otherBusiness) children.push(para(o, { bullet: true }));
  }
  children.push(heading(l.nextMeeting, 1));
  children.push(para(view.nextMeeting));

  children.push(heading(l.signOff, 1));
  children.push(
    table(
      [l.name, l.role, l.signedAt, l.hash, l.check],
      view.signers.map((s) => [
        s.name,
        s.role,
        s.at,
        s.hash,
        `${s.state}${s.keySigned ? ` (${l.keySigned})` : ''}`,
      ]),
      [13, 13, 22, 18, 34],
    ),
  );
  children.push(
    new Paragraph({
      spacing: { before: 240 },
      children: runs(`${l.contentHash}${colon}${view.hash}`, { color: '666666' }),
    }),
  );
  children.push(
    new Paragraph({ children: runs(`${l.generated}${colon}${view.generated}`, { color: '666666' }) }),
  );

  // The signature page: most teams still sign on paper beside the digital record. One line per person who must
  // sign, tall enough for a handwritten name, and the statement names the exact content (its hash) being signed.
  const signaturePage: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      children: runs(`${view.heading} · ${l.signaturePage}`),
    }),
    new Paragraph({
      spacing: { before: 120, after: 240 },
      children: runs(
        interpolate(l.signatureStatement, { title: view.title, date: view.date, hash: view.hash }),
      ),
    }),
  ];
  const signWeights = [20, 20, 40, 20];
  const signWidths = columnWidths(
    [l.name, l.role, l.signature, l.signDate],
    view.signers.map((x) => [x.name, x.role, '', '']),
    signWeights,
  );
  signaturePage.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: signWidths,
      rows: [
        new TableRow({
          tableHeader: true,
          children: [l.name, l.role, l.signature, l.signDate].map((h, i) => cell(h, signWidths[i]!, true)),
        }),
        ...view.signers.map(
          (s) =>
            new TableRow({
              height: { value: 720, rule: HeightRule.ATLEAST },
              cantSplit: true,
              children: [s.name, s.role, '', ''].map((c, i) => cell(c, signWidths[i]!)),
            }),
        ),
      ],
    }),
  );

  // Footer on every page: the meeting, the content hash the page belongs to, and "page N of M" as Word fields.
  const [beforePage, afterPage = ''] = l.pageOf.split('{page}');
  const [between, afterPages = ''] = afterPage.split('{pages}');
  const small = { size: 16, color: '666666', language };
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: xmlSafe(`${view.heading} · ${l.contentHash}${colon}${view.hashPrefix} · ${beforePage}`),
            ...small,
          }),
          new TextRun({ children: [PageNumber.CURRENT], ...small }),
          new TextRun({ text: between, ...small }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], ...small }),
          new TextRun({ text: afterPages, ...small }),
        ],
      }),
    ],
  });

  const doc = new Document({
    creator: 'salesmeet',
    title: xmlSafe(view.heading),
    styles: {
      default: {
        document: {
          run: {
            font: {
              ascii: LATIN_FONT,
              hAnsi: LATIN_FONT,
              cs: LATIN_FONT,
              eastAsia: EAST_ASIA_FONT[view.lang],
            },
            size: 21,
            language,
          },
        },
      },
    },
    sections: [
      { footers: { default: footer }, children },
      { footers: { default: footer }, children: signaturePage },
    ],
  });
  return packDocx(doc, Packer, new Date(view.generatedAt));
}

/** The XML parts docx makes of a document, by part name (an array for the parts there may be several of). */
type XmlParts = Record<string, { data: string; path: string } | { data: string; path: string }[]>;

/** An image docx keeps for the package (word/media/…): an SVG has a PNG beside it for older readers. */
interface DocxMedia {
  type: string;
  fileName: string;
  data: Uint8Array;
  fallback?: { fileName: string; data: Uint8Array };
}

/**
 * The .docx of a document: docx's own compiler writes each part's XML, and `zipParts` zips them with node:zlib
 * (Packer.toBuffer zips them with JSZip's JavaScript deflate, which cost more than building the document). The
 * same parts in the same order as docx's `Compiler.compile`, then the images, less JSZip's folder entries. The
 * compiler's `xmlifyFile` is docx's internal step (docx is pinned); without it, or with embedded fonts (which
 * docx obfuscates; salesmeet embeds none), Packer does the whole. The document's creation time
 * (docProps/core.xml) and the zip entries' times are `when`, the run's "now" (SALESMEET_NOW makes the file
 * reproducible), not the clock docx reads.
 */
export async function packDocx(
  doc: InstanceType<typeof import('docx')['Document']>,
  packer: typeof import('docx')['Packer'],
  when: Date,
): Promise<Uint8Array> {
  const compiler = (packer as unknown as { compiler?: { xmlifyFile?: (file: unknown) => XmlParts } })
    .compiler;
  const internals = doc as unknown as {
    Media?: { Array?: DocxMedia[] };
    FontTable?: { fontOptionsWithKey?: unknown[] };
  };
  if (
    typeof compiler?.xmlifyFile !== 'function' ||
    (internals.FontTable?.fontOptionsWithKey?.length ?? 0) > 0
  )
    return new Uint8Array(await packer.toBuffer(doc));
  const stamp = (path: string, data: string) =>
    path === 'docProps/core.xml'
      ? data.replace(
          /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
          (_, open: string, _name: string, close: string) => `${open}${when.toISOString()}${close}`,
        )
      : data;
  const parts = Object.values(compiler.xmlifyFile(doc)).flatMap((p) =>
    (Array.isArray(p) ? p : [p]).map(({ path, data }) => ({
      name: path,
      data: Buffer.from(stamp(path, data), 'utf8'),
    })),
  );
  // The images are collected while the XML is written.
  const media = internals.Media?.Array;
  if (!Array.isArray(media)) return new Uint8Array(await packer.toBuffer(doc));
  // An SVG's PNG is also an image of its own in docx's list: each file once (JSZip kept the last of a name).
  const files = new Map<string, Uint8Array>();
  for (const m of media) {
    files.set(m.fileName, m.data);
    if (m.type === 'svg' && m.fallback) files.set(m.fallback.fileName, m.fallback.data);
  }
  for (const [name, data] of files) parts.push({ name: `word/media/${name}`, data: Buffer.from(data) });
  return zipParts(parts, when);
}
