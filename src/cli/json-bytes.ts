/**
 * A large JSON print (`kpi --json` of a breakdown by rep: 11 MB) as UTF-8 bytes for stdout, checked for what
 * `terminalSafeJson` escapes by searching the bytes instead of the text.
 */

/**
 * JSON.stringify's text as UTF-8, when it holds none of the characters `terminalSafeJson` writes as escapes; else
 * undefined (then print `terminalSafeJson(json)`). JSON.stringify escapes the C0 controls itself, which leaves DEL
 * (7F), the C1 controls (C2 80–9F) and the bidirectional characters U+202A–202E (E2 80 AA–AE) and U+2066–2069
 * (E2 81 A6–A9): their lead bytes are found with `indexOf` (a few per text, if any), where the regular expression
 * read every character (24 ms for 11 MB). The bytes are made once either way: stdout encodes a string it is given.
 */
export function safeJsonBytes(json: string): Uint8Array | undefined {
  // Encoded once into room for the longest encoding (3 bytes a UTF-16 unit), where Buffer.from first measures
  // the text and then encodes it (about 7 ms of 25 for 11 MB); only the written part is used.
  const room = Buffer.allocUnsafeSlow(json.length * 3);
  const b = room.subarray(0, room.write(json, 0, 'utf8'));
  if (b.indexOf(0x7f) >= 0) return undefined;
  // 0xC2 and 0xE2 only ever lead a character (a continuation byte is 0x80–0xBF).
  for (let i = b.indexOf(0xc2); i >= 0; i = b.indexOf(0xc2, i + 1)) {
    const x = b[i + 1]!;
    if (x >= 0x80 && x <= 0x9f) return undefined;
  }
  for (let i = b.indexOf(0xe2); i >= 0; i = b.indexOf(0xe2, i + 1)) {
    const x = b[i + 1]!;
    const y = b[i + 2]!;
    if ((x === 0x80 && y >= 0xaa && y <= 0xae) || (x === 0x81 && y >= 0xa6 && y <= 0xa9)) return undefined;
  }
  return b;
}
