import { createHash } from 'node:crypto';
import {
  link,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { InputError, OverwriteError, SalesmeetError } from '../core/errors.js';
import { messagesOf } from '../core/i18n/messages.js';
import { changedUnderUs, withLock } from './lock.js';

const m = messagesOf((c) => c.io.write);

/**
 * `user` files (meeting.yaml, minutes.yaml, a file named with --out) are never overwritten without --force.
 * `generated` files (under out/) are rebuilt freely — unless someone edited one by hand since salesmeet wrote it:
 * each folder of generated files keeps the SHA-256 of what salesmeet wrote in `.salesmeet-generated.json`, and a
 * file whose content no longer matches (or that salesmeet did not write) is refused without --force.
 */
export type FileKind = 'user' | 'generated';

export interface PlannedFile {
  path: string;
  content: string | Uint8Array;
  kind: FileKind;
  mode?: number;
}

export interface PlannedDir {
  path: string;
}

export type WriteAction = 'create' | 'overwrite' | 'unchanged';

export interface WritePlanEntry extends PlannedFile {
  action: WriteAction;
}

export interface WritePlan {
  /** Where paths are shown from in messages. */
  cwd?: string;
  files: WritePlanEntry[];
  dirs: { path: string; action: 'create' | 'exists' }[];
}

/** What is at `path`: a file, a folder, something else (a device, a socket), or nothing. */
export async function pathKind(path: string): Promise<'file' | 'dir' | 'other' | false> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch {
    return false;
  }
}

export const MANIFEST = '.salesmeet-generated.json';

/**
 * What salesmeet wrote in one folder: file name → SHA-256. While a write is under way the entry lists both the old
 * and the new hash, so a crash between renaming a file and recording it never makes the file look edited by hand.
 */
interface Manifest {
  schema: 'salesmeet.generated/1';
  files: Record<string, string | string[]>;
}

const accepted = (entry: string | string[] | undefined): string[] =>
  entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

async function readManifest(dir: string): Promise<Manifest> {
  try {
    const m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
    if (m && typeof m.files === 'object') return m;
  } catch {
    // no manifest yet, or unreadable: nothing is known to be ours
  }
  return { schema: 'salesmeet.generated/1', files: {} };
}

/**
 * Whether a generated file exists and is exactly what salesmeet last wrote there: false for a file edited by hand,
 * or one salesmeet did not write (the files planWrites would refuse without --force), and for a missing file.
 */
export async function isAsGenerated(path: string): Promise<boolean> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch {
    return false;
  }
  const manifest = await readManifest(dirname(path));
  return accepted(manifest.files[basename(path)]).includes(sha256(content));
}

/**
 * Removes a generated file that is still exactly what salesmeet last wrote there (a chart a later run no longer
 * draws); a file edited by hand or not written by salesmeet is left alone. True when it was removed.
 */
export async function removeIfGenerated(path: string): Promise<boolean> {
  if (!(await isAsGenerated(path))) return false;
  await unlink(path);
  return true;
}

/** The nearest existing ancestor of a path, resolved through links. */
async function realAncestor(path: string): Promise<string> {
  let p = path;
  for (;;) {
    try {
      return await realpath(p);
    } catch {
      const up = dirname(p);
      if (up === p) return p;
      p = up;
    }
  }
}

