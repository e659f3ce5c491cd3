import { mkdir, stat } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { OverwriteError } from '../core/errors.js';
import { defineMessages } from '../core/i18n/messages.js';

const m = defineMessages({
  en: {
    refuse: 'refusing to overwrite {file}',
    refuseMany: 'refusing to overwrite {count} existing files: {files}',
    refuseHint: 'it is your file and it already exists; pass --force to replace it',
  },
  'zh-CN': {
    refuse: '拒绝覆盖 {file}',
    refuseMany: '拒绝覆盖 {count} 个已有文件：{files}',
    refuseHint: '这是已存在的用户文件；如确需替换，请加 --force',
  },
  'zh-TW': {
    refuse: '拒絕覆寫 {file}',
    refuseMany: '拒絕覆寫 {count} 個既有檔案：{files}',
    refuseHint: '這是已存在的使用者檔案；如確需取代，請加上 --force',
  },
});

/**
 * `user` files (meeting.yaml, minutes.yaml) are never overwritten without --force; `generated` files (out/)
 * are reproducible and are replaced freely.
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

/**
 * Decides what each write would do. Throws OverwriteError (exit 4) naming every user file that exists when
 * `force` is false; nothing is written in that case.
 */
export async function planWrites(
  files: PlannedFile[],
  dirs: PlannedDir[],
  options: { force: boolean; cwd?: string },
): Promise<WritePlan> {
  const plan: WritePlan = { files: [], dirs: [] };
  const refused: string[] = [];
  for (const d of dirs)
    plan.dirs.push({ path: d.path, action: (await exists(d.path)) ? 'exists' : 'create' });
  for (const f of files) {
    const e = await exists(f.path);
    if (e && f.kind === 'user' && !options.force) refused.push(f.path);
    plan.files.push({ ...f, action: e ? 'overwrite' : 'create' });
  }
  if (refused.length > 0) {
    const shown = refused.map((p) => relative(options.cwd ?? process.cwd(), p) || p);
    const text =
      shown.length === 1
        ? m.refuse({ file: shown[0] })
        : m.refuseMany({ count: shown.length, files: shown.join(', ') });
    throw new OverwriteError('write.refused', text, { hint: m.refuseHint(), location: { file: shown[0] } });
  }
  return plan;
}

/** Writes a file atomically: a temp file in the same folder, fsync, rename. Creates parent folders. */
export async function writeAtomic(path: string, content: string | Uint8Array, mode?: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, typeof content === 'string' ? content : Buffer.from(content), {
    fsync: true,
    ...(mode === undefined ? {} : { mode }),
  });
}

/** Carries out a plan made by planWrites. */
export async function commitWrites(plan: WritePlan): Promise<void> {
  for (const d of plan.dirs) await mkdir(d.path, { recursive: true });
  for (const f of plan.files) await writeAtomic(f.path, f.content, f.mode);
}
