/**
 * The bytes of a JSON print go out as they are exactly when terminalSafeJson would leave the text as it is: the
 * search of the bytes finds every character the regular expression finds, and no other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJsonBytes } from '../../src/cli/json-bytes.js';
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
