/**
 * Loads a CommonJS script (the CLI's bundle, ECharts, docx) with a V8 code cache, so that a command does not
 * compile the same megabytes of JavaScript at every start (issue 14). Node 22.1+ has a cache of its own for
 * modules; Node 20 has none, and a script run through `vm.Script` is the one way to hand V8 a cache there.
 *
 * - The cache is V8's own serialised bytecode, written when the process ends after a successful command, so
 *   that it holds the functions the command ran, not only the top level. V8 checks it against its own version,
 *   flags and the source's length and refuses a stale one; the file name also carries a checksum of the source
 *   and the Node version, so a rebuild or another Node starts a new file.
 * - Where: `$SALESMEET_CODE_CACHE`, or a folder of the user's own in the OS temp folder
 *   (`salesmeet-code-cache-<uid>`, made private; a folder owned by someone else, or open to others, is not
 *   used). `SALESMEET_CODE_CACHE=off` or Node's `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 * - It only ever speeds up: a folder that cannot be made or written, a damaged or refused file, a full disk —
 *   the script is compiled from its source and the command goes on.
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/** The folder for the cache files, or undefined when the cache is off or no safe folder can be had. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.SALESMEET_CODE_CACHE;
  if (set === 'off' || env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined;
  const uid = process.getuid?.();
  const dir = set
    ? set
    : join(tmpdir(), uid === undefined ? 'salesmeet-code-cache' : `salesmeet-code-cache-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const s = statSync(dir);
    if (!s.isDirectory()) return undefined;
    // Only a folder of this user's that others cannot write: cached bytecode is code that will run.
    if (uid !== undefined && (s.uid !== uid || (s.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

interface Pending {
  script: Script;
  file: string;
  /** The start of the names of this script's earlier caches (another build, another Node): removed. */
  stem: string;
}

const pending: Pending[] = [];
let flushing = false;

/**
 * Runs a CommonJS file as the module system would (`exports`, `require`, `module`, `__filename`, `__dirname`)
 * and returns its exports. `key` tells apart caches of one file used by different commands (each command's
 * cache holds the functions that command ran).
 */
export function loadScript<T = unknown>(file: string, key = '', env: NodeJS.ProcessEnv = process.env): T {
  const source = readFileSync(file, 'utf8');
  const dir = codeCacheDir(env);
  const tag = crc32(`${process.version} ${process.arch} ${source.length}`, crc32(source)).toString(16);
  const stem = `${basename(file)}${key ? `-${key}` : ''}-`;
  const cacheFile = dir && join(dir, `${stem}${tag}.bin`);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    pending.push({ script, file: cacheFile, stem });
    if (!flushing) {
      flushing = true;
      process.once('exit', (code) => {
        if (code === 0) writeCaches();
      });
    }
  }
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** Writes the caches of the scripts loaded without one; each atomically (a temporary file renamed). */
function writeCaches(): void {
  for (const p of pending.splice(0)) {
    const temp = `${p.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, p.script.createCachedData(), { mode: 0o600 });
      renameSync(temp, p.file);
      const dir = dirname(p.file);
      for (const name of readdirSync(dir))
        if (
          name.startsWith(p.stem) &&
          join(dir, name) !== p.file &&
          /^[0-9a-f]+\.bin$/.test(name.slice(p.stem.length))
        )
          unlinkSync(join(dir, name));
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // nothing was written
      }
    }
  }
}
