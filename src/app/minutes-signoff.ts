import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as z from 'zod';
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import type { Minutes } from '../core/minutes/schema.js';
import { type Canonical, canonicalJson, changedFields } from '../core/signoff/canonical.js';
import { fingerprint, isPublicKey, publicKeyOf, signHash } from '../core/signoff/keys.js';
import {
  evaluateSignOff,
  type RequiredSigner,
  requiredSigners,
  type SignatureEntry,
  type SignOffReport,
} from '../core/signoff/policy.js';
import { recordHash, SIGNATURE_FORMAT, signatureMessage, signedRecord } from '../core/signoff/record.js';
import { commitWrites, type PlannedFile, planWrites, type WritePlan } from '../io/write.js';
import { readTextFile } from '../io/yaml.js';
import type { LangFor } from './deps.js';
import {
  type Checked,
  loadChecked,
  loadMeetingFolder,
  type MeetingFolder,
  MINUTES_FILE,
} from './meeting-folder.js';
import type { MinutesRefresh } from './minutes.js';
import { toYaml } from './yaml-out.js';

const m = messagesOf((c) => c.app.minutesSignoff);

/** Public keys of signers live in the meeting folder, so they travel (and are reviewed) with the minutes. */
export const PUBLIC_KEYS_DIR = 'keys';
/** One file per signature, so people signing at once, or on their own laptops merged through git, never collide. */
export const SIGNATURES_DIR = 'signatures';
/** What salesmeet keeps for itself in a meeting folder: the signed record, to name changed fields. */
export const STATE_DIR = '.salesmeet';

/**
 * A person's name as a file name: NFC, and every character a file system could refuse (or that could clash:
 * `a/b` vs `a_b`) percent-encoded, so two different names never share a file.
 */
export function keyFileStem(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[%/\\:*?"<>|\u0000-\u001f\u007f]|^\./g, (c) =>
      [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    );
}

export function publicKeyPath(dir: string, name: string): string {
  return join(dir, PUBLIC_KEYS_DIR, `${keyFileStem(name)}.pub`);
}

export function signaturePath(dir: string, name: string): string {
  return join(dir, SIGNATURES_DIR, `${keyFileStem(name)}.yaml`);
}

function snapshotPath(dir: string, hash: string): string {
  return join(dir, STATE_DIR, `signed-${hash.replace(/^sha256:/, '')}.json`);
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function requireMinutes(folder: MeetingFolder, dirShown: string): Checked<Minutes> {
  if (!folder.minutes)
    throw new InputError('minutes.missing', m.noMinutes(), {
      location: { file: folder.display(MINUTES_FILE) },
      hint: m.noMinutesHint({ dir: dirShown }),
    });
  return folder.minutes;
}

/** The registered public keys of the given people (those with a `keys/<name>.pub` in the folder). */
export async function loadPublicKeys(
  folder: MeetingFolder,
  names: readonly string[],
): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const name of new Set(names)) {
    const path = publicKeyPath(folder.dir, name);
    const pem = await readOptional(path);
    if (pem === undefined) continue;
    if (!isPublicKey(pem))
      throw new InputError(
        'keys.badPublicKey',
        m.badPublicKey({ file: folder.display(join(PUBLIC_KEYS_DIR, `${keyFileStem(name)}.pub`)) }),
        {
          location: { file: folder.display(join(PUBLIC_KEYS_DIR, `${keyFileStem(name)}.pub`)) },
        },
      );
    keys.set(name, pem);
  }
  return keys;
}

/** `signatures/<name>.yaml`: one person's approval of one record. */
export const signatureFileSchema = z
  .strictObject({
    format: z.literal(SIGNATURE_FORMAT),
    meeting: z.string().min(1),
    title: z.string(),
    date: z.string(),
    name: z.string().min(1),
    at: z.string().min(1),
    hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    key: z.string().optional(),
    publicKey: z.string().optional(),
    signature: z.string().optional(),
  })
  .meta({
    title: 'salesmeet signature',
    description: 'One sign-off of the minutes, written by `minutes sign`.',
  });