/** Refuses a path outside `root` (by `..`, an absolute path or a symbolic link) and writing through a link. */
async function checkInside(path: string, root: string, shown: (p: string) => string): Promise<void> {
  const abs = resolve(path);
  const rootAbs = resolve(root);
  const realRoot = await realAncestor(rootAbs);
  const inside = (p: string, r: string) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
  const realParent = await realAncestor(dirname(abs));
  if (!inside(abs, rootAbs) || !inside(realParent, realRoot)) {
    throw new InputError('write.outside', m.outside({ file: shown(abs), root: shown(rootAbs) || '.' }), {
      location: { file: shown(abs) },
    });
  }
  try {
    if ((await lstat(abs)).isSymbolicLink()) {
      throw new InputError('write.symlink', m.symlink({ file: shown(abs) }), {
        location: { file: shown(abs) },
      });
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
  }
}

/**
 * Decides what each write would do. Throws OverwriteError (exit 4) naming every user file that exists, and every
 * generated file edited by hand, when `force` is false; nothing is written in that case. With `root`, every path
 * must stay inside that folder.
 */
export async function planWrites(
  files: PlannedFile[],
  dirs: PlannedDir[],
  options: { force: boolean; cwd?: string; root?: string },
): Promise<WritePlan> {
  const plan: WritePlan = { cwd: options.cwd, files: [], dirs: [] };
  const shown = (p: string) => relative(options.cwd ?? process.cwd(), p) || p;
  const refused: string[] = [];
  const edited: string[] = [];
  const manifests = new Map<string, Manifest>();
  if (options.root) {
    for (const f of files) await checkInside(f.path, options.root, shown);
    for (const d of dirs) await checkInside(d.path, options.root, shown);
  }
  for (const d of dirs)
    plan.dirs.push({ path: d.path, action: (await pathKind(d.path)) ? 'exists' : 'create' });
  for (const f of files) {
    const e = await pathKind(f.path);
    if (!e) {
      plan.files.push({ ...f, action: 'create' });
      continue;
    }
    if (e === 'dir') {
      throw new InputError('write.isDirectory', m.refuse({ file: shown(f.path) }), {
        location: { file: shown(f.path) },
      });
    }
    if (e === 'other') {
      throw new InputError('write.notRegular', m.notRegular({ file: shown(f.path) }), {
        location: { file: shown(f.path) },
        hint: m.notRegularHint(),
      });
    }
    if (f.kind === 'user') {
      if (!options.force) refused.push(f.path);
      plan.files.push({ ...f, action: 'overwrite' });
      continue;
    }
    const dir = dirname(f.path);
    if (!manifests.has(dir)) manifests.set(dir, await readManifest(dir));
    const current = sha256(await readFile(f.path));
    const recorded = accepted(manifests.get(dir)!.files[basename(f.path)]);
    if (!recorded.includes(current) && !options.force) edited.push(f.path);
    plan.files.push({ ...f, action: current === sha256(f.content) ? 'unchanged' : 'overwrite' });
  }
  if (refused.length > 0) {
    const list = refused.map(shown);
    const text =
      list.length === 1
        ? m.refuse({ file: list[0] })
        : m.refuseMany({ count: list.length, files: list.join(', ') });
    throw new OverwriteError('write.refused', text, { hint: m.refuseHint(), location: { file: list[0] } });
  }
  if (edited.length > 0) {
    throw new OverwriteError('write.edited', m.edited({ file: edited.map(shown).join(', ') }), {
      hint: m.editedHint(),
      location: { file: shown(edited[0]!) },
    });
  }
  return plan;
}

const TEMP_RE = /^\.(.*)\.salesmeet-(\d+)-\d+\.tmp$/;
let tempCounter = 0;

/**
 * Fault injection for the crash tests: `SALESMEET_CRASH_AFTER_RENAME=N` kills the process (SIGKILL, no clean-up)
 * right after its N-th rename, so a test can stop a run at every write boundary and check what the next run says.
 */
const crashAfter = Number(process.env.SALESMEET_CRASH_AFTER_RENAME ?? 0);
let renames = 0;
function renamed(): void {
  if (crashAfter > 0 && ++renames === crashAfter) process.kill(process.pid, 'SIGKILL');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temp files that a killed salesmeet left beside its outputs (`.<name>.salesmeet-<pid>-<n>.tmp` of a
 * process that no longer runs), so an interrupted write leaves nothing behind for long.
 */
async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (m && Number(m[2]) !== process.pid && !alive(Number(m[2])))
      await unlink(join(dir, name)).catch(() => {});
  }
}

/** The temp file's name: the target's name cut so the whole stays within the 255-byte limit of file names. */
function tempName(target: string): string {
  const suffix = `.salesmeet-${process.pid}-${++tempCounter}.tmp`;
  let stem = basename(target);
  while (Buffer.byteLength(`.${stem}${suffix}`) > 255) stem = stem.slice(0, -1);
  return `.${stem}${suffix}`;
}

export interface AtomicOptions {
  mode?: number;
  /** Create the file only if it does not exist yet (another process creating it meanwhile is refused, exit 4). */
  exclusive?: boolean;
  /** The SHA-256 the file must still have just before it is replaced (null: it must not exist). */
  expect?: string | null;
  /** The file as shown in messages. */
  shown?: string;
}

async function currentHash(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes a file atomically: the content goes to a temp file in the same folder, is flushed to disk, and is then
 * renamed over the target, so a reader (or a crash) sees the old file or the new one, never half of one. A failed
 * write removes its temp file. Creates parent folders. With `exclusive`, the temp file is linked to the target
 * instead, which fails if the target appeared meanwhile; with `expect`, the target is checked just before.
 */
export async function writeAtomic(
  path: string,
  content: string | Uint8Array,
  options: number | AtomicOptions = {},
): Promise<void> {
  const o: AtomicOptions = typeof options === 'number' ? { mode: options } : options;
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir);
  const temp = join(dir, tempName(path));
  let keepMode = o.mode;
  if (keepMode === undefined) {
    try {
      keepMode = (await stat(path)).mode & 0o777;
    } catch {
      keepMode = 0o666 & ~process.umask();
    }
  }
  const handle = await open(temp, 'wx', keepMode).catch((error: unknown) => {
    throw asWriteError(error, path);
  });
  try {
    await handle.writeFile(typeof content === 'string' ? content : Buffer.from(content));
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    if (o.expect !== undefined && (await currentHash(path)) !== o.expect)
      throw changedUnderUs(o.shown ?? path);
    if (o.exclusive) await linkExclusive(temp, path, o.shown ?? path);
    else await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw asWriteError(error, path);
  }
  renamed();
  // Make the rename itself durable.
  const d = await open(dir, 'r').catch(() => undefined);
  if (d) {
    await d.sync().catch(() => {});
    await d.close();
  }
}

