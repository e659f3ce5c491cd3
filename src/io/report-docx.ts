/**
 * out/report.docx from the report's view model. It has Word heading styles (so that the navigation pane and the
 * table of contents work), a table of contents field, page numbers "page X of Y" in the footer, tables with a real
 * grid (column widths in twips on the table and every cell), the formulas as real footnotes and the charts as
 * SVG with a PNG fallback at the full text width. A narrative section that report.yaml leaves empty shows its
 * prompt on a shaded ground, so that nobody misses it. The file is zipped by `packDocx` and dated by the run's
 * "now".
 */

import type { Block, ReportTable, ReportView } from '../core/report/view.js';
import { CELL_MARGINS, columnWidths, lineTwips, loadDocx, packDocx, xmlSafe } from './docx.js';

const EAST_ASIA_FONT = { 'zh-CN': 'Microsoft YaHei', 'zh-TW': 'PMingLiU', en: 'Microsoft YaHei' } as const;
const LATIN_FONT = 'Calibri';
/** Commands named in the text (`salesmeet targets`). */
const MONO_FONT = 'Consolas';
/** A4 (11,906 twips) less 2 cm margins (2 × 1,134). */
const TEXT_WIDTH = 11_906 - 2 * 1_134;

/** A chart for Word: the SVG Word 2016+ draws, the PNG older readers draw, and the chart's size in CSS px. */
export interface DocxChart {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/** report.docx; `when` is its creation time (the run's "now"). */
export async function reportDocx(
  view: ReportView,
  charts: ReadonlyMap<string, DocxChart> = new Map(),
  when: Date = new Date(),
): Promise<Uint8Array> {
  const d = loadDocx();
  const {
    AlignmentType,
    BorderStyle,
    BuilderElement,
    Document,
    EmptyElement,
    Footer,
    FootnoteReferenceRun,
    HeadingLevel,
    ImageRun,
    Packer,
    PageNumber,
    Paragraph,
    ShadingType,
    StringValueElement,
    Table,
    TableCell,
    TableOfContents,
    TableRow,
    TextRun,
    WidthType,
  } = d;
  const language = {
    value: view.lang === 'en' ? 'en-US' : view.lang,
    eastAsia: view.lang === 'en' ? 'zh-CN' : view.lang,
  };
  const run = (
    text: string,
    o: { bold?: boolean; color?: string; size?: number; italics?: boolean; font?: string } = {},
  ) => new TextRun({ text: xmlSafe(text), language, ...o });
  // A `command` between backticks is set in a monospace font, as the html and Markdown show it.
  const prose = (text: string, o: { bold?: boolean; color?: string; size?: number }) =>
    text
      .split(/`([^`\n]+)`/)
      .flatMap((part, i) =>
        i % 2 === 1 ? [run(part, { ...o, font: MONO_FONT })] : part ? [run(part, o)] : [],
      );
  const para = (text: string, o: { bold?: boolean; color?: string; bullet?: boolean; size?: number } = {}) =>
    new Paragraph({
      children: prose(text, { bold: o.bold, color: o.color, size: o.size }),
      ...(o.bullet ? { bullet: { level: 0 } } : {}),
      spacing: { after: 80 },
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const table = (tb: ReportTable) => {
    // Every column at least as wide as its longest word ("Achievement" is not broken into "Achieve / ment").
    const widths = columnWidths(tb.head, tb.rows, tb.weights, TEXT_WIDTH);
    // A header too wide for its column puts its unit on a line of its own ("Target" / "(万元)"): left to itself,
    // a line would break between 万 and 元.
    const headerRuns = (text: string, width: number) => {
      const m = /^(.*\S)\s*([(（][^)）]*[)）])$/.exec(text);
      if (!m || lineTwips(text) + CELL_MARGINS <= width) return [run(text, { bold: true, size: 18 })];
      return [
        run(m[1]!, { bold: true, size: 18 }),
        new TextRun({ text: xmlSafe(m[2]!), language, bold: true, size: 18, break: 1 }),
      ];
    };
    const cell = (text: string, i: number, header: boolean) =>
      new TableCell({
        borders,
        width: { size: widths[i]!, type: WidthType.DXA },
        margins: { left: 60, right: 60, top: 20, bottom: 20 },
        children: [
          new Paragraph({
            alignment: !header && tb.align[i] === 'r' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: header ? headerRuns(text, widths[i]!) : [run(text, { size: 18 })],
          }),
        ],
        ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' } } : {}),
      });
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: tb.head.map((h, i) => cell(h, i, true)) }),
        ...tb.rows.map(
          (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) }),
        ),
      ],
    });
  };

  const footnotes: Record<number, { children: InstanceType<typeof Paragraph>[] }> = {};
  for (const n of view.notes)
    footnotes[n.no] = { children: [new Paragraph({ children: [run(n.text, { size: 16 })] })] };

  // A TOC field Word refreshes on opening (updateFields), with the headings cached so that a reader that does
  // not update fields (LibreOffice, WPS previews) shows the entries: without page numbers until the reader
  // updates the index. The content control says it is a table of contents, as Word writes it: without that,
  // LibreOffice prints the field's instruction (TOC \h \o "1-2") before the first entry.
  const toc = new TableOfContents(view.labels.contents, {
    hyperlink: true,
    headingStyleRange: '1-2',
    cachedEntries: view.parts.flatMap((p) => [
      { title: xmlSafe(p.title), level: 1 },
      ...p.sections.map((s) => ({ title: xmlSafe(s.title), level: 2 })),
    ]),
  });
  const sdtPr = (toc as unknown as { root: { root: unknown[] }[] }).root[0]!;
  sdtPr.root.push(
    new BuilderElement({
      name: 'w:docPartObj',
      children: [
        new StringValueElement('w:docPartGallery', 'Table of Contents'),
        new EmptyElement('w:docPartUnique'),
      ],
    }),
  );

  type Child =
    | InstanceType<typeof Paragraph>
    | InstanceType<typeof Table>
    | InstanceType<typeof TableOfContents>;
  const blockChildren = (b: Block): Child[] => {
    switch (b.kind) {
      case 'text':
        return [
          new Paragraph({
            spacing: { after: 120, line: 320 },
            children: b.sentences.flatMap((s) => [
              run(s.text),
              ...(s.note !== null ? [new FootnoteReferenceRun(s.note)] : []),
              ...(s.after ? [run(s.after)] : []),
            ]),
          }),
        ];
      case 'table':
        return [table(b.table), new Paragraph({ children: [], spacing: { after: 120 } })];
      case 'list':
        return b.items.map((i) => para(i, { color: '555555' }));
      case 'narrative':
        return b.paragraphs.map(
          (p) => new Paragraph({ spacing: { after: 120, line: 320 }, children: [run(p)] }),
        );
      case 'placeholder': {
        const shade = { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF4D6' } as const;
        const box = { style: BorderStyle.DASHED, size: 6, color: 'B07A00', space: 4 };
        const boxed = { top: box, bottom: box, left: box, right: box };
        return [
          new Paragraph({
            shading: shade,
            border: boxed,
            children: [run(b.label, { bold: true, color: '8A5A00' })],
          }),
          new Paragraph({
            shading: shade,
            border: boxed,
            children: [run(b.hint, { color: '8A5A00', size: 18 })],
          }),
          ...b.prompts.map(
            (p) =>
              new Paragraph({
                shading: shade,
                border: boxed,
                bullet: { level: 0 },
                children: [run(p, { color: '8A5A00', size: 18 })],
              }),
          ),
          new Paragraph({ children: [], spacing: { after: 120 } }),
        ];
      }
      case 'chart': {
        const c = charts.get(b.chart.id);
        if (!c) return [];
        // As wide as the text (in px at 96 per inch, as docx sizes images), the height in proportion.
        const width = Math.round((TEXT_WIDTH / 1440) * 96);
        const height = Math.round((width * c.height) / c.width);
        return [
          new Paragraph({
            keepNext: true,
            spacing: { before: 120, after: 60 },
            children: [run(b.chart.title, { bold: true, size: 19 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 160 },
            children: [
              new ImageRun({
                type: 'svg',
                data: new TextEncoder().encode(c.svg),
                transformation: { width, height },
                fallback: { type: 'png', data: c.png },
                altText: { name: b.chart.id, title: b.chart.title, description: b.chart.title },
              }),
            ],
          }),
        ];
      }
    }
  };

  const children: Child[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [run(view.title, { bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(view.meta, { color: '555555', size: 18 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(view.styleLine, { color: '555555', size: 18 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(view.status, { bold: true, color: view.empty.length ? 'A15C00' : '1E7B34', size: 18 })],
    }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [run(view.labels.contents)],
      pageBreakBefore: false,
    }),
    toc,
  ];
  for (const part of view.parts) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run(part.title)] }),
    );
    for (const s of part.sections) {
      children.push(
        new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [run(s.title)] }),
      );
      for (const b of s.blocks) children.push(...blockChildren(b));
    }
  }
  if (view.legend.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(view.labels.legend)] }));
    for (const l of view.legend) children.push(para(l, { size: 16, color: '555555' }));
  }
  children.push(para(view.generated, { size: 16, color: '777777' }));

  const [before, middle, after] = splitPage(view.labels.page);
  const doc = new Document({
    creator: 'salesmeet',
    title: view.title,
    features: { updateFields: true },
    styles: {
      // The contents' second level indented by two characters, in the cached entries and once Word updates them.
      paragraphStyles: [
        {
          id: 'TOC1',
          name: 'toc 1',
          basedOn: 'Normal',
          next: 'Normal',
          paragraph: { spacing: { before: 60 } },
        },
        {
          id: 'TOC2',
          name: 'toc 2',
          basedOn: 'Normal',
          next: 'Normal',
          paragraph: { indent: { left: 420 } },
        },
      ],
      default: {
        document: {
          run: {
            font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: EAST_ASIA_FONT[view.lang] },
            size: 21,
          },
        },
      },
    },
    footnotes,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return packDocx(doc, Packer, when);
}

/** "Page {page} of {pages}" → ["Page ", " of ", ""]. */
function splitPage(template: string): [string, string, string] {
  const i = template.indexOf('{page}');
  const j = template.indexOf('{pages}');
  if (i < 0 || j < 0 || j < i) return ['', ' / ', ''];
  return [template.slice(0, i), template.slice(i + 6, j), template.slice(j + 7)];
}
