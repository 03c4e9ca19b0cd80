import { Format, marshalLog } from '@klog-ts/core';
import { copyObject, setOwn } from './copy-object.js';
import { UNREADABLE } from './kinds.js';
import type { Fields, Scanner } from './scanner.js';

/**
 * The scanner's containers other than arrays and records: each member goes through
 * {@link Scanner.member}, so one that cannot be inspected is redacted and the rest survive.
 */

/** Non-enumerable own properties of an Error that still hold data: its text, its cause, its errors. */
const ERROR_EXTRAS = ['message', 'cause', 'errors'] as const;

/**
 * A Map: values by their (string) key, so tags and key names apply; object keys are scanned too, since
 * the encoders write a key through its String() (a tagged instance's toString runs on the redacted copy).
 * A redacted copy is a new Map; two keys redacted to the same marker merge, which reveals nothing.
 */
export function scanMap(scanner: Scanner, value: Map<unknown, unknown>, fields: Fields, caseInsensitive: boolean): unknown {
  let changed: Map<unknown, readonly [unknown, unknown]> | undefined;
  for (const [key, before] of value) {
    const cleanKey = typeof key === 'object' && key !== null ? scanner.member(undefined, key, undefined, false) : key;
    const after = scanner.member(typeof key === 'string' ? key : undefined, before, fields, caseInsensitive);
    if (after !== before || cleanKey !== key) (changed ??= new Map()).set(key, [cleanKey, after]);
  }
  if (changed === undefined) return value;
  const copy = new Map<unknown, unknown>();
  for (const [key, before] of value) {
    const clean = changed.get(key);
    if (clean === undefined) copy.set(key, before);
    else copy.set(clean[0], clean[1]);
  }
  return copy;
}

/** A Set: its members; a redacted copy is a new Set, in the same order. */
export function scanSet(scanner: Scanner, value: Set<unknown>): unknown {
  let changed = false;
  const items: unknown[] = [];
  for (const before of value) {
    const after = scanner.member(undefined, before, undefined, false);
    changed ||= after !== before;
    items.push(after);
  }
  return changed ? new Set(items) : value;
}

/** An Error: its own enumerable fields (axios keeps `config.headers` there), `message`, `cause`, `errors`. */
export function scanError(scanner: Scanner, value: Error, fields: Fields, caseInsensitive: boolean): unknown {
  let out = scanner.record(value as unknown as Record<string, unknown>, fields, caseInsensitive, false) as Error;
  for (const key of ERROR_EXTRAS) {
    if (!Object.hasOwn(value, key) || Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    let before: unknown;
    let after: unknown;
    try {
      before = (value as unknown as Record<string, unknown>)[key];
      after = scanner.member(undefined, before, undefined, false);
    } catch {
      // The getter itself threw.
      after = scanner.redact(UNREADABLE);
    }
    if (after !== before) {
      if (out === value) out = copyObject(value);
      setOwn(out, key, after);
    }
  }
  return out;
}

/** fetch Headers: each header by name (case-insensitive); a redacted copy is a new Headers. */
export function scanHeaders(scanner: Scanner, value: Headers, fields: Fields): unknown {
  const entries: [string, string][] = [];
  let changed = false;
  for (const [name, before] of value) {
    const after = scanner.member(name, before, fields, true);
    changed ||= after !== before;
    entries.push([name, String(after)]);
  }
  if (!changed) return value;
  const copy = new Headers();
  for (const [name, text] of entries) copy.append(name, text);
  return copy;
}

/** klog's Format(value): the wrapped value is what gets written, so it is what gets scanned. */
export function scanFormatted(scanner: Scanner, value: object): unknown {
  const inner: unknown = (value as { [marshalLog](): unknown })[marshalLog]();
  const after = scanner.member(undefined, inner, undefined, false);
  return after === inner ? value : Format(after);
}
