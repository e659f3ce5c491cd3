/** Markdown escaping for text from meeting files: keeps tables intact and stops injected HTML. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]#~])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n+/g, '<br>');
}

/** Applies an escaper to every string in a view model (a fresh copy; the input is not changed). */
export function deepEscape<T>(
  value: T,
  escaper: (s: string) => string,
  seen = new WeakMap<object, unknown>(),
): T {
  if (typeof value === 'string') return escaper(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(deepEscape(v, escaper, seen));
    return out as T;
  }
  // Values marked raw (pre-rendered SVG, already-safe markup) pass through untouched.
  if ((value as { __raw?: true }).__raw === true) return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[k] = deepEscape(v, escaper, seen);
  return out as T;
}
