/**
 * The three catalogues say the same things: every key of en.ts exists in zh-CN.ts and zh-TW.ts (the compiler
 * checks that too; this also catches a value of the wrong kind), with the same `{placeholder}` names, no empty
 * text, and Chinese that is not a pasted copy of the English.
 */
import { describe, expect, it } from 'vitest';
import { type CatalogueLang, catalogues } from '../../src/i18n/index.js';

type Leaf = { path: string; value: unknown };

function leaves(node: unknown, path = ''): Leaf[] {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return [{ path, value: node }];
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

const EN = leaves(catalogues.en);
const OTHERS: CatalogueLang[] = ['zh-CN', 'zh-TW'];

describe('the message catalogues', () => {
  it('reads a real catalogue', () => {
    expect(EN.length).toBeGreaterThan(500);
    expect(EN.some((l) => l.path === 'kpi.messages.notNumber')).toBe(true);
  });

  it('has no empty text in any language', () => {
    for (const lang of ['en', ...OTHERS] as CatalogueLang[]) {
      const empty = leaves(catalogues[lang]).filter(
        (l) => typeof l.value === 'string' && l.value.trim() === '',
      );
      expect(empty.map((l) => `${lang}: ${l.path}`)).toEqual([]);
    }
  });

  for (const lang of OTHERS) {
    const theirs = new Map(leaves(catalogues[lang]).map((l) => [l.path, l.value]));

    it(`${lang} has exactly the keys of en, each of the same kind`, () => {
      expect([...theirs.keys()].sort()).toEqual(EN.map((l) => l.path).sort());
      const wrongKind = EN.filter((l) => typeof theirs.get(l.path) !== typeof l.value).map((l) => l.path);
      expect(wrongKind).toEqual([]);
    });

    it(`${lang} uses the same {placeholders} as en`, () => {
      const differ = EN.filter((l) => typeof l.value === 'string')
        .filter((l) => {
          const t = theirs.get(l.path);
          return typeof t === 'string' && placeholders(t).join() !== placeholders(l.value as string).join();
        })
        .map(
          (l) =>
            `${l.path}: en {${placeholders(l.value as string).join(', ')}} ≠ ${lang} {${placeholders(theirs.get(l.path) as string).join(', ')}}`,
        );
      expect(differ).toEqual([]);
    });

    it(`${lang} is a translation, not a copy of en`, () => {
      // A few entries read the same in every language (a unit, a symbol, a product name); whole tables may not.
      const strings = EN.filter((l) => typeof l.value === 'string' && /[A-Za-z]{3}/.test(l.value));
      const same = strings.filter((l) => theirs.get(l.path) === l.value);
      expect(same.length / strings.length).toBeLessThan(0.05);
      expect(
        leaves(catalogues[lang]).some((l) => typeof l.value === 'string' && /[\u4e00-\u9fff]/.test(l.value)),
      ).toBe(true);
    });
  }

  it('zh-CN and zh-TW are two catalogues, not one copied', () => {
    const cn = new Map(leaves(catalogues['zh-CN']).map((l) => [l.path, l.value]));
    const tw = leaves(catalogues['zh-TW']).filter(
      (l) => typeof l.value === 'string' && /[\u4e00-\u9fff]/.test(l.value),
    );
    const same = tw.filter((l) => cn.get(l.path) === l.value);
    expect(same.length / tw.length).toBeLessThan(0.5);
  });

  it('the pack and kpi (terminal, md, csv, xlsx) say a status in the same words (issue 12, contradiction 4)', () => {
    const word = (s: string) => s.replace(/^[^\p{L}]+/u, '').toLowerCase();
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as CatalogueLang[]) {
      const c = catalogues[lang];
      for (const k of ['on-track', 'at-risk', 'off-track', 'met', 'not-met'] as const)
        expect(word(c.pack.statusWords[k]), `${lang} ${k}`).toBe(word(c.kpi.words.status[k]));
    }
    expect(catalogues['zh-CN'].kpi.words.status['at-risk']).toBe('! 预警');
  });
});
