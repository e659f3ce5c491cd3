/**
 * The rules every spreadsheet salesmeet writes follows for text: nothing a spreadsheet would run as a formula,
 * nothing XML cannot hold. One place, for the KPI report, the targets workbook, the action tracker and CSV.
 */

/**
 * A cell text that a spreadsheet must not read as a formula: text starting with = + - @ tab or CR gets a
 * leading apostrophe (the OWASP CSV-injection rule), so a copy to CSV stays inert too.
 */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Strips the control characters XML cannot hold, then neutralises. */
export function safeText(s: string): string {
  return neutralise(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
}
