import { ObjectRef } from '../refs/object-ref.js';
import { rfc3339Nano } from '../time/go-time.js';
import { formatFloatJSON } from './float.js';
import { goTypeName } from './go-type-name.js';
import { goJSONString } from './json-string.js';

/** An encoding/json failure (`json: unsupported value: NaN`). Anything else thrown comes from user code. */
export class GoJSONError extends Error {
  override name = 'GoJSONError';
}

/** Go map keys are sorted by their UTF-8 bytes, which is code point order, not UTF-16 order. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after U+E000–U+FFFF in code point order.
    const xs = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x;
    const ys = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y;
    return xs < ys ? -1 : 1;
  }
  return a.length - b.length;
}

function sortedKeys(keys: string[]): string[] {
  return keys.sort(compareCodePoints);
}

function encodeNumber(n: number): string {
  if (Number.isFinite(n)) return formatFloatJSON(n);
  throw new GoJSONError(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`);
}

function isMapLike(proto: unknown): boolean {
  return proto === null || proto === Object.prototype;
}

class Encoder {
  readonly #escapeHTML: boolean;
  readonly #visiting: object[] = [];

  constructor(escapeHTML: boolean) {
    this.#escapeHTML = escapeHTML;
  }

  value(v: unknown): string {
    switch (typeof v) {
      case 'string': return goJSONString(v, this.#escapeHTML);
      case 'number': return encodeNumber(v);
      case 'bigint': return v.toString();
      case 'boolean': return v ? 'true' : 'false';
      case 'undefined': return 'null';
      case 'symbol': throw new GoJSONError('json: unsupported type: symbol');
      case 'function': throw new GoJSONError('json: unsupported type: func()');
    }
    if (v === null) return 'null';
    return this.#object(v as object);
  }

  #object(v: object): string {
    if (v instanceof ObjectRef) {
      const name = `{"name":${goJSONString(v.name, this.#escapeHTML)}`;
      return v.namespace === '' ? `${name}}` : `${name},"namespace":${goJSONString(v.namespace, this.#escapeHTML)}}`;
    }
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) throw new GoJSONError('json: unsupported value: Invalid Date');
      return `"${rfc3339Nano(v)}"`;
    }
    if (v instanceof Uint8Array) return `"${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}"`;
    if (this.#visiting.includes(v)) {
      throw new GoJSONError(`json: unsupported value: encountered a cycle via ${goTypeName(v)}`);
    }
    this.#visiting.push(v);
    try {
      return this.#composite(v);
    } finally {
      this.#visiting.pop();
    }
  }

  #composite(v: object): string {
    // toJSON is the analogue of Go's json.Marshaler.
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return this.value((toJSON as (key: string) => unknown).call(v, ''));
    if (Array.isArray(v) || ArrayBuffer.isView(v)) return this.#list(v as ArrayLike<unknown>);
    if (v instanceof Set) return this.#list([...(v as Set<unknown>)]);
    if (v instanceof Map) {
      const map = v as Map<unknown, unknown>;
      const byKey = new Map<string, unknown>();
      for (const [key, value] of map) byKey.set(String(key), value);
      return this.#fields(sortedKeys([...byKey.keys()]), (key) => byKey.get(key));
    }
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record);
    // A plain object is a Go map (sorted keys); a class instance is a struct (declaration order).
    return this.#fields(isMapLike(Object.getPrototypeOf(v)) ? sortedKeys(keys) : keys, (key) => record[key]);
  }

  #list(items: ArrayLike<unknown>): string {
    let out = '[';
    for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + this.value(items[i]);
    return out + ']';
  }

  #fields(keys: readonly string[], get: (key: string) => unknown): string {
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      out += `${i === 0 ? '' : ','}${goJSONString(key, this.#escapeHTML)}:${this.value(get(key))}`;
    }
    return out + '}';
  }
}

/**
 * Go's encoding/json for a JavaScript value, compact. Plain objects and Maps are maps (keys sorted),
 * class instances are structs (own enumerable fields in order), arrays, Sets and typed arrays are slices,
 * `Uint8Array` is base64, Dates are RFC 3339, `toJSON` is honoured like `MarshalJSON`, ObjectRefs are
 * `{"name","namespace"}`. Throws {@link GoJSONError} for what Go cannot encode (NaN, ±Inf, functions,
 * symbols, cycles); anything else thrown comes from user code (a getter or `toJSON`).
 */
export function goJSON(value: unknown, escapeHTML: boolean): string {
  return new Encoder(escapeHTML).value(value);
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
