import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { InputError, OverwriteError } from '../core/errors.js';
import { messagesOf } from '../core/i18n/messages.js';

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
  files: WritePlanEntry[];
  dirs: { path: string; action: 'create' | 'exists' }[];
}

async function exists(path: string): Promise<'file' | 'dir' | false> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return false;
  }
}

export const MANIFEST = '.salesmeet-generated.json';

interface Manifest {
  schema: 'salesmeet.generated/1';
  files: Record<string, string>;
}

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
  const plan: WritePlan = { files: [], dirs: [] };
  const shown = (p: string) => relative(options.cwd ?? process.cwd(), p) || p;
  const refused: string[] = [];
  const edited: string[] = [];
  const manifests = new Map<string, Manifest>();
  if (options.root) {
    for (const f of files) await checkInside(f.path, options.root, shown);
    for (const d of dirs) await checkInside(d.path, options.root, shown);
  }
  for (const d of dirs)
    plan.dirs.push({ path: d.path, action: (await exists(d.path)) ? 'exists' : 'create' });
  for (const f of files) {
    const e = await exists(f.path);
    if (!e) {
      plan.files.push({ ...f, action: 'create' });
      continue;
    }
    if (e === 'dir') {
      throw new InputError('write.isDirectory', m.refuse({ file: shown(f.path) }), {
        location: { file: shown(f.path) },
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
    const recorded = manifests.get(dir)!.files[basename(f.path)];
    if (recorded !== current && !options.force) edited.push(f.path);
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

const TEMP_RE = /^\.(.+)\.salesmeet-(\d+)-\d+\.tmp$/;
let tempCounter = 0;

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

/**
 * Writes a file atomically: the content goes to a temp file in the same folder, is flushed to disk, and is then
 * renamed over the target, so a reader (or a crash) sees the old file or the new one, never half of one. A failed
 * write removes its temp file. Creates parent folders.
 */
export async function writeAtomic(path: string, content: string | Uint8Array, mode?: number): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir);
  const temp = join(dir, `.${basename(path)}.salesmeet-${process.pid}-${++tempCounter}.tmp`);
  let keepMode = mode;
  if (keepMode === undefined) {
    try {
      keepMode = (await stat(path)).mode & 0o777;
    } catch {
      keepMode = 0o666 & ~process.umask();
    }
  }
  const handle = await open(temp, 'wx', keepMode);
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
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  // Make the rename itself durable.
  const d = await open(dir, 'r').catch(() => undefined);
  if (d) {
    await d.sync().catch(() => {});
    await d.close();
  }
}

/** Carries out a plan made by planWrites, and records what it generated. */
export async function commitWrites(plan: WritePlan): Promise<void> {
  for (const d of plan.dirs) await mkdir(d.path, { recursive: true });
  const generated = new Map<string, Record<string, string>>();
  for (const f of plan.files) {
    if (f.action !== 'unchanged') await writeAtomic(f.path, f.content, f.mode);
    if (f.kind === 'generated') {
      const dir = dirname(f.path);
      if (!generated.has(dir)) generated.set(dir, {});
      generated.get(dir)![basename(f.path)] = sha256(f.content);
    }
  }
  for (const [dir, files] of generated) {
    const manifest = await readManifest(dir);
    Object.assign(manifest.files, files);
    const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b)));
    await writeAtomic(
      join(dir, MANIFEST),
      `${JSON.stringify({ schema: 'salesmeet.generated/1', files: sorted }, null, 2)}\n`,
    );
  }
}
