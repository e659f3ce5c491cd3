import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { fingerprint } from '../core/signoff/keys.js';
import { generateKeyPair } from '../io/keypair.js';
import { commitWrites, type PlannedFile, planWrites, type WritePlan } from '../io/write.js';
import type { LangFor } from './deps.js';
import { MEETING_FILE } from './meeting-folder.js';
import { keyFileStem, PUBLIC_KEYS_DIR } from './minutes-signoff.js';

const m = messagesOf((c) => c.app.keys);

/** Where private keys live: $SALESMEET_KEYS_DIR, else $XDG_CONFIG_HOME/salesmeet/keys, else ~/.config/salesmeet/keys. */
export function runKeysDir(env: NodeJS.ProcessEnv): string {
  if (env.SALESMEET_KEYS_DIR) return resolve(env.SALESMEET_KEYS_DIR);
  const config = env.XDG_CONFIG_HOME ? resolve(env.XDG_CONFIG_HOME) : join(homedir(), '.config');
  return join(config, 'salesmeet', 'keys');
}

async function isMeetingFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, MEETING_FILE))).isFile();
  } catch {
    return false;
  }
}

export interface KeysGenerateResult {
  name: string;
  fingerprint: string;
  privateKey: string;
  publicKey: string;
  /** The copy of the public key registered in the meeting folder, when one was given. */
  registered?: string;
  /** The output language: `langFor` applied to the meeting folder's `lang` (when one was given). */
  lang: Lang;
  plan: WritePlan;
}

/**
 * Makes an Ed25519 key pair for NAME: the private key (PKCS#8 PEM, mode 0600) and its public key in the keys
 * folder, outside any meeting folder; with a meeting folder, the public key is also registered in its keys/.
 * An existing private key is never replaced without --force (exit 4).
 */
export async function runKeysGenerate(
  o: { name: string; dir?: string; force: boolean; dryRun: boolean },
  deps: { cwd: string; env: NodeJS.ProcessEnv; langFor: LangFor },
): Promise<KeysGenerateResult> {
  const name = o.name.normalize('NFC').trim();
  if (!name) throw new UsageError('usage.emptyName', m.emptyName());
  const keysDir = runKeysDir(deps.env);
  const stem = keyFileStem(name);
  let meetingDir: string | undefined;
  if (o.dir !== undefined) {
    meetingDir = resolve(deps.cwd, o.dir);
  } else if (await isMeetingFolder(deps.cwd)) meetingDir = deps.cwd;
  if (meetingDir && (keysDir === meetingDir || keysDir.startsWith(meetingDir + sep)))
    throw new UsageError(
      'keys.insideMeeting',
      m.inside({ keys: keysDir, dir: relative(deps.cwd, meetingDir) || '.' }),
      { hint: m.insideHint() },
    );
  let meetingLang: string | undefined;
  if (meetingDir) {
    // Only a real meeting folder gets a keys/ entry; loading it gives the usual errors otherwise.
    const { loadMeetingFolder } = await import('./meeting-folder.js');
    meetingLang = (await loadMeetingFolder(meetingDir, deps.cwd)).meeting.value.lang;
  }
  const pair = generateKeyPair();
  const privateKey = join(keysDir, `${stem}.key`);
  const publicKey = join(keysDir, `${stem}.pub`);
  const files: PlannedFile[] = [
    { path: privateKey, content: pair.privateKey, kind: 'user', mode: 0o600 },
    { path: publicKey, content: pair.publicKey, kind: 'user', mode: 0o644 },
  ];
  let registered: string | undefined;
  if (meetingDir) {
    registered = join(meetingDir, PUBLIC_KEYS_DIR, `${stem}.pub`);
    files.push({ path: registered, content: pair.publicKey, kind: 'user', mode: 0o644 });
  }
  const plan = await planWrites(files, [{ path: keysDir }], { force: o.force, cwd: deps.cwd });
  if (!o.dryRun) {
    const { mkdir, chmod } = await import('node:fs/promises');
    await mkdir(keysDir, { recursive: true, mode: 0o700 });
    await commitWrites(plan);
    await chmod(privateKey, 0o600);
  }
  return {
    name,
    fingerprint: fingerprint(pair.publicKey),
    privateKey,
    publicKey,
    registered,
    lang: deps.langFor(meetingLang),
    plan,
  };
}
