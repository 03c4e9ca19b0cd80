import { redactionMarker, UNREADABLE } from './kinds.js';
import { namedKeys } from './named-keys.js';
import type { Fields, Scanner } from './scanner.js';

type Members = Record<string, unknown>;

/** The primitive inside a String, Number or Boolean object (throws for an impostor with only the prototype). */
function primitiveOf(value: object): unknown {
  if (value instanceof String) return String.prototype.valueOf.call(value);
  if (value instanceof Number) return Number.prototype.valueOf.call(value);
  return Boolean.prototype.valueOf.call(value);
}

/**
 * Whether scanning the named fields of an array-like built-in (a String object, a Date, bytes) finds
 * anything to redact; the fields are not copied, since such a value is replaced as a whole.
 */
function namedFieldsRedacted(scanner: Scanner, value: object, fields: Fields): boolean {
  let redacted = false;
  for (const key of namedKeys(value)) {
    let before: unknown;
    let after: unknown;
    try {
      before = (value as Members)[key];
      after = scanner.member(value, key, before, fields);
    } catch {
      after = scanner.redact(UNREADABLE);
    }
    redacted ||= after !== before;
  }
  return redacted;
}

/**
 * A String, Number or Boolean object (or an instance of a subclass): the encoders write its primitive,
 * so a string goes through the detectors; its own fields are scanned like a struct's. If anything was
 * redacted, it becomes its (redacted) primitive.
 */
export function scanBoxed(scanner: Scanner, value: object, fields: Fields): unknown {
  const primitive = primitiveOf(value);
  const clean = typeof primitive === 'string' ? scanner.text(primitive) : primitive;
  return namedFieldsRedacted(scanner, value, fields) || clean !== primitive ? clean : value;
}

/**
 * A built-in the scanner does not copy (a Date, bytes, a RegExp, …) whose class has tagged fields: while
 * one of them holds something, the whole value is redacted, with the kinds found.
 */
export function scanOpaque(scanner: Scanner, value: object, fields: Fields): unknown {
  const mark = scanner.foundCount;
  if (!namedFieldsRedacted(scanner, value, fields)) return value;
  return redactionMarker([...new Set(scanner.found.slice(mark, scanner.foundCount))].sort());
}
