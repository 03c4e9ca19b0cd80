import { jsonField, zapString } from '@klog-ts/core/format';
import { callerText } from '@klog-ts/core/sink';
import type { HeaderTime } from '../parse/header-time.js';
import { parseNumberLiteral } from '../parse/number-literal.js';
import type { ObjectKeys } from '../parse/object-keys.js';
import type { ByteBuffer } from './byte-buffer.js';
import { ByteNames, hashBytes } from './byte-names.js';
import { isKeyByte, isWord } from './byte-reads.js';
import { bytesOf, move, put, putShortest, putText } from './byte-writes.js';
import { plainIntegerEnd, plainJSONEnd } from './plain-json-bytes.js';

const SPACE = 0x20;
const QUOTE = 0x22;

/** What a key is to the converter. */
const PLAIN = 0;
const REF = 1;
const LIST = 2;
const LOGGER = 3;
const ERR = 4;

/** How a pair's value is written. */
const COPY = 0;
const REF_VALUE = 1;
const FIELD = 2;

const TS = bytesOf('{"ts":');
const LOGGER_FIELD = bytesOf(',"logger":"');
const MSG_FIELD = bytesOf(',"msg":');
const V0 = bytesOf(',"v":0');
const ERR_FIELD = bytesOf(',"err":"');
const NAME = bytesOf('{"name":"');
const NAMESPACE = bytesOf('","namespace":"');

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function digits(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(bytes[i])) return false;
  return true;
}

/** Two digits at `at` as a number. */
function two(bytes: Uint8Array, at: number): number {
  return (bytes[at] - 0x30) * 10 + bytes[at + 1] - 0x30;
}

/**
 * TextToJSON on bytes: a klog text line of printable ASCII (without escapes) that holds a whole structured
 * record, read in place and written as its Kubernetes JSON line into the same buffer, copying each piece
 * (no string per line but the time). It writes what TextToJSON and the general way write; it declines
 * (false, nothing written) whatever it does not read itself, and the line goes the string way.
 */
export class TextBytesToJSON {
  readonly #time: HeaderTime;
  readonly #keys: ByteNames<number>;
  readonly #callers = new ByteNames<Uint8Array | undefined>(callerField);
  #secondKey = -1;
  #secondMs = 0;
  /** The pairs of the line: per pair, how it is written, its key, its value (and where a reference's `/` is). */
  #kinds = new Uint8Array(64);
  #spans = new Int32Array(64 * 5);
  readonly #fields: string[] = [];

