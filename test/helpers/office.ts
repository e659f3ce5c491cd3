import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * LibreOffice headless (Debian's libreoffice-writer-nogui / -calc-nogui, installed by .ci/run) and poppler, to see a
 * docx or xlsx the way a person printing it would. Under CI a missing tool fails the suite instead of skipping it.
 */
function has(cmd: string, arg: string): boolean {
  try {
    execFileSync(cmd, [arg], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

export const office = has('soffice', '--version') && has('pdfinfo', '-v');
if (!office && process.env.CI) throw new Error('CI needs soffice and pdfinfo (see .ci/run)');

/**
 * Converts `file` to PDF beside it with a throw-away LibreOffice profile (two conversions at once would otherwise
 * share one profile and one of them fail). Returns the PDF's path.
 */
export function officeToPdf(file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'salesmeet-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dirname(file),
        file,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(dirname(file), basename(file).replace(/\.[^.]+$/, '.pdf'));
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The text of each page, laid out (`pdftotext -layout`), split on form feeds. */
export function pdfPageTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, pdfPages(pdf));
}

/**
 * The text in the order it is drawn (`pdftotext -raw`): a wrapped spreadsheet cell's lines come one after the other,
 * where the layout mode interleaves them with the lines of the cells beside it.
 */
export function pdfRawText(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box (`pdftotext -bbox`), in points from the page's top left. */
export function pdfWords(pdf: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: WordBox[] = [];
  let page = 0;
  for (const m of html.matchAll(
    /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[0] === '<page') {
      page++;
      continue;
    }
    words.push({
      page,
      text: m[5]!,
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    });
  }
  return words;
}

/**
 * Pairs of words drawn over each other (overlapping by more than `slack` points both ways): what a row too short for
 * its wrapped text looks like once printed — the overflowing lines are drawn into the next row, or clipped away.
 */
export function overlappingWords(words: readonly WordBox[], slack = 1): [WordBox, WordBox][] {
  const out: [WordBox, WordBox][] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!;
      const b = words[j]!;
      if (a.page !== b.page) continue;
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > slack && y > slack) out.push([a, b]);
    }
  return out;
}
