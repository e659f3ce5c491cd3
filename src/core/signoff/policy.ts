import type { Meeting } from '../meeting/schema.js';
import type { Minutes, Signature } from '../minutes/schema.js';
import { fingerprint, verifyHash } from './keys.js';

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
 * - `missing`: a required signer has not signed.
 */
export type SignerState =
  | 'valid'
  | 'changed'
  | 'bad-signature'
  | 'no-public-key'
  | 'key-required'
  | 'missing';

export interface SignerReport {
  name: string;
  role: SignerRole;
  required: boolean;
  state: SignerState;
  signature?: Signature;
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
  signatures: readonly Signature[];
  /** The hash of the current canonical content. */
  hash: string;
  /** Public keys (PEM) registered in the meeting folder, by signer name. */
  publicKeys: ReadonlyMap<string, string>;
}

function checkOne(sig: Signature, hash: string, publicKey: string | undefined): SignerState {
  if (sig.signature !== undefined) {
    if (publicKey === undefined) return 'no-public-key';
    if (sig.key !== undefined && sig.key !== fingerprint(publicKey)) return 'bad-signature';
    if (!verifyHash(publicKey, sig.hash, sig.signature)) return 'bad-signature';
  } else if (publicKey !== undefined) return 'key-required';
  return sig.hash === hash ? 'valid' : 'changed';
}

/** Checks every signature against the current content and the registered keys, and finds who is missing. */
export function evaluateSignOff(input: SignOffInput): SignOffReport {
  const nfc = (s: string) => s.normalize('NFC');
  const keys = new Map([...input.publicKeys].map(([k, v]) => [nfc(k), v]));
  const roles = new Map(input.required.map((r) => [nfc(r.name), r.role]));
  // One entry per person: the last one written counts (signing again replaces the earlier entry).
  const latest = new Map<string, Signature>();
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
        state: checkOne(sig, input.hash, keys.get(nfc(r.name))),
        signature: sig,
      });
  }
  for (const [name, sig] of latest) {
    if (roles.has(name)) continue;
    signers.push({
      name: sig.name,
      role: 'other',
      required: false,
      state: checkOne(sig, input.hash, keys.get(name)),
      signature: sig,
    });
  }
  const complete = signers.length > 0 && signers.every((s) => s.state === 'valid');
  const status: SignOffStatus =
    input.signatures.length === 0 ? 'draft' : complete ? 'signed-off' : 'awaiting';
  return { status, hash: input.hash, signers, complete };
}
