import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { InputError, SalesmeetError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { defineMessages } from '../core/i18n/messages.js';
import { type Minutes, minutesSchema, type Signature } from '../core/minutes/schema.js';
import {
  type Canonical,
  canonicalJson,
  changedFields,
  minutesHash,
  signedContent,
} from '../core/signoff/canonical.js';
import { fingerprint, isPublicKey, publicKeyOf, signHash } from '../core/signoff/keys.js';
import {
  evaluateSignOff,
  type RequiredSigner,
  requiredSigners,
  type SignOffReport,
} from '../core/signoff/policy.js';
import { validate } from '../core/validate.js';
import { commitWrites, type PlannedFile, planWrites, type WritePlan } from '../io/write.js';
import { readTextFile } from '../io/yaml.js';
import type { LangFor } from './deps.js';
import { type Checked, loadMeetingFolder, type MeetingFolder, MINUTES_FILE } from './meeting-folder.js';

const m = defineMessages({
  en: {
    noMinutes: 'no minutes.yaml in this meeting folder',
    noMinutesHint: 'prepare one with `salesmeet minutes --new {dir}`',
    badKey: '{file} is not an Ed25519 private key (PEM)',
    badKeyHint: 'make one with `salesmeet keys generate --as {name}`',
    wrongKey:
      'this key is not the one registered for {name} in {file} (registered {registered}, given {given})',
    wrongKeyHint:
      'sign with the key whose public half is in {file}, or remove that file if the key was replaced',
    keyRequired: '{name} has a registered public key ({file}); a signature without the key could be forged',
    keyRequiredHint: 'pass --key with the private key, e.g. --key {path}',
    badPublicKey: '{file} is not an Ed25519 public key (PEM)',
    unstable: 'internal check failed: rewriting minutes.yaml would change its content; nothing was written',
    notSigner:
      '{name} is neither the host nor a present attendee of this meeting; the signature is recorded but not required',
  },
  'zh-CN': {
    noMinutes: '此会议文件夹中没有 minutes.yaml',
    noMinutesHint: '可用 `salesmeet minutes --new {dir}` 生成',
    badKey: '{file} 不是 Ed25519 私钥（PEM 格式）',
    badKeyHint: '可用 `salesmeet keys generate --as {name}` 生成',
    wrongKey: '此密钥不是 {file} 中为 {name} 登记的密钥（登记：{registered}，提供：{given}）',
    wrongKeyHint: '请使用与 {file} 中公钥配对的私钥；如已更换密钥，请先删除该文件',
    keyRequired: '{name} 已登记公钥（{file}）；不带密钥的签字可被伪造',
    keyRequiredHint: '请用 --key 指定私钥，例如 --key {path}',
    badPublicKey: '{file} 不是 Ed25519 公钥（PEM 格式）',
    unstable: '内部校验失败：改写 minutes.yaml 会改变其内容；未写入任何文件',
    notSigner: '{name} 既不是主持人也不是出席的参会人；已记录签字，但不计入必签人',
  },
  'zh-TW': {
    noMinutes: '此會議資料夾中沒有 minutes.yaml',
    noMinutesHint: '可用 `salesmeet minutes --new {dir}` 產生',
    badKey: '{file} 不是 Ed25519 私鑰（PEM 格式）',
    badKeyHint: '可用 `salesmeet keys generate --as {name}` 產生',
    wrongKey: '此金鑰不是 {file} 中為 {name} 登記的金鑰（登記：{registered}，提供：{given}）',
    wrongKeyHint: '請使用與 {file} 中公鑰配對的私鑰；如已更換金鑰，請先刪除該檔案',
    keyRequired: '{name} 已登記公鑰（{file}）；不帶金鑰的簽名可被偽造',
    keyRequiredHint: '請以 --key 指定私鑰，例如 --key {path}',
    badPublicKey: '{file} 不是 Ed25519 公鑰（PEM 格式）',
    unstable: '內部檢核失敗：改寫 minutes.yaml 會改變其內容；未寫入任何檔案',
    notSigner: '{name} 既不是主席也不是出席人；已記錄簽名，但不列入必簽人',
  },
});

/** Public keys of signers live in the meeting folder, so they travel (and are reviewed) with the minutes. */
export const PUBLIC_KEYS_DIR = 'keys';
/** What salesmeet keeps for itself in a meeting folder: the signed canonical content, to name changed fields. */
export const STATE_DIR = '.salesmeet';

/** A person's name as a file name: NFC, path separators and control characters replaced. */
export function keyFileStem(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^\.+/, '_');
}

