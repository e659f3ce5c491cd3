import { createHash } from 'node:crypto';
import type { Minutes } from '../minutes/schema.js';

/** A JSON value in canonical form: keys sorted, strings NFC with LF line endings, no undefined. */
export type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

function normaliseString(s: string): string {
  return s.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Canonical form of any parsed value: what it says, not how it was written. */
export function canonicalize(value: unknown): Canonical {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return normaliseString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalize);
  if (typeof value === 'object') {
    const out: { [key: string]: Canonical } = {};
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [normaliseString(k), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of entries) out[k] = canonicalize(v);
    return out;
  }
  return null;
}

/**
 * The content of the minutes that a signature binds: everything in minutes.yaml (after validation, so a
 * default written out or left implicit reads the same) except the signatures themselves.
 */
export function signedContent(minutes: Minutes): Canonical {
  const { signatures: _signatures, ...content } = minutes;
  return canonicalize(content);
}

/** Compact JSON of a canonical value; keys are already sorted, so equal content gives equal text. */
export function canonicalJson(value: Canonical): string {
  return JSON.stringify(value);
}

/** `sha256:<hex>` of the canonical JSON (UTF-8). */
export function hashCanonical(value: Canonical): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`;
}

/** The hash a signature must carry for these minutes. */
export function minutesHash(minutes: Minutes): string {
  return hashCanonical(signedContent(minutes));
}

/** The first characters of a hash as shown in tables (`sha256:3f2a9c1b` → `3f2a9c1b`). */
export function hashPrefix(hash: string, length = 12): string {
  return hash.replace(/^sha256:/, '').slice(0, length);
}

function pathJoin(base: string, seg: string | number): string {
  if (typeof seg === 'number') return `${base}[${seg}]`;
  return base ? `${base}.${seg}` : seg;
}

/**
 * The fields that differ between two canonical values, as paths (`actions[1].due`, `topics[0].decisions`).
 * A list that changed length is named once with its new and old lengths handled by naming the list itself.
 */
export function changedFields(before: Canonical, after: Canonical, base = ''): string[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const isObj = (v: Canonical): v is { [key: string]: Canonical } =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [base || '(root)'];
    const out: string[] = [];
    before.forEach((b, i) => {
      out.push(...changedFields(b, after[i] as Canonical, pathJoin(base, i)));
    });
    return out;
  }
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const out: string[] = [];
    for (const k of keys) {
      if (!(k in before) || !(k in after)) out.push(pathJoin(base, k));
      else out.push(...changedFields(before[k] as Canonical, after[k] as Canonical, pathJoin(base, k)));
    }
    return out;
  }
  return [base || '(root)'];
}
