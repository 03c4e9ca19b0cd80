import type { AnyValue, AnyValueMap } from '@opentelemetry/api-logs';
import { errorText, keyText, logValue } from '@klog-ts/core/sink';

/** Deeper than this, a value is written as a marker (a value logged with a deep graph must not stall the process). */
const MAX_DEPTH = 32;

/** An attribute map that any key can be (`__proto__` included) and that OpenTelemetry takes for a map. */
export function newMap(): AnyValueMap {
  return Object.create(null) as AnyValueMap;
}

function setKey(map: AnyValueMap, key: string, value: AnyValue): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A Map's key as a map key: a primitive as its text (Go's JSON of a map[int]…), an object as klog writes a key that is not a string. */
function mapKey(key: unknown): string {
  switch (typeof key) {
    case 'string': return key;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(key);
    case 'symbol': return key.toString();
    default: return keyText(key);
  }
}

function thrownText(thrown: unknown): string {
  return `<panic: ${errorText(thrown)}>`;
}

function objectValue(value: object, path: object[]): AnyValue {
  if (value instanceof Error) return errorText(value);
  if (value instanceof Uint8Array) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (path.includes(value)) return '<cycle>';
  if (path.length >= MAX_DEPTH) return '<max depth>';
  path.push(value);
  try {
    if (Array.isArray(value)) return value.map((item) => anyValueAt(item, path));
    if (value instanceof Set) return [...value].map((item) => anyValueAt(item, path));
    const map = newMap();
    if (value instanceof Map) {
      for (const [key, item] of value) setKey(map, mapKey(key), anyValueAt(item, path));
      return map;
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return anyValueAt(toJSON.call(value), path);
    for (const key of Object.keys(value)) {
      let item: AnyValue;
      try {
        item = anyValueAt((value as Record<string, unknown>)[key], path);
      } catch (thrown) {
        item = thrownText(thrown);
      }
      setKey(map, key, item);
    }
    return map;
  } finally {
    path.pop();
  }
}

function anyValueAt(value: unknown, path: object[]): AnyValue {
  const marshaled = logValue(value);
  switch (typeof marshaled) {
    case 'string':
    case 'number':
    case 'boolean':
      return marshaled;
    case 'bigint':
      return Number.isSafeInteger(Number(marshaled)) ? Number(marshaled) : marshaled.toString();
    case 'undefined':
      return null;
    case 'symbol':
      return marshaled.toString();
    case 'function':
      return `<function ${marshaled.name}>`;
    default:
      return typeof marshaled === 'object' && marshaled !== null ? objectValue(marshaled, path) : null;
  }
}

/**
 * A logged value as an OpenTelemetry `AnyValue`: after its log marshaler (an ObjectRef is `{name, namespace}`,
 * a Secret its marker), then `toJSON`; plain objects, class instances (own enumerable fields) and Maps as maps,
 * arrays and Sets as arrays, bytes as bytes, a Date as its ISO text, an Error as its message, a bigint as a
 * number when it is a safe integer (else its digits), undefined as null. Never throws: a cycle is `<cycle>`,
 * a throwing getter, marshaler or `toJSON` `<panic: …>`.
 */
export function anyValue(value: unknown): AnyValue {
  try {
    return anyValueAt(value, []);
  } catch (thrown) {
    return thrownText(thrown);
  }
}
