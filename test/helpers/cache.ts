import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where large test inputs are kept between runs (outside the repository; the system may clear it). */
export const CACHE_DIR: string = join(tmpdir(), 'salesmeet-test-cache');

/**
 * The path of a generated test input, built on first use and kept. `name` carries a version: change it when the
 * recipe changes. Written to a temporary name and renamed, so a run stopped half-way never leaves a partial file.
 */
export async function cached(name: string, build: () => Promise<Buffer>): Promise<string> {
  const path = join(CACHE_DIR, name);
  if (existsSync(path)) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, await build());
  renameSync(temp, path);
  return path;
}