/** Every signature of the folder: the files under signatures/, then salesmeet 0.1's entries in minutes.yaml. */
export async function loadSignatures(folder: MeetingFolder, minutes: Minutes): Promise<SignatureEntry[]> {
  const out: SignatureEntry[] = minutes.signatures.map((s) => ({ ...s, legacy: true }));
  let names: string[] = [];
  try {
    names = (await readdir(join(folder.dir, SIGNATURES_DIR))).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    return out;
  }
  const files: SignatureEntry[] = [];
  for (const name of names) {
    const rel = join(SIGNATURES_DIR, name);
    const { value } = await loadChecked(signatureFileSchema, join(folder.dir, rel), folder.display(rel));
    const { format: _f, ...sig } = value;
    files.push(sig);
  }
  // A file outranks a 0.1 entry of the same person; among files, the latest signing counts.
  files.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return [...out, ...files];
}

/** A trust file: names → the key fingerprints the team accepts for them, kept outside the meeting folder. */
export async function loadTrust(
  file: string | undefined,
  cwd: string,
): Promise<Map<string, string[]> | undefined> {
  if (file === undefined || file === '') return undefined;
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  const schema = z.record(
    z.string().min(1),
    z.union([
      z.string().regex(/^ed25519:[0-9a-f]{16}$/),
      z.array(z.string().regex(/^ed25519:[0-9a-f]{16}$/)).min(1),
    ]),
  );
  let value: z.output<typeof schema>;
  try {
    value = (await loadChecked(schema, path, file)).value;
  } catch (error) {
    if (error instanceof InputError && error.code === 'schema.invalid')
      throw new InputError('trust.invalid', m.badTrust({ file }), {
        location: { file },
        hint: m.badTrustHint(),
        problems: error.problems,
      });
    throw error;
  }
  return new Map(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), Array.isArray(v) ? v : [v]]));
}

export interface SignOffState {
  report: SignOffReport;
  required: RequiredSigner[];
  /** For each signer whose signature no longer matches: the fields changed since they signed (when known). */
  changes: Map<string, string[] | null>;
}

/**
 * The text a key signed for an entry: the meeting it names (this one when it names none), the signer, the time and
 * the hash. A signature moved to another meeting still verifies as a signature, but its hash — which covers the
 * meeting's facts — no longer matches, so it counts as changed, never as valid.
 */
function messageFor(folder: MeetingFolder) {
  const meeting = folder.meeting.value;
  return (sig: SignatureEntry) =>
    signatureMessage({
      meeting: sig.meeting ?? folder.id,
      title: sig.title ?? meeting.title,
      date: sig.date ?? meeting.date,
      name: sig.name.normalize('NFC'),
      at: sig.at,
      hash: sig.hash,
    });
}

async function evaluate(
  folder: MeetingFolder,
  minutes: Minutes,
  signatures: SignatureEntry[],
  trusted: Map<string, string[]> | undefined,
  extraKey?: { name: string; pem: string },
) {
  const required = requiredSigners(folder.meeting.value, minutes);
  const names = [...required.map((r) => r.name), ...signatures.map((s) => s.name)];
  const publicKeys = await loadPublicKeys(folder, names);
  if (extraKey) publicKeys.set(extraKey.name, extraKey.pem);
  const hash = recordHash(folder.meeting.value, minutes);
  const report = evaluateSignOff({
    required,
    signatures,
    hash,
    publicKeys,
    trusted,
    message: messageFor(folder),
  });
  return { report, required };
}

