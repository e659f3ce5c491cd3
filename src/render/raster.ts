/**
 * PNG copies of the charts, for Word: a docx carries each chart as SVG with a PNG fallback (Word 2016 and later
 * draw the SVG, older readers and some converters the PNG). Drawn with resvg (@resvg/resvg-js, a prebuilt native
 * binary; no browser), loaded only when a document with charts is written, with the system's fonts.
 */
import type { Lang } from '../core/i18n/lang.js';
import { CHART_FONT } from './charts.js';

/**
 * The font stacks of a chart drawn by resvg. resvg gives a whole run of text to a fallback font when one character
 * is missing from the first font found ("2,450 华北" under Arial came out all in a serif CJK face), so a text with
 * Chinese gets a CJK font first (it has the Latin letters and digits too) and the others a Latin font (reading a
 * CJK font, some 20 MB, costs resvg about 20 ms for each text that uses it).
 */
const LATIN_FONT = "'Liberation Sans', Arial, Helvetica, 'Noto Sans CJK SC', sans-serif";
export const RASTER_FONT: Record<Lang, string> = {
  'zh-CN':
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK TC', 'Liberation Sans', Arial, sans-serif",
  'zh-TW':
    "'Noto Sans CJK TC', 'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK SC', 'Liberation Sans', Arial, sans-serif",
  en: "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Liberation Sans', Arial, sans-serif",
};

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/** A chart's SVG with the raster font stacks, text by text: what goes into Word, as SVG and drawn as PNG. */
export function forRaster(svg: string, lang: Lang): string {
  return svg
    .replace(/<text([^>]*)>([^<]*)<\/text>/g, (_, attrs: string, body: string) => {
      const font = CJK.test(body) ? RASTER_FONT[lang] : LATIN_FONT;
      return `<text${attrs.split(CHART_FONT).join(font)}>${body}</text>`;
    })
    .split(CHART_FONT)
    .join(RASTER_FONT[lang]);
}

/**
 * Pixels per CSS px of the PNGs: a 680 px chart becomes 1,190 px, which at the report's 17 cm text width is
 * about 178 dpi.
 */
export const RASTER_SCALE = 1.75;

export interface Raster {
  png: Uint8Array;
  /** In pixels. */
  width: number;
  height: number;
}

/** PNGs of standalone chart SVGs (drawCharts' `file`), at RASTER_SCALE, in the order given. */
export async function rasterise(
  charts: readonly { file: string; width: number; height: number }[],
  lang: Lang,
): Promise<Raster[]> {
  if (charts.length === 0) return [];
  const { Resvg } = await import('@resvg/resvg-js');
  return charts.map((c) => {
    const image = new Resvg(forRaster(c.file, lang), {
      fitTo: { mode: 'zoom', value: RASTER_SCALE },
      background: '#ffffff',
      font: {
        loadSystemFonts: true,
        defaultFontFamily: lang === 'zh-TW' ? 'Noto Sans CJK TC' : 'Noto Sans CJK SC',
      },
      logLevel: 'off',
    }).render();
    return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
  });
}
