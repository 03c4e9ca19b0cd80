import { isLogMarshaler, marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';
import { ObjectRef } from '../refs/object-ref.js';

/** Deeper than this, a bound value's copy stops (as the JSON encoders stop at a cycle). */
const MAX_DEPTH = 64;

/**
 * A bound value as it is now, for an entry sink that serializes it later, on every entry (the pino
 * backend): nothing the caller changes afterwards can reach the output. Primitives and ObjectRefs (which
 * never change) are kept; a log marshaler and `toJSON` are applied now, as they would be when written;
 * Dates, bytes, arrays, Maps, Sets, plain objects and class instances (own enumerable fields, prototype
 * kept) are copied, and Errors with their message, stack and cause. A getter that throws gives
 * `<panic: …>`, a cycle `[Circular]`.
 */
export function snapshotValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    if (!(value instanceof Error) && isLogMarshaler(value)) return copy(value[marshalLog](), [], 0);
  } catch (thrown) {
    return `<panic: ${panicText(thrown)}>`;
  }
  return copy(value, [], 0);
}

function copy(value: unknown, path: object[], depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (path.includes(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  path.push(value);
  try {
    return copyObject(value, path, depth + 1);
  } catch (thrown) {
    return `<panic: ${panicText(thrown)}>`;
  } finally {
    path.pop();
  }
}

function copyObject(value: object, path: object[], depth: number): unknown {
  if (value instanceof ObjectRef) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Uint8Array) return value.slice();
  if (value instanceof Error) return copyError(value, path, depth);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return copy((toJSON as (key: string) => unknown).call(value, ''), path, depth);
  if (Array.isArray(value)) return value.map((item) => copy(item, path, depth));
  if (value instanceof Map) return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [copy(k, path, depth), copy(v, path, depth)]));
  if (value instanceof Set) return new Set([...(value as Set<unknown>)].map((item) => copy(item, path, depth)));
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as object;
  // Defined, not assigned: an own `__proto__` key stays a key.
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: copy((value as Record<string, unknown>)[key], path, depth), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** An Error keeps its class (pino's error serializer looks for one) and its own properties, copied. */
function copyError(error: Error, path: object[], depth: number): Error {
  const out = Object.create(Object.getPrototypeOf(error) as object | null) as object;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key)!;
    const own: unknown = 'value' in descriptor ? descriptor.value : (error as unknown as Record<string, unknown>)[key];
    Object.defineProperty(out, key, { value: copy(own, path, depth), enumerable: descriptor.enumerable, writable: true, configurable: true });
  }
  return out as unknown as Error;
}