/** Evaluates the sign-off of a folder's minutes: signatures, keys, who is missing, what changed. */
export async function signOffState(
  folder: MeetingFolder,
  minutes: Minutes,
  trusted?: Map<string, string[]>,
): Promise<SignOffState> {
  const signatures = await loadSignatures(folder, minutes);
  const { report, required } = await evaluate(folder, minutes, signatures, trusted);
  const changes = new Map<string, string[] | null>();
  const current = signedRecord(folder.meeting.value, minutes);
  for (const s of report.signers) {
    if (s.state !== 'changed' || !s.signature) continue;
    const text = await readOptional(snapshotPath(folder.dir, s.signature.hash));
    let fields: string[] | null = null;
    if (text !== undefined) {
      try {
        // minutes.yaml's fields by their own path; meeting facts as `meeting.date`, the signer set as `signers`.
        fields = changedFields((JSON.parse(text) as { content: Canonical }).content, current).map((f) =>
          f.startsWith('minutes.') ? f.slice('minutes.'.length) : f,
        );
      } catch {
        fields = null;
      }
    }
    changes.set(s.name, fields);
  }
  return { report, required, changes };
}

export interface SignOptions {
  dir?: string;
  name: string;
  keyFile?: string;
  /** Where `keys generate` keeps private keys; used to suggest the --key path. */
  keysDir: string;
  /** A trust file pinning team keys (--trust / SALESMEET_TRUST). */
  trust?: string;
  dryRun: boolean;
}

export interface SignResult {
  folder: MeetingFolder;
  /** The output language (`langFor` applied to the meeting's `lang`). */
  lang: Lang;
  signature: SignatureEntry;
  replaced: boolean;
  registeredKey: boolean;
  plan: WritePlan;
  state: SignOffState;
  notRequired: boolean;
  /** The rendered minutes in out/ brought up to date after signing, and those left because edited by hand. */
  refresh: MinutesRefresh;
}

/**
 * Records that NAME approves exactly the current record: the minutes, the meeting facts they show and who must
 * sign. The approval is its own file, `signatures/<name>.yaml`, written atomically: minutes.yaml is not touched, so
 * signing never undoes an edit saved meanwhile, and people signing at once (or on their own laptops, merged
 * through git) never overwrite each other.
 */
