/**
 * The bytes of a JSON print go out as they are exactly when terminalSafeJson would leave the text as it is: the
 * search of the bytes finds every character the regular expression finds, and no other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, safeJsonBytes, writeJson } from '../../src/cli/json-bytes.js';
import { terminalSafeJson } from '../../src/core/text.js';

// The edges of each range terminalSafeJson escapes, their neighbours, and characters whose UTF-8 shares a lead
// byte with them (C2 A0, E2 80 94 —, E2 80 A6 …, E2 80 AF, E2 81 A5, E2 81 AA), CJK, an emoji, C0 controls.
const CHARS = [
  'a',
  '"',
  '\n',
  '\u0000',
  '\u001b',
  '\u007e',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\u00a0',
  '¥',
  '—',
  '…',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u202f',
  '\u2065',
  '\u2066',
  '\u2069',
  '\u206a',
  '华',
  '东',
  '😀',
];

describe('safeJsonBytes', () => {
  it('is undefined where terminalSafeJson escapes, else the UTF-8 of the same text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }), { maxLength: 6 }),
        (parts) => {
          const json = JSON.stringify(
            { rows: parts.map((p) => ({ region: p.join(''), actual: 1.5 })) },
            null,
            2,
          );
          const bytes = safeJsonBytes(json);
          if (terminalSafeJson(json) === json) expect(Buffer.from(bytes!).toString('utf8')).toBe(json);
          else expect(bytes).toBeUndefined();
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('finds each kind at the end of a long text too', () => {
    const long = JSON.stringify({ region: '华东'.repeat(100_000) });
    // {"region":" (11 bytes), 200,000 CJK characters of 3 bytes, "} (2).
    expect(safeJsonBytes(long)?.length).toBe(600_013);
    for (const c of ['\u007f', '\u0085', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069'])
      expect(safeJsonBytes(`${long}${JSON.stringify(c)}`), c.codePointAt(0)!.toString(16)).toBeUndefined();
    for (const c of ['\u00a0', '—', '…', '\u202f', '\u2065', '\u206a'])
      expect(safeJsonBytes(`${long}${JSON.stringify(c)}`), c.codePointAt(0)!.toString(16)).toBeDefined();
  });
});

describe('jsonPieces and writeJson', () => {
  const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((cs) => cs.join(''));
  const row = fc.record({
    metric: text,
    group: fc.dictionary(fc.constantFrom('region', 'rep', 'a[\n'), text),
    actual: fc.oneof(fc.double({ noNaN: true }), fc.constant(null)),
    nested: fc.array(fc.array(fc.integer(), { maxLength: 2 }), { maxLength: 2 }),
  });
  const result = fc.record({
    schema: text,
    rows: fc.array(row, { maxLength: 40 }),
    totals: fc.array(row, { maxLength: 2 }),
    warnings: fc.array(text, { maxLength: 2 }),
  });

  it('join to exactly JSON.stringify(value, null, 2) and a newline, in chunks of any size', () => {
    fc.assert(
      fc.property(result, fc.integer({ min: 1, max: 7 }), (value, per) => {
        expect([...jsonPieces(value, 'rows', per)].join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the bytes of that text, or its escaped text when it holds what terminalSafeJson escapes', () => {
    fc.assert(
      fc.property(result, (value) => {
        const parts: string[] = [];
        writeJson(value, 'rows', (p) =>
          parts.push(typeof p === 'string' ? p : Buffer.from(p).toString('utf8')),
        );
        expect(parts.join('')).toBe(terminalSafeJson(`${JSON.stringify(value, null, 2)}\n`));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a large breakdown in parts of about a million characters', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      metric: 'revenue',
      group: { rep: `销售${i}` },
      actual: i / 7,
    }));
    const value = { schema: 'salesmeet.kpi/1', rows, totals: [] };
    const parts: Uint8Array[] = [];
    writeJson(value, 'rows', (p) => parts.push(p as Uint8Array));
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.concat(parts).toString('utf8')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});
