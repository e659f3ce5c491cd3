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
