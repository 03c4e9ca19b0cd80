import { Format, marshalLog } from '@klog-ts/core';
import type { Fields, Scanner } from './scanner.js';

/**
 * The scanner's containers other than arrays, records and errors (Maps, Sets, Headers, klog's Format):
 * each member goes through
 * {@link Scanner.member}, so one that cannot be inspected is redacted and the rest survive. A Map's or a
 * Set's own fields are scanned like a struct's (pino's JSON.stringify writes them, not the members).
 */

type Members = Record<string, unknown>;

/**
 * A Map: its own fields, then values by their (string) key, so tags and key names apply; object keys are
 * scanned too, since the encoders write a key through its String() (a tagged instance's toString runs on
 * the redacted copy). A redacted copy has the Map's class and own fields; two keys redacted to the same
 * marker merge, which reveals nothing.
 */
export function scanMap(scanner: Scanner, value: Map<unknown, unknown>, fields: Fields): unknown {
  const withFields = scanner.record(value as unknown as Members, fields, Object.keys);
  if (typeof withFields !== 'object') return withFields;
  let changed: Map<unknown, readonly [unknown, unknown]> | undefined;
  for (const [key, before] of value) {
    const cleanKey = typeof key === 'object' && key !== null ? scanner.member(value, undefined, key, undefined) : key;
    const after = scanner.member(value, typeof key === 'string' ? key : undefined, before, fields);
    if (after !== before || cleanKey !== key) (changed ??= new Map()).set(key, [cleanKey, after]);
  }
  if (changed === undefined) return withFields;
  const copy = withFields === value ? scanner.copyOf(value) : (withFields as Map<unknown, unknown>);
  Map.prototype.clear.call(copy);
  for (const [key, before] of value) {
    const clean = changed.get(key);
    if (clean === undefined) Map.prototype.set.call(copy, key, before);
    else Map.prototype.set.call(copy, clean[0], clean[1]);
  }
  return copy;
}

/** A Set: its own fields and its members; a redacted copy has the Set's class and fields, members in order. */
export function scanSet(scanner: Scanner, value: Set<unknown>, fields: Fields): unknown {
  const withFields = scanner.record(value as unknown as Members, fields, Object.keys);
  if (typeof withFields !== 'object') return withFields;
  let changed = false;
  const items: unknown[] = [];
  for (const before of value) {
    const after = scanner.member(value, undefined, before, undefined);
    changed ||= after !== before;
    items.push(after);
  }
  if (!changed) return withFields;
  const copy = withFields === value ? scanner.copyOf(value) : (withFields as Set<unknown>);
  Set.prototype.clear.call(copy);
  for (const item of items) Set.prototype.add.call(copy, item);
  return copy;
}

/** fetch Headers: each header by name (case-insensitive); a redacted copy is a new Headers. */
export function scanHeaders(scanner: Scanner, value: Headers, fields: Fields): unknown {
  const entries: [string, string][] = [];
  let changed = false;
  for (const [name, before] of value) {
    const after = scanner.member(value, name, before, fields);
    changed ||= after !== before;
    entries.push([name, String(after)]);
  }
  if (!changed) return value;
  const copy = scanner.made(new Headers());
  for (const [name, text] of entries) copy.append(name, text);
  return copy;
}

/** klog's Format(value): the wrapped value is what gets written, so it is what gets scanned. */
export function scanFormatted(scanner: Scanner, value: object): unknown {
  const inner: unknown = (value as { [marshalLog](): unknown })[marshalLog]();
  const after = scanner.member(value, undefined, inner, undefined);
  return after === inner ? value : scanner.made(Format(after));
}
