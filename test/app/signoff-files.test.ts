/** A person's name as a file name: two different names never share a key or a signature file. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyFileStem } from '../../src/app/minutes-signoff.js';
import { tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/run-in.js';

const tmp = tempDir('salesmeet-stems-');
afterAll(tmp.cleanup);

describe('keyFileStem', () => {
  it('encodes what a file system could refuse or confuse, and nothing else', () => {
    expect(keyFileStem('王芳')).toBe('王芳');
    expect(keyFileStem('a_b')).toBe('a_b');
    expect(keyFileStem('a/b')).toBe('a%2Fb');
    expect(keyFileStem('a\\b')).toBe('a%5Cb');
    expect(keyFileStem('50%')).toBe('50%25');
    expect(keyFileStem('.hidden')).toBe('%2Ehidden');
    expect(keyFileStem('a:b*c?')).toBe('a%3Ab%2Ac%3F');
    // NFD and NFC spellings of one name are one file.
    expect(keyFileStem('Zoe\u0308')).toBe(keyFileStem('Zoë'));
  });

  it('a/b and a_b get a key file each', async () => {
    const keys = join(tmp.dir, 'keys');
    for (const name of ['a/b', 'a_b', 'a%2Fb'])
      expect(
        (await runIn(['keys', 'generate', '--as', name], { cwd: tmp.dir, env: { SALESMEET_KEYS_DIR: keys } }))
          .code,
      ).toBe(0);
    expect(readdirSync(keys).sort()).toEqual(
      ['a%252Fb.key', 'a%252Fb.pub', 'a%2Fb.key', 'a%2Fb.pub', 'a_b.key', 'a_b.pub'].sort(),
    );
  });
});
