import type { ObjectFilter } from '../filter/filter-stage.js';
import { formatFloatF } from '../go/float.js';
import { goJSON, GoJSONError } from '../go/go-json.js';
import { goJSONString } from '../go/json-string.js';
import { errorText } from '../protocols/error-text.js';
import { isLogMarshaler, marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';
import { isStringer } from '../protocols/stringer.js';
import { ObjectRef } from '../refs/object-ref.js';
import { zapConstant, zapString } from './zap-string.js';

/** zap reports a field it could not encode as `"<key>Error":"<reason>"`. */
function failed(key: string, reason: string): string {
  return `${zapString(`${key}Error`)}:${zapString(reason)}`;
}

function reflected(key: string, value: unknown, objects: ObjectFilter | undefined, seenByFilter: boolean): string {
  try {
    return `${zapConstant(key)}:${goJSON(value, false, objects, seenByFilter)}`;
  } catch (thrown) {
    return failed(key, thrown instanceof GoJSONError ? thrown.message : `PANIC=${panicText(thrown)}`);
  }
}

function numberField(n: number): string {
  if (Number.isSafeInteger(n)) return n !== 0 || 1 / n > 0 ? `${n}` : '-0';
  // Between 1e-6 and 1e21 JavaScript prints no exponent, like Go's 'f'.
  const abs = Math.abs(n);
  if (abs >= 1e-6 && abs < 1e21) return `${n}`;
  if (Number.isFinite(n)) return formatFloatF(n);
  return Number.isNaN(n) ? '"NaN"' : n > 0 ? '"+Inf"' : '"-Inf"';
}

/** An ObjectRef as encoding/json writes its struct (no HTML escaping): `{"name":…,"namespace":…}`. */
function objectRefJSON(ref: ObjectRef): string {
  const name = `{"name":${goJSONString(ref.name, false)}`;
  return ref.namespace === '' ? `${name}}` : `${name},"namespace":${goJSONString(ref.namespace, false)}}`;
}

/** An object the filter stage has seen (`seenByFilter`: when it is the field's own value, not a marshaler's result). */
function objectField(key: string, value: object, now: string, objects: ObjectFilter | undefined, seenByFilter: boolean): string {
  if (value instanceof ObjectRef) return `${zapConstant(key)}:${objectRefJSON(value)}`;
  if (value instanceof Uint8Array) return `${zapConstant(key)}:"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"`;
  // component-base's time encoder ignores the time it is given and writes the current time.
  if (value instanceof Date) return `${zapConstant(key)}:${now}`;
  if (value instanceof Error) return `${zapConstant(key)}:${zapString(String(value.message))}`;
  if (isStringer(value)) return `${zapConstant(key)}:${zapString(String((value as { toString(): unknown }).toString()))}`;
  return reflected(key, value, objects, seenByFilter);
}

function isPlainData(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const own = value as { toString?: unknown; [marshalLog]?: unknown };
  return own.toString === Object.prototype.toString && own[marshalLog] === undefined;
}

/** The value after a log marshaler had its say: zap.Any's type switch. */
function anyField(key: string, value: unknown, now: string, objects: ObjectFilter | undefined, seenByFilter: boolean): string {
  switch (typeof value) {
    case 'string': return `${zapConstant(key)}:${zapString(value)}`;
    case 'number': return `${zapConstant(key)}:${numberField(value)}`;
    case 'boolean': return `${zapConstant(key)}:${value ? 'true' : 'false'}`;
    case 'bigint': return `${zapConstant(key)}:${value.toString()}`;
    case 'undefined': return `${zapConstant(key)}:null`;
    case 'object': return value === null ? `${zapConstant(key)}:null` : objectField(key, value, now, objects, seenByFilter);
    default: return reflected(key, value, undefined, false);
  }
}

/**
 * One `"key":value` field as Kubernetes' JSON logger writes it (zapr then zap.Any): a log marshaler first
 * (once), then strings, numbers (`'f'` floats, `"NaN"`/`"+Inf"`), base64 bytes, Error() for errors,
 * String() for Stringers, Go JSON without HTML escaping for the rest. A failure gives `"keyError"`.
 * `now` is the entry's `ts` text, which the time encoder writes for any Date. `objects` is the filter
 * stage's object filter: each object that is not plain data goes through it before any method of it runs.
 */
export function jsonField(key: string, value: unknown, now: string, objects?: ObjectFilter): string {
  switch (typeof value) {
    case 'string': return `${zapConstant(key)}:${zapString(value)}`;
    case 'number': return `${zapConstant(key)}:${numberField(value)}`;
    case 'boolean': return `${zapConstant(key)}:${value ? 'true' : 'false'}`;
  }
  try {
    // KObj's reference, the most common object value (a subclass of it goes through the filter stage first).
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === ObjectRef.prototype) return `${zapConstant(key)}:${objectRefJSON(value as ObjectRef)}`;
    // A plain object is reflected (Go JSON) unless it brings its own marshaler or toString.
    if (isPlainData(value)) return reflected(key, value, objects, false);
    // Before any method of it runs (the marshaler, toString): the filter stage may replace the object.
    const filtered = typeof value === 'object' && value !== null && objects !== undefined ? objects(value) : value;
    if (typeof filtered === 'object' && filtered !== null && isLogMarshaler(filtered)) {
      return anyField(key, filtered[marshalLog](), now, objects, false);
    }
    return anyField(key, filtered, now, objects, true);
  } catch (thrown) {
    // A Proxy or a marshaler can throw from anywhere, even a type check.
    return failed(key, `PANIC=${panicText(thrown)}`);
  }
}

/** The `err` field: the error's text, zap-escaped. */
export function jsonErrorText(err: unknown): string {
  return zapString(errorText(err));
}
