import type { Meeting } from '../meeting/schema.js';
import type { Minutes, Signature } from '../minutes/schema.js';
import { fingerprint, verifyHash } from './keys.js';

/**
 * A signature as read: from its own file under `signatures/` (with the public key it was made with, when made with
 * a key), or `legacy` — an entry in minutes.yaml written by salesmeet 0.1, whose hash covers the minutes only.
 */
export type SignatureEntry = Signature & {
  publicKey?: string;
  legacy?: boolean;
  /** The meeting the signer approved (folder name, title, date), as the key signed them. */
  meeting?: string;
  title?: string;
  date?: string;
};

export type SignerRole = 'host' | 'recorder' | 'attendee' | 'other';

export interface RequiredSigner {
  name: string;
  role: SignerRole;
}

/**
 * Who must sign the minutes off (签字确认 / 會簽): the host (主持人 / 主席), who approves them, and every required
 * attendee who was present (present or late). Observers (列席), excused and absent people and optional
 * attendees may sign but are not waited for.
 */
export function requiredSigners(meeting: Meeting, minutes: Minutes): RequiredSigner[] {
  const nfc = (s: string) => s.normalize('NFC');
  const out: RequiredSigner[] = [];
  const seen = new Set<string>();
  const add = (name: string, role: SignerRole) => {
    const key = nfc(name);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, role });
  };
  if (meeting.host) add(meeting.host, 'host');
  const invited = new Map(meeting.attendees.map((a) => [nfc(a.name), a]));
  for (const a of minutes.attendance) {
    if (a.status !== 'present' && a.status !== 'late') continue;
    const attendee = invited.get(nfc(a.name));
    if (!attendee?.required) continue;
    add(a.name, meeting.recorder && nfc(meeting.recorder) === nfc(a.name) ? 'recorder' : 'attendee');
  }
  return out;
}

/**
 * The state of one person's sign-off:
 * - `valid`: the signature binds the current content (and, with a key, verifies against the registered key);
 * - `changed`: the minutes changed after this person signed;
 * - `bad-signature`: the Ed25519 signature does not verify against the registered public key (forged or
 *   signed with another key);
 * - `no-public-key`: a signature is present but no public key is registered for this name in the folder;
 * - `key-required`: a public key is registered for this name, but the entry carries no signature, so anyone
 *   could have written it;
 * - `key-changed`: the key the signature was made with is not the one registered for this name in the folder
 *   (`keys/<name>.pub`) — someone else's key, or a key swapped in;
 * - `untrusted-key`: the key is not the one the trust file (`--trust`) pins for this name;
 * - `outdated`: an entry written by salesmeet 0.1 in minutes.yaml, which covered the minutes but not the meeting
 *   facts; it must be signed again;
 * - `missing`: a required signer has not signed.
 */
export type SignerState =
  | 'valid'
  | 'changed'
  | 'bad-signature'
  | 'no-public-key'
  | 'key-required'
  | 'key-changed'
  | 'untrusted-key'
  | 'outdated'
  | 'missing';

export interface SignerReport {
  name: string;
  role: SignerRole;
  required: boolean;
  state: SignerState;
  signature?: SignatureEntry;
  /** For a key problem: the key the signature was made with, and the one expected (registered or pinned). */
  keys?: { signed?: string; expected?: string };
}

export type SignOffStatus = 'draft' | 'awaiting' | 'signed-off';

export interface SignOffReport {
  status: SignOffStatus;
  hash: string;
  signers: SignerReport[];
  /** True when every required signer has a valid signature and no signature is broken. */
  complete: boolean;
}

export interface SignOffInput {
  required: readonly RequiredSigner[];
  signatures: readonly SignatureEntry[];
  /** The hash of the current canonical content. */
  hash: string;
  /** Public keys (PEM) registered in the meeting folder, by signer name. */
  publicKeys: ReadonlyMap<string, string>;
  /** Key fingerprints pinned outside the folder (a trust file), by signer name. */
  trusted?: ReadonlyMap<string, readonly string[]>;
  /** The text a key signed for this entry (default: the hash string, as salesmeet 0.1 signed). */
  message?: (sig: SignatureEntry) => string;
}

interface Checked {
  state: SignerState;
  keys?: { signed?: string; expected?: string };
}

function fingerprintOf(pem: string): string | undefined {
  try {
    return fingerprint(pem);
  } catch {
    return undefined;
  }
}

function checkOne(
  sig: SignatureEntry,
  input: SignOffInput,
  registered: string | undefined,
  trusted: readonly string[] | undefined,
): Checked {
  if (sig.legacy) return { state: 'outdated' };
  if (sig.signature !== undefined) {
    const publicKey = sig.publicKey ?? registered;
    if (publicKey === undefined) return { state: 'no-public-key', keys: { signed: sig.key } };
    const signed = fingerprintOf(publicKey);
    if (signed === undefined || (sig.key !== undefined && sig.key !== signed))
      return { state: 'bad-signature' };
    const message = input.message ? input.message(sig) : sig.hash;
    if (!verifyHash(publicKey, message, sig.signature)) return { state: 'bad-signature' };
    if (trusted !== undefined) {
      if (!trusted.includes(signed))
        return { state: 'untrusted-key', keys: { signed, expected: trusted.join(', ') } };
    } else if (registered === undefined) {
      // Signed with a key, yet no key is registered under this name any more: it was removed.
      return { state: 'no-public-key', keys: { signed } };
    } else {
      const expected = fingerprintOf(registered);
      if (expected !== signed) return { state: 'key-changed', keys: { signed, expected } };
    }
  } else if (registered !== undefined || trusted !== undefined) return { state: 'key-required' };
  return { state: sig.hash === input.hash ? 'valid' : 'changed' };
}

/** Checks every signature against the current content and the registered keys, and finds who is missing. */
export function evaluateSignOff(input: SignOffInput): SignOffReport {
  const nfc = (s: string) => s.normalize('NFC');
  const keys = new Map([...input.publicKeys].map(([k, v]) => [nfc(k), v]));
  const trust = new Map([...(input.trusted ?? [])].map(([k, v]) => [nfc(k), v]));
  const check = (sig: SignatureEntry, name: string) => checkOne(sig, input, keys.get(name), trust.get(name));
  const roles = new Map(input.required.map((r) => [nfc(r.name), r.role]));
  // One entry per person: the last one written counts (signing again replaces the earlier entry).
  const latest = new Map<string, SignatureEntry>();
  for (const s of input.signatures) latest.set(nfc(s.name), s);

  const signers: SignerReport[] = [];
  for (const r of input.required) {
    const sig = latest.get(nfc(r.name));
    if (!sig) signers.push({ name: r.name, role: r.role, required: true, state: 'missing' });
    else
      signers.push({
        name: r.name,
        role: r.role,
        required: true,
        ...check(sig, nfc(r.name)),
        signature: sig,
      });
  }
  for (const [name, sig] of latest) {
    if (roles.has(name)) continue;
    signers.push({ name: sig.name, role: 'other', required: false, ...check(sig, name), signature: sig });
  }
  const complete = signers.length > 0 && signers.every((s) => s.state === 'valid');
  const status: SignOffStatus =
    input.signatures.length === 0 ? 'draft' : complete ? 'signed-off' : 'awaiting';
  return { status, hash: input.hash, signers, complete };
}
