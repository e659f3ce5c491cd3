/**
 * The period report rendered as a reader sees it: report.html printed by headless Chromium (`report --pdf`) and
 * report.docx converted by LibreOffice, page counts and text checked (the PNGs of both were looked at when this
 * was written: tables within the margins, placeholders boxed, footnotes at the foot of the docx pages; the four
 * charts whole on their pages, labels apart, Chinese drawn in a CJK font — LibreOffice 7.4 shows the PNG fallback).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/io/pdf.js';
import { copyExample, runCli, tempDir } from '../helpers/cli.js';

const chromium = findChromium(process.env);
const has = (cmd: string, args: string[]) => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const poppler = has('pdfinfo', ['-v']);
const soffice = has('soffice', ['--version']);
const pagesOf = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
/** The text of each page, without white space (Chinese wraps anywhere). */
const pageTexts = (pdf: string) =>
  execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((t) => t.replace(/\s+/g, ''));

/** Each chart's title, and a figure drawn inside the chart (pdftotext keeps Latin runs of SVG text in order). */
const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
type Lang = (typeof LANGS)[number];
const TITLE = {
  'zh-CN': '上半年销售总结及下半年工作计划',
  'zh-TW': '上半年業務總結及下半年工作計畫',
  en: 'First-half sales review and plan for the second half',
};
const SHARE = { 'zh-CN': '贡献了增长的 42.6%', 'zh-TW': '貢獻了成長的 42.6%', en: '42.6% of it' };
const FIRST_NOTE = {
  'zh-CN': '达成率 = 实际 ÷ 目标 = 9,200 ÷ 10,000 = 92.0%',
  'zh-TW': '達成率 = 實際 ÷ 目標 = 9,200 ÷ 10,000 = 92.0%',
  en: 'Achievement = actual ÷ target = 9,200 ÷ 10,000 = 92.0%',
};
const LAST_PAGE = {
  'zh-CN': (n: number) => `第 ${n} 页，共 ${n} 页`,
  'zh-TW': (n: number) => `第 ${n} 頁，共 ${n} 頁`,
  en: (n: number) => `Page ${n} of ${n}`,
};
const CHARTS = {
  'zh-CN': [
    ['各区域销售额达成率', '110.4%'],
    ['月度销售额：实际与目标', '2,500'],
    ['增长桥：各区域对增长的贡献（去年同期→本期）', '+74.90'],
    ['产品线销售额构成：去年同期与本期', '17.9%'],
  ],
  'zh-TW': [
    ['各區域營收達成率', '110.4%'],
    ['月度營收：實際與目標', '2,500'],
    ['成長橋：各區域對成長的貢獻（去年同期→本期）', '+74.90'],
    ['產品線營收結構：去年同期與本期', '17.9%'],
  ],
  en: [
    ['Revenue achievement by region', '110.4%'],
    ['Monthly revenue against target', '2,500'],
    ['Growth bridge by region: from the prior year to this period', '+74.90'],
    ['Revenue mix by product line: prior year and this period', '17.9%'],
  ],
} as const;

describe.skipIf(!chromium || !poppler || !soffice)('the report rendered by Chromium and LibreOffice', () => {
  let tmp: { dir: string; cleanup: () => void };
  const folders: Record<Lang, string> = { 'zh-CN': '', 'zh-TW': '', en: '' };

  beforeAll(() => {
    tmp = tempDir();
    for (const lang of LANGS) {
      const dir = copyExample('2026-h1-review', join(tmp.dir, lang));
      folders[lang] = dir;
      const r = runCli(['report', dir, '--pdf', '--lang', lang], {
        cwd: tmp.dir,
        env: { SALESMEET_CHROMIUM: chromium, SALESMEET_NOW: '2026-07-10T18:00:00+08:00' },
      });
      if (r.code !== 0) throw new Error(`report --pdf failed (${r.code}): ${r.stderr}`);
      const profile = mkdtempSync(join(tmpdir(), 'lo-'));
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          join(dir, 'lo'),
          join(dir, 'out', 'report.docx'),
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
    }
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it.each(LANGS)(
    '%s: report.pdf (Chromium) is A4, 11–13 pages, each part on its own page, each chart whole under its title',
    (lang) => {
      const pdf = join(folders[lang], 'out', 'report.pdf');
      expect(existsSync(pdf)).toBe(true);
      const pages = pagesOf(pdf);
      // Cover with contents, five parts (each starts a page; part one with its four charts takes four), notes and
      // legend: 12 pages in both languages (10 and 11 before the charts).
      expect(pages).toBeGreaterThanOrEqual(11);
      expect(pages).toBeLessThanOrEqual(13);
      // A chart never splits from its title: the title's page carries the chart's own labels (SVG text).
      const texts = pageTexts(pdf);
      for (const [title, inside] of CHARTS[lang]) {
        const page = texts.find((t) => t.includes(title.replace(/\s+/g, '')));
        expect(page, title).toBeDefined();
        expect(page!.slice(page!.indexOf(title.replace(/\s+/g, ''))), title).toContain(inside);
      }
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(TITLE[lang]);
      expect(text).toContain(SHARE[lang]);
      expect(text).toContain('+1,057.73');
    },
  );

  it.each(LANGS)(
    '%s: report.docx through LibreOffice: 10–12 pages numbered "page X of Y", footnotes kept, chart titles',
    (lang) => {
      const pdf = join(folders[lang], 'lo', 'report.pdf');
      const pages = pagesOf(pdf);
      // 11 pages in both languages (9 before the charts).
      expect(pages).toBeGreaterThanOrEqual(10);
      expect(pages).toBeLessThanOrEqual(12);
      // Each chart's caption; the chart itself is its PNG here, so its labels are not text.
      const all = pageTexts(pdf).join('');
      for (const [title] of CHARTS[lang]) expect(all, title).toContain(title.replace(/\s+/g, ''));
      const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), pdf, '-'], {
        encoding: 'utf8',
      });
      expect(last).toContain(LAST_PAGE[lang](pages));
      // Page one holds the contents: every part and section heading (the parts start on page two), as entries,
      // not the field's instruction.
      const md = readFileSync(join(folders[lang], 'out', 'report.md'), 'utf8');
      const headings = [...md.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.replace(/\s+/g, ''));
      expect(headings.length).toBeGreaterThan(15);
      const first = pageTexts(pdf)[0]!;
      for (const h of headings.slice(0, -1)) expect(first, h).toContain(h);
      expect(first).not.toContain('TOC');
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      // A footnote holds the formula of the first sentence.
      expect(text).toContain(FIRST_NOTE[lang]);
      // The table cells keep their figures whole (real column widths: no "2,758.9" / "4" split across lines).
      expect(text).toContain('2,758.94');
      // A header keeps its words whole, and its unit moves to a line of its own rather than break between 万 and 元.
      const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(layout).not.toMatch(/\(万\s*$/m);
      if (lang === 'en')
        expect(layout).toMatch(/^Region\s+Target\s+Actual\s+Achievement\s+Gap\s+Prior year/m);
    },
  );
});