  constructor(time: HeaderTime, keys: ObjectKeys) {
    this.#time = time;
    this.#keys = new ByteNames((key) => {
      if (key === 'logger') return LOGGER;
      if (key === 'err') return ERR;
      const kind = keys.kindOf(key);
      return kind === 'ref' ? REF : kind === 'list' ? LIST : PLAIN;
    });
  }

  /** Converts `buffer.bytes[start, end)` into the buffer's output; false (nothing written) to decline. */
  convert(buffer: ByteBuffer, start: number, end: number): boolean {
    const b = buffer.bytes;
    const severity = b[start];
    if ((severity !== 0x49 && severity !== 0x57 && severity !== 0x45 && severity !== 0x46) || end - start < 32) return false;
    if (!digits(b, start + 1, start + 5) || b[start + 5] !== SPACE || !digits(b, start + 6, start + 8) || b[start + 8] !== 0x3a || !digits(b, start + 9, start + 11)) return false;
    if (b[start + 11] !== 0x3a || !digits(b, start + 12, start + 14) || b[start + 14] !== 0x2e || !digits(b, start + 15, start + 21) || b[start + 21] !== SPACE) return false;
    let p = start + 22;
    while (b[p] === SPACE) p++;
    const pidStart = p;
    while (isDigit(b[p])) p++;
    if (p === pidStart || b[p] !== SPACE) return false;
    const callerStart = p + 1;
    let close = callerStart;
    while (close < end && b[close] !== 0x5d) {
      const c = b[close];
      if (c < 0x20 || c > 0x7e) return false;
      close++;
    }
    if (close + 1 >= end || b[close + 1] !== SPACE) return false;
    const caller = this.#callers.get(b, callerStart, close, hashBytes(b, callerStart, close)).info;
    if (caller === undefined) return false;
    const secondKey = ((((two(b, start + 1) * 100 + two(b, start + 3)) * 100 + two(b, start + 6)) * 100 + two(b, start + 9)) * 100) + two(b, start + 12);
    if (secondKey !== this.#secondKey) {
      const second = this.#time.secondOf(b.toString('latin1', start + 1, start + 14));
      if (second === undefined) return false;
      this.#secondKey = secondKey;
      this.#secondMs = second;
    }
    let micros = 0;
    for (let i = start + 15; i < start + 21; i++) micros = micros * 10 + b[i] - 0x30;

    // The message.
    const msgStart = close + 2;
    if (b[msgStart] !== QUOTE) return false;
    p = msgStart + 1;
    for (;;) {
      if (p >= end) return false;
      const c = b[p];
      if (c === QUOTE) break;
      if (c < 0x20 || c > 0x7e || c === 0x5c) return false;
      p++;
    }
    const msgEnd = ++p;

    // The pairs, read first: the logger's name is written before the caller, the error last.
    const spans = this.#spans;
    let pairs = 0;
    let loggerStart = -1;
    let loggerEnd = -1;
    let errStart = -1;
    let errEnd = -1;
    this.#fields.length = 0;
    while (p < end) {
      if (b[p] !== SPACE) return false;
      const keyStart = p + 1;
      let k = keyStart;
      let hash = 0x811c9dc5;
      while (k < end && isKeyByte(b[k])) hash = Math.imul(hash ^ b[k++], 0x01000193);
      if (k === keyStart || b[k] !== 0x3d) return false;
      const kind = this.#keys.get(b, keyStart, k, hash).info;
      const v = k + 1;
      const c = b[v];
      let valueEnd: number;
      let how = COPY;
      let slash = -1;
      if (c === QUOTE) {
        let spaces = 0;
        let slashes = 0;
        let q = v + 1;
        for (;;) {
          if (q >= end) return false;
          const d = b[q];
          if (d === QUOTE) break;
          if (d < 0x20 || d > 0x7e || d === 0x5c) return false;
          if (d === SPACE) spaces++;
          else if (d === 0x2f) {
            slashes++;
            if (slash === -1) slash = q;
          }
          q++;
        }
        valueEnd = q + 1;
        if (kind === LOGGER && loggerStart === -1) {
          loggerStart = v + 1;
          loggerEnd = q;
        } else if (kind === ERR && errStart === -1) {
          errStart = v + 1;
          errEnd = q;
        } else if (kind === REF && spaces === 0 && slashes <= 1) how = REF_VALUE;
      } else if (c === 0x7b || c === 0x5b) {
        if (kind === REF || kind === LIST) return false;
        valueEnd = plainJSONEnd(b, v, end, false);
        if (valueEnd === -1) return false;
      } else {
        valueEnd = v;
        while (valueEnd < end && b[valueEnd] !== SPACE) valueEnd++;
        const length = valueEnd - v;
        const literal = (length === 4 && (isWord(b, v, 'true') || isWord(b, v, 'null'))) || (length === 5 && isWord(b, v, 'false'));
        if (!literal && plainIntegerEnd(b, v, valueEnd) !== valueEnd) {
          const value = length === 0 ? undefined : parseNumberLiteral(b.toString('latin1', v, valueEnd));
          if (value === undefined) return false;
          how = FIELD;
          this.#fields.push(jsonField(b.toString('latin1', keyStart, k), value, ''));
        }
      }
      if (valueEnd < end && b[valueEnd] !== SPACE) return false;
      if (!(kind === LOGGER && loggerStart === v + 1) && !(kind === ERR && errStart === v + 1)) {
        if (pairs === this.#kinds.length) this.#growPairs();
        this.#kinds[pairs] = how;
        const at = pairs * 5;
        this.#spans[at] = keyStart;
        this.#spans[at + 1] = k;
        this.#spans[at + 2] = v;
        this.#spans[at + 3] = valueEnd;
        this.#spans[at + 4] = slash;
        pairs++;
      }
      p = valueEnd;
    }

    // Written in Kubernetes' order.
    if (!buffer.room(3 * (end - start) + 256)) return false;
    let o = buffer.out;
    o = put(b, o, TS);
    // Kubernetes' ts: float64(UnixNano) / 1e6, the product rounded once as Go's int64 → float64 is.
    o = putShortest(b, o, ((this.#secondMs * 1000 + micros) * 1000) / 1e6);
    if (loggerStart !== -1) {
      o = move(b, put(b, o, LOGGER_FIELD), loggerStart, loggerEnd);
      b[o++] = QUOTE;
    }
    o = move(b, put(b, put(b, o, caller), MSG_FIELD), msgStart, msgEnd);
    // Kubernetes writes "v" for any record but an error (E); a Fatal is logged as info, with its err.
    if (severity !== 0x45) o = put(b, o, V0);
    let field = 0;
    for (let i = 0; i < pairs; i++) {
      const at = i * 5;
      const how = this.#kinds[i];
      b[o++] = 0x2c;
      if (how === FIELD) {
        o = putText(b, o, this.#fields[field++]);
        continue;
      }
      b[o++] = QUOTE;
      o = move(b, o, spans[at], spans[at + 1]);
      b[o++] = QUOTE;
      b[o++] = 0x3a;
      if (how === COPY) o = move(b, o, spans[at + 2], spans[at + 3]);
      else o = writeRef(b, o, spans[at + 2] + 1, spans[at + 3] - 1, spans[at + 4]);
    }
    if (errStart !== -1) {
      o = move(b, put(b, o, ERR_FIELD), errStart, errEnd);
      b[o++] = QUOTE;
    }
    b[o++] = 0x7d;
    b[o++] = 0x0a;
    buffer.out = o;
    return true;
  }

  #growPairs(): void {
    const kinds = new Uint8Array(this.#kinds.length * 2);
    kinds.set(this.#kinds);
    const spans = new Int32Array(this.#spans.length * 2);
    spans.set(this.#spans);
    this.#kinds = kinds;
    this.#spans = spans;
  }
}

/** `{"name":…,"namespace":…}` for the text `ns/name` at `[start, end)` (`slash` its `/`, or -1), as the reader makes a reference of it. */
function writeRef(b: Uint8Array, o: number, start: number, end: number, slash: number): number {
  o = move(b, put(b, o, NAME), slash === -1 ? start : slash + 1, end);
  if (slash > start) o = move(b, put(b, o, NAMESPACE), start, slash);
  b[o++] = QUOTE;
  b[o++] = 0x7d;
  return o;
}

/** `,"caller":"…"` for a header's `file:line` (empty for `???:1`), or undefined if it is not one. */
function callerField(text: string): Uint8Array | undefined {
  const colon = text.lastIndexOf(':');
  if (colon === -1 || colon + 1 === text.length || !/^\d+$/.test(text.slice(colon + 1))) return undefined;
  return bytesOf(text === '???:1' ? '' : `,"caller":${zapString(callerText({ file: text.slice(0, colon), line: Number(text.slice(colon + 1)) }))}`);
}