/** A file-system failure on our temp file, told about the file the user named (`cannot write out/x.xlsx: …`). */
function asWriteError(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (!(error instanceof Error) || typeof code !== 'string' || error instanceof SalesmeetError) return error;
  return Object.assign(new Error(`${code}: cannot write ${path}`, { cause: error }), {
    code,
    path,
    syscall: 'write',
  });
}

/** Puts `temp` at `path` only if nothing is there (a hard link fails on an existing name); removes `temp`. */
async function linkExclusive(temp: string, path: string, shown: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST')
      throw new OverwriteError('write.appeared', m.appeared({ file: shown }), {
        location: { file: shown },
        hint: m.refuseHint(),
      });
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    if ((await pathKind(path)) !== false)
      throw new OverwriteError('write.appeared', m.appeared({ file: shown }), { location: { file: shown } });
    await rename(temp, path);
    return;
  }
  await unlink(temp).catch(() => {});
}

async function writeManifest(dir: string, files: Record<string, string | string[]>): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  await writeAtomic(
    join(dir, MANIFEST),
    `${JSON.stringify({ schema: 'salesmeet.generated/1', files: sorted }, null, 2)}\n`,
  );
}

/** Changes a folder's record of generated files under its lock, so concurrent runs never drop each other's entries. */
async function updateManifest(
  dir: string,
  change: (files: Record<string, string | string[]>) => Promise<void> | void,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await withLock(join(dir, MANIFEST), async () => {
    const manifest = await readManifest(dir);
    await change(manifest.files);
    await writeManifest(dir, manifest.files);
  });
}

/**
 * Carries out a plan made by planWrites, and records what it generated. New files are created exclusively (two
 * runs creating the same user file: the second is refused, exit 4). Generated files are recorded in two steps — both
 * hashes before the rename, the new one after — so a crash at any point leaves every file recognised as ours.
 */
export async function commitWrites(plan: WritePlan): Promise<void> {
  for (const d of plan.dirs) await mkdir(d.path, { recursive: true });
  const generated = new Map<string, Map<string, string>>();
  for (const f of plan.files) {
    if (f.kind !== 'generated') continue;
    const dir = dirname(f.path);
    if (!generated.has(dir)) generated.set(dir, new Map());
    generated.get(dir)!.set(basename(f.path), sha256(f.content));
  }
  for (const [dir, files] of generated)
    await updateManifest(dir, (all) => {
      for (const [name, hash] of files) all[name] = [...new Set([...accepted(all[name]), hash])];
    });
  for (const f of plan.files) {
    if (f.action === 'unchanged') continue;
    const shown = relative(plan.cwd ?? process.cwd(), f.path) || f.path;
    await writeAtomic(f.path, f.content, {
      mode: f.mode,
      exclusive: f.action === 'create' && f.kind === 'user',
      shown,
    });
  }
  for (const [dir, files] of generated)
    await updateManifest(dir, async (all) => {
      for (const [name, hash] of files) {
        // Record what is there now: ours, or another run's that finished after us (also in the list).
        const now = await currentHash(join(dir, name));
        all[name] = now !== null && accepted(all[name]).includes(now) ? now : hash;
      }
    });
}

/**
 * Changes a user's file that other processes may change too (actions.yaml, a signature list): under the file's
 * lock, reads the saved text, applies `edit` to it, and writes the result atomically — checking just before the
 * rename that nobody saved the file meanwhile (exit 3 if so). Concurrent salesmeet runs queue on the lock, so each
 * edit is applied to the text the previous one left: no update is lost.
 */
export async function updateUserFile(
  path: string,
  edit: (text: string | undefined) => Promise<string> | string,
  o: { shown: string; dryRun?: boolean },
): Promise<{ before: string | undefined; after: string }> {
  return withLock(
    path,
    async () => {
      let before: string | undefined;
      try {
        before = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      }
      const after = await edit(before);
      if (!o.dryRun)
        await writeAtomic(path, after, {
          expect: before === undefined ? null : sha256(before),
          exclusive: before === undefined,
          shown: o.shown,
        });
      return { before, after };
    },
    { shown: o.shown },
  );
}
