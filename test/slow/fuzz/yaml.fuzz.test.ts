import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SalesmeetError } from '../../../src/core/errors.js';
import { meetingSchema } from '../../../src/core/meeting/schema.js';
import { minutesSchema } from '../../../src/core/minutes/schema.js';
import { validate } from '../../../src/core/validate.js';
import { parseYaml } from '../../../src/io/yaml.js';

// Random YAML through the same entry point `check` and every command use: the only acceptable outcomes are a
// value or a SalesmeetError with a position — never a crash, a hang or a stack trace for the user.
// CI runs a fixed seed so that a green run stays green; `npm run fuzz` (FUZZ_RUNS set) explores new seeds, and
// FUZZ_SEED replays a reported failure.
const seed = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.FUZZ_RUNS
    ? undefined
    : 20261123;
const runs = Number(process.env.FUZZ_RUNS ?? 1500);

const fragments = [
  'title: ',
  'type: ',
  'date: ',
  'start: ',
  'attendees:\n',
  '  - name: ',
  '    role: ',
  'agenda:\n',
  '  - { title: a, minutes: ',
  ' }\n',
  'topics: [',
  ']\n',
  '{',
  '}',
  '[',
  ']',
  '&a ',
  '*a',
  '!!str ',
  '!!js/function ',
  '%YAML 1.1\n---\n',
  '---\n',
  '...\n',
  '"',
  "'",
  '\t',
  '\n',
  ': ',
  '- ',
  '# c\n',
  '09:30',
  '0800',
  '2026-06-30',
  '1e400',
  '-.inf',
  '.nan',
  'null',
  '~',
  '\u0000',
  '\uFEFF',
  '周会',
  '\\u00e9',
  '|\n  ',
  '>-\n  ',
  '<<: *a\n',
  '? ',
];

function check(text: string) {
  for (const schema of [meetingSchema, minutesSchema]) {
    try {
      const y = parseYaml(text, 'fuzz.yaml');
      const r = validate(schema as never, y.data, 'fuzz.yaml', y.positionOf);
      if (!r.ok) {
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.message('en').length).toBeGreaterThan(0);
          expect(p.message('zh-CN').length).toBeGreaterThan(0);
        }
      }
    } catch (error) {
      if (!(error instanceof SalesmeetError)) throw error;
      expect(error.text('en')).not.toMatch(/undefined|\[object Object\]/);
    }
  }
}

describe('fuzz: YAML entry point', () => {
  it('random fragments of meeting-like YAML give a value or a clean error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        (parts, noise) => {
          check(parts.join('') + noise);
        },
      ),
      { numRuns: runs, seed },
    );
  });

  it('arbitrary unicode text gives a value or a clean error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => check(text)),
      { numRuns: runs, seed },
    );
  });

  it('random JSON values serialised as YAML flow give a value or a clean error', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) =>
        check(`title: x\nextra: ${JSON.stringify(value)}\nagenda: ${JSON.stringify(value)}\n`),
      ),
      { numRuns: Math.ceil(runs / 3), seed },
    );
  });
});
