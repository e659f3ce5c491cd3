import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../core/errors.js';
import { messagesOf } from '../core/i18n/messages.js';

const m = messagesOf((c) => c.io.lock);

/** What a lock file holds: who took it, so a waiting process can tell a live holder from a crashed one. */
interface Holder {
  pid: number;
  host: string;
  at: string;
  token: string;
}

export interface LockOptions {
  /** How long to wait for another process to finish (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is taken to be left by a crash even when its holder cannot be checked (default 10 min). */
  staleMs?: number;
  /** The file as shown in messages. */
  shown?: string;
}

const HOST = hostname();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<{ holder?: Holder; text?: string; mtimeMs?: number }> {
  try {
    const [text, s] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let holder: Holder | undefined;
    try {
      holder = JSON.parse(text) as Holder;
    } catch {
      holder = undefined;
    }
    return { holder, text, mtimeMs: s.mtimeMs };
  } catch {
    return {};
  }
}

/** True when the holder is known to be gone: a dead process on this machine, or a lock older than `staleMs`. */
function isStale(h: { holder?: Holder; mtimeMs?: number }, staleMs: number): boolean {
  if (h.mtimeMs === undefined) return false;
  if (h.holder && h.holder.host === HOST && typeof h.holder.pid === 'number') return !alive(h.holder.pid);
  return Date.now() - h.mtimeMs > staleMs;
}

async function tryCreate(path: string, content: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o644);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a lock left by a crashed process. Breakers take a second lock (`<lock>.break`) and re-read the lock
 * under it, so two waiting processes can never both remove it — the second would otherwise delete the lock the
 * first has just taken. A breaker that itself crashed is cleared after a few seconds.
 */
async function breakStale(lock: string, seenText: string): Promise<void> {
  const breaker = `${lock}.break`;
  if (!(await tryCreate(breaker, String(process.pid)))) {
    const b = await readHolder(breaker);
    if (b.mtimeMs !== undefined && Date.now() - b.mtimeMs > 5_000) await unlink(breaker).catch(() => {});
    return;
  }
  try {
    const now = await readHolder(lock);
    if (now.text === seenText) await unlink(lock).catch(() => {});
  } finally {
    await unlink(breaker).catch(() => {});
  }
}

/**
 * Runs `fn` holding an advisory lock on `path` (the file `<path>.lock` beside it, created exclusively). Every
 * salesmeet command that reads, changes and writes back a shared file takes it, so two processes never interleave.
 * A lock left by a crash (its process is gone) is cleared; a live holder is waited for up to `timeoutMs`, then the
 * command stops with exit 3 naming the holder.
 */
export async function withLock<T>(path: string, fn: () => Promise<T>, o: LockOptions = {}): Promise<T> {
  const lock = `${path}.lock`;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const staleMs = o.staleMs ?? 10 * 60_000;
  const me: Holder = {
    pid: process.pid,
    host: HOST,
    at: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const mine = `${JSON.stringify(me)}\n`;
  const started = Date.now();
  let wait = 5;
  for (;;) {
    if (await tryCreate(lock, mine)) break;
    const seen = await readHolder(lock);
    if (seen.text !== undefined && isStale(seen, staleMs)) {
      await breakStale(lock, seen.text);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      const shown = o.shown ?? path;
      throw new InputError(
        'write.locked',
        m.busy({
          file: shown,
          pid: seen.holder?.pid ?? '?',
          host: seen.holder?.host ?? '?',
          since: seen.holder?.at ?? '?',
          seconds: Math.round(timeoutMs / 1000),
        }),
        { location: { file: shown }, hint: m.busyHint({ lock: `${shown}.lock` }) },
      );
    }
    await sleep(wait + Math.floor(Math.random() * wait));
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await fn();
  } finally {
    // Remove the lock only if it is still ours (a breaker could only have removed it had we crashed).
    const now = await readHolder(lock);
    if (now.text === mine) await unlink(lock).catch(() => {});
  }
}

/** The error for a file that changed under us: someone saved it outside salesmeet while we worked. */
export function changedUnderUs(shown: string): InputError {
  return new InputError('write.changedMeanwhile', m.changed({ file: shown }), {
    location: { file: shown },
    hint: m.changedHint(),
  });
}

export const lockMessages = m;
