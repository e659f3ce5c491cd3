import type { Meeting } from '../meeting/schema.js';
import type { Minutes } from '../minutes/schema.js';
import { type Canonical, canonicalize, canonicalJson, hashCanonical } from './canonical.js';
import { type RequiredSigner, requiredSigners } from './policy.js';

/** The version of what a signature binds; a signature made under another version never counts as valid. */
export const RECORD_FORMAT = 'salesmeet.minutes/2';
/** The version of the message an Ed25519 key signs. */
export const SIGNATURE_FORMAT = 'salesmeet.signature/2';

/**
 * The meeting facts the rendered minutes show, taken from meeting.yaml: subject, date and times, place and link,
 * host, minute-taker, and each invited person's role, department and whether they must sign. Whatever the minutes
 * print is in here, so changing it after sign-off breaks every signature. The folder's name is not: a signed
 * folder can be moved or renamed (an archive, a git checkout elsewhere) and stays signed.
 */
export function meetingFacts(meeting: Meeting): Canonical {
  return canonicalize({
    title: meeting.title,
    type: meeting.type,
    date: meeting.date,
    start: meeting.start,
    end: meeting.end,
    timezone: meeting.timezone,
    location: meeting.location,
    online: meeting.online,
    host: meeting.host,
    recorder: meeting.recorder,
    attendees: meeting.attendees.map((a) => ({
      name: a.name,
      role: a.role,
      department: a.department,
      required: a.required,
    })),
  });
}

/**
 * The record a signature binds: the meeting facts, the minutes (without any signatures), and the set of people
 * who must sign. The set is part of it, so marking someone optional after the first signature breaks them all.
 */
export function signedRecord(meeting: Meeting, minutes: Minutes): Canonical {
  const { signatures: _legacy, ...content } = minutes;
  const signers: RequiredSigner[] = requiredSigners(meeting, minutes);
  return canonicalize({
    format: RECORD_FORMAT,
    meeting: meetingFacts(meeting),
    minutes: content,
    signers,
  });
}

/** `sha256:<hex>` of the record. */
export function recordHash(meeting: Meeting, minutes: Minutes): string {
  return hashCanonical(signedRecord(meeting, minutes));
}

/** What an Ed25519 key signs: who approved which record of which meeting, and when. */
export interface SignedMessage {
  meeting: string;
  title: string;
  date: string;
  name: string;
  at: string;
  hash: string;
}

/**
 * The exact bytes a key signs: the canonical JSON of the message with its format. Binding the meeting, the
 * signer's name and the time means a signature copied into another meeting, put under another name or given
 * another time no longer verifies.
 */
export function signatureMessage(msg: SignedMessage): string {
  return canonicalJson(canonicalize({ format: SIGNATURE_FORMAT, ...msg }));
}
