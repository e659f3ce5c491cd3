import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the browser is looked for: SALESMEET_CHROMIUM, then the Debian / Ubuntu / macOS locations. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The flags every launch uses: headless, no sandbox (containers), and nothing that talks to the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser to drive, or undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env.SALESMEET_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

type Playwright = typeof import('playwright-core');
type BrowserContext = Awaited<ReturnType<Playwright['chromium']['launchPersistentContext']>>;

/**
 * Opens a browser with a fresh temporary profile (launchPersistentContext; `launch()` rejects
 * --user-data-dir), runs `work`, then closes the browser and removes the profile.
 */
export async function withBrowser<T>(
  executablePath: string,
  work: (ctx: BrowserContext) => Promise<T>,
): Promise<T> {
  const { chromium } = (await import('playwright-core')) as Playwright;
  const profile = await mkdtemp(join(tmpdir(), 'salesmeet-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      offline: true,
    });
    return await work(context);
  } finally {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The running header and footer of every printed page: HTML that Chromium fills with the page numbers. */
export interface PageFrame {
  /** Markup with its own styles (the page's are not visible there); `<span class="pageNumber">`, `totalPages`. */
  header: string;
  footer: string;
}

/**
 * Prints an HTML file to an A4 PDF (the page's own @page rules decide size and margins; the header and footer
 * are drawn in the top and bottom margins), tagged, with bookmarks from the headings.
 */
export async function htmlToPdf(
  htmlFile: string,
  executablePath: string,
  frame?: PageFrame,
): Promise<Uint8Array> {
  return withBrowser(executablePath, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      outline: true,
      tagged: true,
      ...(frame
        ? { displayHeaderFooter: true, headerTemplate: frame.header, footerTemplate: frame.footer }
        : {}),
    });
    return new Uint8Array(pdf);
  });
}

/** Prints several HTML files to A4 PDFs with one browser launch, in order. */
export async function htmlFilesToPdf(htmlFiles: string[], executablePath: string): Promise<Uint8Array[]> {
  return withBrowser(executablePath, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.emulateMedia({ media: 'print' });
    const out: Uint8Array[] = [];
    for (const file of htmlFiles) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      out.push(new Uint8Array(pdf));
    }
    return out;
  });
}
