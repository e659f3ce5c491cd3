/** Small text utilities shared by messages and validation. */

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a distance that scales with the word, or undefined. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.floor(input.length / 3));
  return bestD <= limit ? best : undefined;
}

/** `attendees[2].role` from a path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** Shortens a value for display in a message. */
export function preview(value: unknown, max = 40): string {
  let s: string;
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (value === undefined) s = 'nothing';
  else if (value === null) s = 'null';
  else if (Array.isArray(value)) s = 'a list';
  else if (typeof value === 'object') s = 'a mapping';
  else s = String(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Characters that must not reach a terminal or a document from data: C0 controls but tab and line feed, DEL, C1
 * controls, and the bidirectional embeddings, overrides and isolates ("Trojan Source") that make text display
 * differently from what it is.
 */
const UNSAFE_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Drops the characters no output may carry (UNSAFE_CHAR, everywhere in the text). */
export function stripUnsafe(s: string): string {
  return UNSAFE_CHAR.test(s) ? s.replace(new RegExp(UNSAFE_CHAR.source, 'g'), '') : s;
}

/** The name of an unsafe character, for messages: `U+001B ESC`, `U+202E RIGHT-TO-LEFT OVERRIDE`. */
export function charName(c: string): string {
  const code = c.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const C0 =
    'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(
      ' ',
    );
  const BIDI: Record<number, string> = {
    8234: 'LEFT-TO-RIGHT EMBEDDING',
    8235: 'RIGHT-TO-LEFT EMBEDDING',
    8236: 'POP DIRECTIONAL FORMATTING',
    8237: 'LEFT-TO-RIGHT OVERRIDE',
    8238: 'RIGHT-TO-LEFT OVERRIDE',
    8294: 'LEFT-TO-RIGHT ISOLATE',
    8295: 'RIGHT-TO-LEFT ISOLATE',
    8296: 'FIRST STRONG ISOLATE',
    8297: 'POP DIRECTIONAL ISOLATE',
  };
  const name = code < 0x20 ? C0[code] : code === 0x7f ? 'DEL' : code <= 0x9f ? 'C1 control' : BIDI[code];
  return name ? `${hex} ${name}` : hex;
}

/** The same, less CR: in a file's text a CR is a line break (allowed where line breaks are), not a control. */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The first character of a text that no field may hold, and its 1-based position, or undefined. */
export function firstUnsafe(s: string): { char: string; position: number; bidi: boolean } | undefined {
  const m = UNSAFE_IN_TEXT.exec(s);
  if (!m) return undefined;
  const code = m[0].codePointAt(0)!;
  return { char: m[0], position: [...s.slice(0, m.index)].length + 1, bidi: code >= 0x202a };
}

/**
 * JSON text (JSON.stringify's) as it may be written to a terminal: every unsafe character (UNSAFE_CHAR) written
 * as a JSON escape, `\u0085`, so that the JSON still parses to the same text. JSON.stringify escapes the C0
 * controls itself; DEL, the C1 controls and the bidirectional characters it leaves as they are. (terminalSafe's
 * `\u{85}` is no escape JSON knows: a parser rejects it.)
 */
export function terminalSafeJson(s: string): string {
  if (!UNSAFE_CHAR.test(s)) return s;
  return s.replace(
    new RegExp(UNSAFE_CHAR.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Text as it may be written to a terminal: unsafe characters from data shown as `\u{1B}` instead of acting (an
 * action text that sets the window title or clears the screen), while the colour sequences salesmeet itself
 * writes (`ESC [ … m`) and the CRLF line ends of CSV (`kpi --format csv > file.csv`) pass. A lone CR, which
 * would overwrite the line on a terminal, is shown.
 */
export function terminalSafe(s: string): string {
  if (!UNSAFE_CHAR.test(s)) return s;
  return s.replace(
    /\u001b(?!\[[0-9;]*m)|\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`,
  );
}
