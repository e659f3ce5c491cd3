/**
 * The period report rendered as a reader sees it: report.html printed by headless Chromium (`report --pdf`) and
 * report.docx converted by LibreOffice, page counts and text checked (the PNGs of both were looked at when this
 * was written: tables within the margins, placeholders boxed, footnotes at the foot of the docx pages).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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

describe.skipIf(!chromium || !poppler || !soffice)('the report rendered by Chromium and LibreOffice', () => {
  let tmp: { dir: string; cleanup: () => void };
  const folders: Record<'zh-CN' | 'en', string> = { 'zh-CN': '', en: '' };

  beforeAll(() => {
    tmp = tempDir();
    for (const lang of ['zh-CN', 'en'] as const) {
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

  it.each(['zh-CN', 'en'] as const)(
    '%s: report.pdf (Chromium) is A4, 8–12 pages, each part on its own page',
    (lang) => {
      const pdf = join(folders[lang], 'out', 'report.pdf');
      expect(existsSync(pdf)).toBe(true);
      const pages = pagesOf(pdf);
      // Cover with contents, five parts (each starts a page, part one takes four), notes and legend: 10 pages.
      expect(pages).toBeGreaterThanOrEqual(8);
      expect(pages).toBeLessThanOrEqual(12);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(
        lang === 'en'
          ? 'First-half sales review and plan for the second half'
          : '上半年销售总结及下半年工作计划',
      );
      expect(text).toContain(lang === 'en' ? '42.6% of it' : '贡献了增长的 42.6%');
      expect(text).toContain('+1,057.73');
    },
  );

  it.each(['zh-CN', 'en'] as const)(
    '%s: report.docx through LibreOffice: 7–11 pages numbered "page X of Y", footnotes kept',
    (lang) => {
      const pdf = join(folders[lang], 'lo', 'report.pdf');
      const pages = pagesOf(pdf);
      expect(pages).toBeGreaterThanOrEqual(7);
      expect(pages).toBeLessThanOrEqual(11);
      const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), pdf, '-'], {
        encoding: 'utf8',
      });
      expect(last).toContain(lang === 'en' ? `Page ${pages} of ${pages}` : `第 ${pages} 页，共 ${pages} 页`);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      // A footnote holds the formula of the first sentence.
      expect(text).toContain(
        lang === 'en'
          ? 'Achievement = actual ÷ target = 9,200 ÷ 10,000 = 92.0%'
          : '达成率 = 实际 ÷ 目标 = 9,200 ÷ 10,000 = 92.0%',
      );
      // The table cells keep their figures whole (real column widths: no "2,758.9" / "4" split across lines).
      expect(text).toContain('2,758.94');
    },
  );
});
