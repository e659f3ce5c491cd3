import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../../src/io/zip-write.js';
import { tempDir } from '../helpers/cli.js';

const parts = [
  { name: '[Content_Types].xml', data: Buffer.from(`<?xml version="1.0"?>${'<a>纪要</a>'.repeat(200)}`) },
  { name: 'word/empty.xml', data: new Uint8Array(0) },
  { name: 'word/一.bin', data: Uint8Array.from([1, 2, 3]) },
];

describe('zipParts', () => {
  it('writes a zip JSZip reads back: every part, its bytes and date, in order', async () => {
    const date = new Date(Date.UTC(2026, 6, 10, 9, 30, 14));
    const zip = await JSZip.loadAsync(zipParts(parts, date));
    expect(Object.keys(zip.files)).toEqual(parts.map((p) => p.name));
    for (const p of parts) {
      const file = zip.file(p.name)!;
      expect(Buffer.from(await file.async('uint8array'))).toEqual(Buffer.from(p.data));
      expect(file.date.toISOString()).toBe('2026-07-10T09:30:14.000Z');
    }
  });

  it.skipIf(!execFileSync('sh', ['-c', 'command -v unzip || true'], { encoding: 'utf8' }).trim())(
    'passes unzip -t (deflated parts smaller, tiny ones stored)',
    () => {
      const tmp = tempDir();
      try {
        const file = join(tmp.dir, 'a.zip');
        const bytes = zipParts(parts, new Date());
        writeFileSync(file, bytes);
        expect(bytes.length).toBeLessThan(parts[0]!.data.length / 4);
        expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
      } finally {
        tmp.cleanup();
      }
    },
  );
});
