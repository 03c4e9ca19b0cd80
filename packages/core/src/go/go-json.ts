import type { ObjectFilter } from '../filter/filter-stage.js';
import { ObjectRef } from '../refs/object-ref.js';
import { rfc3339Nano } from '../time/go-time.js';
import { formatFloatJSON } from './float.js';
import { goTypeName } from './go-type-name.js';
import { goJSONString } from './json-string.js';
import { keyOrder, mapWriter } from './key-order.js';
import { quotedKey } from './quoted-key.js';

/** An encoding/json failure (`json: unsupported value: NaN`). Anything else thrown comes from user code. */
export class GoJSONError extends Error {
  override name = 'GoJSONError';
}

/** Like Go (which waits for 1000), look for cycles only below this depth: shallow values pay nothing. */
const START_DETECTING_CYCLES_AFTER = 100;

function encodeNumber(n: number): string {
  if (Number.isSafeInteger(n)) return n === 0 && Object.is(n, -0) ? '-0' : `${n}`;
  if (Number.isFinite(n)) return formatFloatJSON(n);
  throw new GoJSONError(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`);
}

/** How to encode: with HTML escaping (klog's text format) or not (zap), and the filter stage's object filter. */
export interface GoJSONOptions {
  readonly html: boolean;
  readonly objects: ObjectFilter | undefined;
}

const UNFILTERED: readonly [GoJSONOptions, GoJSONOptions] = [{ html: false, objects: undefined }, { html: true, objects: undefined }];
let optionsFor: ObjectFilter | undefined;
let filteredOptions: readonly [GoJSONOptions, GoJSONOptions] = UNFILTERED;

/** The options for a call, shared by every call with the same filter (no allocation per value). */
function goJSONOptions(html: boolean, objects: ObjectFilter | undefined): GoJSONOptions {
  if (objects === undefined) return UNFILTERED[html ? 1 : 0];
  if (objects !== optionsFor) {
    optionsFor = objects;
    filteredOptions = [{ html: false, objects }, { html: true, objects }];
  }
  return filteredOptions[html ? 1 : 0];
}

/** The path being encoded below START_DETECTING_CYCLES_AFTER, to tell a cycle from a deep value. */
type DeepPath = Set<object> | undefined;

function encodeList(items: ArrayLike<unknown>, opts: GoJSONOptions, depth: number, path: DeepPath): string {
  if (items.length === 0) return '[]';
  let out = `[${encodeValue(items[0], opts, depth, path)}`;
  for (let i = 1; i < items.length; i++) out += `,${encodeValue(items[i], opts, depth, path)}`;
  return `${out}]`;
}

function encodeRecord(record: Record<string, unknown>, keys: readonly string[], opts: GoJSONOptions, depth: number, path: DeepPath): string {
  if (keys.length === 0) return '{}';
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    out += `${i === 0 ? '' : ','}${quotedKey(key, opts.html)}:${encodeValue(record[key], opts, depth, path)}`;
  }
  return `${out}}`;
}

/** A Go map: keys in Go's sorted order, found once per key sequence. */
function encodeSortedRecord(record: Record<string, unknown>, opts: GoJSONOptions, depth: number, path: DeepPath): string {
  const keys = Object.keys(record);
  if (keys.length === 0) return '{}';
  const order_ = keyOrder(keys);
  const writer = mapWriter(keys, order_, opts.html);
  if (writer !== undefined) return writer(record, encodeValue, opts, depth, path);
  const { order, quoted } = order_;
  const quotedKeys = quoted[opts.html ? 1 : 0];
  let out = `{${quotedKeys[0]}:${encodeValue(record[keys[order[0]]], opts, depth, path)}`;
  for (let i = 1; i < order.length; i++) out += `,${quotedKeys[i]}:${encodeValue(record[keys[order[i]]], opts, depth, path)}`;
  return `${out}}`;
}

function encodeMap(map: Map<unknown, unknown>, opts: GoJSONOptions, depth: number, path: DeepPath): string {
  const byKey: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of map) byKey[String(key)] = value;
  return encodeSortedRecord(byKey, opts, depth, path);
}

function encodeComposite(v: object, opts: GoJSONOptions, depth: number, path: DeepPath): string {
  // toJSON is the analogue of Go's json.Marshaler.
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return encodeValue((toJSON as (key: string) => unknown).call(v, ''), opts, depth, path);
  if (Array.isArray(v)) return encodeList(v, opts, depth, path);
  const proto: unknown = Object.getPrototypeOf(v);
  // A plain object is a Go map (sorted keys); a class instance is a struct (declaration order).
  if (proto === Object.prototype || proto === null) return encodeSortedRecord(v as Record<string, unknown>, opts, depth, path);
  if (ArrayBuffer.isView(v)) return encodeList(v as unknown as ArrayLike<unknown>, opts, depth, path);
  if (v instanceof Set) return encodeList([...(v as Set<unknown>)], opts, depth, path);
  if (v instanceof Map) return encodeMap(v as Map<unknown, unknown>, opts, depth, path);
  return encodeRecord(v as Record<string, unknown>, Object.keys(v), opts, depth, path);
}

function encodeObject(v: object, opts: GoJSONOptions, depth: number, path: DeepPath): string {
  // The common case first: a plain object (a Go map) without toJSON, shallow enough to need no cycle check.
  if (depth < START_DETECTING_CYCLES_AFTER && Object.getPrototypeOf(v) === Object.prototype && (v as { toJSON?: unknown }).toJSON === undefined) {
    return encodeSortedRecord(v as Record<string, unknown>, opts, depth + 1, path);
  }
  // Before any method of it runs (toJSON): the filter stage may replace a class instance, a Map, a Secret.
  const objects = opts.objects;
  if (objects !== undefined) {
    const filtered = objects(v);
    if (filtered !== v) {
      if (typeof filtered !== 'object' || filtered === null) return encodeValue(filtered, opts, depth, path);
      v = filtered;
    }
  }
  return encodeFilteredObject(v, opts, depth, path);
}

/** An object the filter stage has already seen. */
function encodeFilteredObject(v: object, opts: GoJSONOptions, depth: number, path: DeepPath): string {
  if (v instanceof ObjectRef) {
    const name = `{"name":${goJSONString(v.name, opts.html)}`;
    return v.namespace === '' ? `${name}}` : `${name},"namespace":${goJSONString(v.namespace, opts.html)}}`;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new GoJSONError('json: unsupported value: Invalid Date');
    return `"${rfc3339Nano(v)}"`;
  }
  if (v instanceof Uint8Array) return `"${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}"`;
  // A boxed primitive (new String('x')) is its primitive, as JSON.stringify writes it, not an object of indices.
  if (v instanceof String || v instanceof Number || v instanceof Boolean) return encodeValue(v.valueOf(), opts, depth, path);
  if (depth < START_DETECTING_CYCLES_AFTER) return encodeComposite(v, opts, depth + 1, path);
  const deepPath = path ?? new Set<object>();
  if (deepPath.has(v)) throw new GoJSONError(`json: unsupported value: encountered a cycle via ${goTypeName(v)}`);
  deepPath.add(v);
  try {
    return encodeComposite(v, opts, depth + 1, deepPath);
  } finally {
    deepPath.delete(v);
  }
}

function encodeValue(v: unknown, opts: GoJSONOptions, depth: number, path: DeepPath): string {
  switch (typeof v) {
    case 'string': return goJSONString(v, opts.html);
    case 'number': return encodeNumber(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'bigint': return v.toString();
    case 'undefined': return 'null';
    case 'object': return v === null ? 'null' : encodeObject(v, opts, depth, path);
    case 'symbol': throw new GoJSONError('json: unsupported type: symbol');
    default: throw new GoJSONError('json: unsupported type: func()');
  }
}

/**
 * Go's encoding/json for a JavaScript value, compact. Plain objects and Maps are maps (keys sorted),
 * class instances are structs (own enumerable fields in order), arrays, Sets and typed arrays are slices,
 * `Uint8Array` is base64, Dates are RFC 3339, `toJSON` is honoured like `MarshalJSON`, ObjectRefs are
 * `{"name","namespace"}`. Throws {@link GoJSONError} for what Go cannot encode (NaN, ±Inf, functions,
 * symbols, cycles); anything else thrown comes from user code (a getter or `toJSON`). `objects` is the filter
 * stage's object filter: each object that is not plain data goes through it before any method of it runs
 * (`seenByFilter`: except `value` itself).
 */
export function goJSON(value: unknown, escapeHTML: boolean, objects?: ObjectFilter, seenByFilter = false): string {
  try {
    const opts = goJSONOptions(escapeHTML, objects);
    // An object the caller already passed through `objects` (the top of a field's value) is not passed again.
    if (seenByFilter && typeof value === 'object' && value !== null) return encodeFilteredObject(value, opts, 0, undefined);
    return encodeValue(value, opts, 0, undefined);
  } catch (thrown) {
    // A cycle through toJSON, or a value deeper than the stack, can still exhaust it.
    if (thrown instanceof RangeError) throw new GoJSONError(`json: unsupported value: ${thrown.message}`);
    throw thrown;
  }
}

/** json.Indent with two spaces, as klog.Format's encoder writes it, for the output of {@link goJSON}. */
export function indentGoJSON(compact: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i];
    if (inString) {
      out += c;
      if (c === '\\') out += compact[++i];
      else if (c === '"') inString = false;
      continue;
    }
    switch (c) {
      case '"': inString = true; out += c; break;
      case '{': case '[': {
        const close = c === '{' ? '}' : ']';
        if (compact[i + 1] === close) { out += c + close; i++; break; }
        depth++;
        out += `${c}\n${'  '.repeat(depth)}`;
        break;
      }
      case '}': case ']': depth--; out += `\n${'  '.repeat(depth)}${c}`; break;
      case ',': out += `,\n${'  '.repeat(depth)}`; break;
      case ':': out += ': '; break;
      default: out += c;
    }
  }
  return out;
}
