/**
 * The floors of the code hold: `cli → app → io / render → core`, no import runs back up, `core` touches no
 * file, console or clock, and `i18n` (the message catalogues) is pure data any floor may read (so every number it computes is testable from a table). Read from the sources'
 * import statements, so a new file that breaks the rule fails here, not in review.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a file imports (static, dynamic and re-exports), relative ones resolved to a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)'([^']+)'/g)) {
    const spec = m[1]!;
    out.push(
      spec.startsWith('.')
        ? relative(SRC, resolve(dirname(file), spec))
            .split(sep)
            .join('/')
        : spec,
    );
  }
  return out;
}

const floor = (path: string) => path.split('/')[0]!;
const ALL = files(SRC).map((f) => ({ file: relative(SRC, f).split(sep).join('/'), imports: importsOf(f) }));

describe('the floors of the code', () => {
  it('reads the whole tree', () => {
    expect(ALL.filter((f) => floor(f.file) === 'core').length).toBeGreaterThan(30);
    expect(ALL.find((f) => f.file === 'core/kpi/compute.ts')?.imports).toContain('core/kpi/ingest.js');
  });

  it('core imports only core, the catalogues, zod and hashing', () => {
    const bad = ALL.filter((f) => floor(f.file) === 'core').flatMap((f) =>
      f.imports
        .filter((i) =>
          i.includes('/') && !i.startsWith('node:')
            ? !['core', 'i18n'].includes(floor(i))
            : !['zod', 'node:crypto'].includes(i),
        )
        .map((i) => `${f.file} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('i18n is pure data: it imports nothing outside i18n', () => {
    const i18n = ALL.filter((f) => floor(f.file) === 'i18n');
    expect(i18n.map((f) => f.file)).toEqual(
      expect.arrayContaining(['i18n/en.ts', 'i18n/zh-CN.ts', 'i18n/zh-TW.ts']),
    );
    const bad = i18n.flatMap((f) =>
      f.imports.filter((i) => floor(i) !== 'i18n').map((i) => `${f.file} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('core writes to no console and reads no clock', () => {
    const bad = ALL.filter((f) => floor(f.file) === 'core').flatMap((f) => {
      const code = readFileSync(join(SRC, f.file), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l));
      return code
        .filter((l) => /\bconsole\.|Date\.now\(\)|new Date\(\)/.test(l))
        .map((l) => `${f.file}: ${l.trim()}`);
    });
    expect(bad).toEqual([]);
  });

  it('io and render never import app or cli; app never imports cli', () => {
    const up: Record<string, string[]> = { io: ['app', 'cli'], render: ['app', 'cli'], app: ['cli'] };
    const bad = ALL.flatMap((f) =>
      f.imports.filter((i) => (up[floor(f.file)] ?? []).includes(floor(i))).map((i) => `${f.file} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('a command under cli/commands only parses and prints: no file system, no writes, no workbooks', () => {
    const commands = ALL.filter((f) => f.file.startsWith('cli/commands/'));
    expect(commands.length).toBeGreaterThan(20);
    const bad = commands.flatMap((f) => {
      const text = readFileSync(join(SRC, f.file), 'utf8');
      // Type-only imports (a WritePlan to print) are fine: they vanish at build time.
      const runtime = [
        ...text.matchAll(/import\s+(?!type\s)[^;]*?from\s*'([^']+)'|import\(\s*'([^']+)'/g),
      ].map((m) => m[1] ?? m[2]!);
      return runtime
        .filter((spec) => /^node:fs|\/io\/(write|excel\/|xlsx-)/.test(spec))
        .map((spec) => `${f.file} → ${spec}`);
    });
    expect(bad).toEqual([]);
  });

  it('zod is imported as a namespace, so the bundle leaves out what is not used (its locales)', () => {
    // `import { z } from 'zod'` hands esbuild zod's whole namespace object: all of zod and its 50 locales (582 KB
    // instead of 152 KB to compile at every start). `import * as z` lets it keep only what is used.
    const bad = ALL.flatMap((f) =>
      readFileSync(join(SRC, f.file), 'utf8')
        .split('\n')
        .filter(
          (l) =>
            /^import\s+(?!type\s)[^;]*from\s*'zod(\/[^']*)?'/.test(l) &&
            !/^import \* as z from 'zod';$/.test(l),
        )
        .map((l) => `${f.file}: ${l}`),
    );
    expect(bad).toEqual([]);
    expect(ALL.filter((f) => f.imports.includes('zod')).length).toBeGreaterThan(15);
  });
});