export function publicKeyPath(dir: string, name: string): string {
  return join(dir, PUBLIC_KEYS_DIR, `${keyFileStem(name)}.pub`);
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

export interface SignOffState {
  report: SignOffReport;
  required: RequiredSigner[];
  /** For each signer whose signature no longer matches: the fields changed since they signed (when known). */
  changes: Map<string, string[] | null>;
}

/** Evaluates the sign-off of a folder's minutes: signatures, keys, who is missing, what changed. */
export async function signOffState(folder: MeetingFolder, minutes: Minutes): Promise<SignOffState> {
  const required = requiredSigners(folder.meeting.value, minutes);
  const names = [...required.map((r) => r.name), ...minutes.signatures.map((s) => s.name)];
  const publicKeys = await loadPublicKeys(folder, names);
  const hash = minutesHash(minutes);
  const report = evaluateSignOff({ required, signatures: minutes.signatures, hash, publicKeys });
  const changes = new Map<string, string[] | null>();
  const current = signedContent(minutes);
  for (const s of report.signers) {
    if (s.state !== 'changed' || !s.signature) continue;
    const text = await readOptional(snapshotPath(folder.dir, s.signature.hash));
    let fields: string[] | null = null;
    if (text !== undefined) {
      try {
        fields = changedFields((JSON.parse(text) as { content: Canonical }).content, current);
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
  dryRun: boolean;
}

export interface SignResult {
  folder: MeetingFolder;
  /** The output language (`langFor` applied to the meeting's `lang`). */
  lang: Lang;
  signature: Signature;
  replaced: boolean;
  registeredKey: boolean;
  plan: WritePlan;
  state: SignOffState;
  notRequired: boolean;
}

/**
 * Records that NAME approves exactly the current content. minutes.yaml is the user's file, so it is edited in
 * place with the YAML Document API (comments, order and layout are kept) and written atomically; the new
 * text is parsed back and must hash to the same content before anything is written.
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
  const hash = minutesHash(minutes);
  const keyRel = join(PUBLIC_KEYS_DIR, `${keyFileStem(name)}.pub`);
  const registered = await readOptional(publicKeyPath(folder.dir, name));
  if (registered !== undefined && !isPublicKey(registered))
    throw new InputError('keys.badPublicKey', m.badPublicKey({ file: folder.display(keyRel) }), {
      location: { file: folder.display(keyRel) },
    });

  const signature: Signature = { name, at: deps.now.toISOString(), hash };
  const files: PlannedFile[] = [];
  let registeredKey = false;
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
        { location: { file: shown }, hint: m.wrongKeyHint({ file: folder.display(keyRel) }) },
      );
    if (registered === undefined) {
      files.push({ path: publicKeyPath(folder.dir, name), content: pub, kind: 'user' });
      registeredKey = true;
    }
    signature.key = given;
    signature.signature = signHash(pem, hash);
  } else if (registered !== undefined) {
    throw new InputError('keys.required', m.keyRequired({ name, file: folder.display(keyRel) }), {
      location: { file: folder.display(keyRel) },
      hint: m.keyRequiredHint({ path: join(o.keysDir, `${keyFileStem(name)}.key`) }),
    });
  }

  // Edit minutes.yaml in place: replace this person's entry or append one.
  const doc = parseDocument(checked.loaded.text, { version: '1.2', keepSourceTokens: false });
  const root = doc.contents as unknown;
  if (!isMap<unknown, unknown>(root)) throw new SalesmeetError('internal.minutesRoot', 1, m.unstable());
  const entry = doc.createNode({ ...signature }) as YAMLMap;
  entry.flow = true;
  let seq: unknown = root.get('signatures', true);
  let replaced = false;
  if (!isSeq(seq)) {
    seq = doc.createNode([]);
    root.set('signatures', seq);
  }
  if (isSeq<unknown>(seq)) {
    const at = seq.items.findIndex(
      (it) => isMap(it) && String(it.get('name') ?? '').normalize('NFC') === name,
    );
    if (at >= 0) {
      seq.items[at] = entry;
      replaced = true;
    } else {
      // `signatures: []` written by hand becomes a block list, one signature per line.
      if (seq.items.length === 0) seq.flow = false;
      seq.items.push(entry);
    }
  }
  const text = doc.toString({ lineWidth: 0 });

  // The rewrite must not change what was signed.
  const reparsed = parseDocument(text, { version: '1.2' }).toJS();
  const check = validate(minutesSchema, reparsed, checked.loaded.file, () => ({ line: 0, column: 0 }));
  if (!check.ok || minutesHash(check.value) !== hash)
    throw new SalesmeetError('internal.unstable', 1, m.unstable());

  files.push({ path: join(folder.dir, MINUTES_FILE), content: text, kind: 'user' });
  files.push({
    path: snapshotPath(folder.dir, hash),
    content: `${JSON.stringify({ hash, content: JSON.parse(canonicalJson(signedContent(minutes))) }, null, 2)}\n`,
    kind: 'generated',
  });
  // minutes.yaml is rewritten on purpose (the user asked to sign): plan it as forced, it is one edit of their file.
  const plan = await planWrites(files, [], { force: true, cwd: deps.cwd, root: folder.dir });
  if (!o.dryRun) await commitWrites(plan);

  const after = check.value;
  const state = await signOffStateFor(
    folder,
    after,
    signature,
    registeredKey ? (files[0]!.content as string) : undefined,
  );
  return {
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

/** The sign-off state right after signing (also correct under --dry-run, where nothing was written). */
async function signOffStateFor(
  folder: MeetingFolder,
  minutes: Minutes,
  signature: Signature,
  newPublicKey: string | undefined,
): Promise<SignOffState> {
  const required = requiredSigners(folder.meeting.value, minutes);
  const names = [...required.map((r) => r.name), ...minutes.signatures.map((s) => s.name)];
  const publicKeys = await loadPublicKeys(folder, names);
  if (newPublicKey !== undefined) publicKeys.set(signature.name, newPublicKey);
  const report = evaluateSignOff({
    required,
    signatures: minutes.signatures,
    hash: minutesHash(minutes),
    publicKeys,
  });
  return { report, required, changes: new Map() };
}

/** Loads a folder and evaluates its sign-off (for `minutes verify` and `minutes status`). */
export async function runVerify(dir: string | undefined, deps: { cwd: string; langFor: LangFor }) {
  const folder = await loadMeetingFolder(dir, deps.cwd);
  const minutes = requireMinutes(folder, dir ?? '.').value;
  const state = await signOffState(folder, minutes);
  return { folder, lang: deps.langFor(folder.meeting.value.lang), minutes, ...state };
}

export const signOffMessages = m;