export async function runSign(
  o: SignOptions,
  deps: { cwd: string; now: Date; langFor: LangFor },
): Promise<SignResult> {
  const folder = await loadMeetingFolder(o.dir, deps.cwd);
  const lang = deps.langFor(folder.meeting.value.lang);
  const checked = requireMinutes(folder, o.dir ?? '.');
  const minutes = checked.value;
  const name = o.name.normalize('NFC').trim();
  const hash = recordHash(folder.meeting.value, minutes);
  const keyRel = join(PUBLIC_KEYS_DIR, `${keyFileStem(name)}.pub`);
  const registered = await readOptional(publicKeyPath(folder.dir, name));
  if (registered !== undefined && !isPublicKey(registered))
    throw new InputError('keys.badPublicKey', m.badPublicKey({ file: folder.display(keyRel) }), {
      location: { file: folder.display(keyRel) },
    });
  const trusted = await loadTrust(o.trust, deps.cwd);

  const meeting = folder.meeting.value;
  const signature: SignatureEntry = {
    meeting: folder.id,
    title: meeting.title,
    date: meeting.date,
    name,
    at: deps.now.toISOString(),
    hash,
  };
  const files: PlannedFile[] = [];
  let registeredKey = false;
  let newKey: string | undefined;
  if (o.keyFile !== undefined) {
    const shown = o.keyFile;
    const pem = await readTextFile(resolve(deps.cwd, o.keyFile), shown, 64 * 1024);
    const pub = publicKeyOf(pem);
    if (pub === undefined)
      throw new InputError('keys.badKey', m.badKey({ file: shown }), {
        location: { file: shown },
        hint: m.badKeyHint({ name }),
      });
    const given = fingerprint(pub);
    if (registered !== undefined && fingerprint(registered) !== given)
      throw new InputError(
        'keys.wrongKey',
        m.wrongKey({ name, file: folder.display(keyRel), registered: fingerprint(registered), given }),
        { location: { file: shown }, hint: m.wrongKeyHint({ file: folder.display(keyRel), name }) },
      );
    if (registered === undefined) {
      // Trust on first use: the first key a person signs with is registered beside the minutes.
      files.push({ path: publicKeyPath(folder.dir, name), content: pub, kind: 'user' });
      registeredKey = true;
      newKey = pub;
    }
    signature.key = given;
    signature.publicKey = pub;
    signature.signature = signHash(pem, messageFor(folder)(signature));
  } else if (registered !== undefined) {
    throw new InputError('keys.required', m.keyRequired({ name, file: folder.display(keyRel) }), {
      location: { file: folder.display(keyRel) },
      hint: m.keyRequiredHint({ path: join(o.keysDir, `${keyFileStem(name)}.key`) }),
    });
  }

  const sigPath = signaturePath(folder.dir, name);
  const replaced =
    (await readOptional(sigPath)) !== undefined ||
    minutes.signatures.some((s) => s.name.normalize('NFC') === name);
  const fileLang = folder.meeting.value.lang;
  const header =
    fileLang === 'en'
      ? ` ${name}'s sign-off of the minutes, written by \`salesmeet minutes sign\`. Do not edit: \`salesmeet minutes verify\` checks it.`
      : fileLang === 'zh-TW'
        ? ` ${name} 對會議紀錄的簽名確認，由 \`salesmeet minutes sign\` 寫入。請勿修改：\`salesmeet minutes verify\` 會檢核。`
        : ` ${name} 对会议纪要的签字确认，由 \`salesmeet minutes sign\` 写入。请勿修改：\`salesmeet minutes verify\` 会校验。`;
  files.push({
    path: sigPath,
    content: toYaml({ format: SIGNATURE_FORMAT, ...signature }, { header: [header] }),
    kind: 'user',
  });
  files.push({
    path: snapshotPath(folder.dir, hash),
    content: `${JSON.stringify({ hash, content: JSON.parse(canonicalJson(signedRecord(folder.meeting.value, minutes))) }, null, 2)}\n`,
    kind: 'generated',
  });
  // The signature file is this person's own: signing again replaces it (planned as forced).
  const plan = await planWrites(files, [], { force: true, cwd: deps.cwd, root: folder.dir });
  if (registeredKey) {
    // Registering a key must not replace one registered meanwhile by another run.
    const key = plan.files.find((f) => f.path === publicKeyPath(folder.dir, name));
    if (key) key.action = 'create';
  }
  if (!o.dryRun) await commitWrites(plan);

  const others = (await loadSignatures(folder, minutes)).filter(
    (s) => s.legacy || s.name.normalize('NFC') !== name,
  );
  const { report, required } = await evaluate(
    folder,
    minutes,
    [...others, signature],
    trusted,
    newKey === undefined ? undefined : { name, pem: newKey },
  );
  const state: SignOffState = { report, required, changes: new Map() };
  // The rendered minutes show the sign-off status: bring those in out/ up to date (loaded lazily: the renderer).
  const refresh: MinutesRefresh = o.dryRun
    ? { refreshed: [], edited: [] }
    : await (await import('./minutes.js')).refreshMinutes(folder, minutes, lang, deps);
  return {
    refresh,
    folder,
    lang,
    signature,
    replaced,
    registeredKey,
    plan,
    state,
    notRequired: !state.required.some((r) => r.name.normalize('NFC') === name),
  };
}

/** Loads a folder and evaluates its sign-off (for `minutes verify` and `minutes status`). */
export async function runVerify(
  dir: string | undefined,
  deps: { cwd: string; langFor: LangFor; trust?: string },
) {
  const folder = await loadMeetingFolder(dir, deps.cwd);
  const minutes = requireMinutes(folder, dir ?? '.').value;
  const state = await signOffState(folder, minutes, await loadTrust(deps.trust, deps.cwd));
  return { folder, lang: deps.langFor(folder.meeting.value.lang), minutes, ...state };
}

export const signOffMessages = m;
