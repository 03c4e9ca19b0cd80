import { TextHeader, textValue } from '@klog-ts/core/format';
import type { CallSite } from '@klog-ts/core/sink';
import { parseNumberLiteral } from '../parse/number-literal.js';
import type { ObjectKeys } from '../parse/object-keys.js';
import type { ByteBuffer } from './byte-buffer.js';
import { ByteNames, hashBytes } from './byte-names.js';
import { isWord, KEY_BYTE, PLAIN_BYTE } from './byte-reads.js';
import { bytesOf, decimalMillis, move, put, putDigits, putText } from './byte-writes.js';
import { clockOf } from './json-clock.js';
import { isDecimal, plainIntegerEnd, plainJSONEnd } from './plain-json-bytes.js';

const TAB = 0x09;
const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CALLER = /^(.*):(\d+)$/;

/** What a key is to the converter. */
const PLAIN = 0;
const REF = 1;
const LIST = 2;
const MSG = 3;
const LOGGER = 4;
const ERR = 5;
const CALLER_KEY = 6;
const V = 7;
const TS = 8;

/** How a pair's value is written. */
const COPY = 0;
const REF_VALUE = 1;
const FIELD = 2;
const BLOCK = 3;

const ERR_PAIR = bytesOf(' err=');
const LOGGER_PAIR = bytesOf(' logger=');
/** The call site key of records without a caller. */
const NO_SITE: CallSite = { file: '???', line: 1 };

/** A text header's bytes around its microseconds, for one second of one call site and severity. */
interface HeaderParts {
  second: number;
  severity: string;
  before: Uint8Array;
  after: Uint8Array;
}

/** The end of a string of printable ASCII but `\` at `at` (its closing quote + 1), or -1. */
function plainStringEnd(bytes: Uint8Array, at: number, limit: number): number {
  let i = at + 1;
  while (i < limit && PLAIN_BYTE[bytes[i]] === 1) i++;
  return i < limit && bytes[i] === QUOTE ? i + 1 : -1;
}

/**
 * The end of a string of printable ASCII at `at` whose escapes are only `\n`, `\t`, `\"` and `\\` (its
 * closing quote + 1), negated if it holds a `\n`; 0 if it is not one.
 */
function escapedStringEnd(bytes: Uint8Array, at: number, limit: number): number {
  let newline = false;
  for (let i = at + 1; i < limit; i++) {
    const c = bytes[i];
    if (c === QUOTE) return newline ? -(i + 1) : i + 1;
    if (c === BACKSLASH) {
      const e = bytes[++i];
      if (e === 0x6e) newline = true;
      else if (e !== 0x74 && e !== QUOTE && e !== BACKSLASH) return 0;
    } else if (c < 0x20 || c > 0x7e) return 0;
  }
  return 0;
}

/**
 * A JSON string `[start, end)` that holds a line feed (and no other control character) as the text format
 * writes it: klog's multi-line form, `<`, each line behind a tab with its line feed, ` >` (no extra line for
 * a final line feed); the other escapes (`\t`, `\"`, `\\`) as the characters they stand for.
 */
function writeBlock(b: Uint8Array, o: number, start: number, end: number): number {
  b[o++] = 0x3c;
  b[o++] = LF;
  let lineStart = true;
  for (let p = start + 1; p < end - 1; p++) {
    if (lineStart) {
      b[o++] = TAB;
      lineStart = false;
    }
    const c = b[p];
    if (c !== BACKSLASH) {
      b[o++] = c;
      continue;
    }
    const e = b[++p];
    if (e === 0x6e) {
      b[o++] = LF;
      lineStart = true;
    } else b[o++] = e === 0x74 ? TAB : e;
  }
  if (!lineStart) b[o++] = LF;
  b[o++] = 0x20;
  b[o++] = 0x3e;
  return o;
}

/**
 * JSONToText on bytes: a Kubernetes JSON line of printable ASCII (compact, `ts` first, no escapes) read in
 * place and written as its klog text line into the same buffer, copying each piece (no string per line but
 * the header). It writes what JSONToText and the general way write; it declines (false, nothing written)
 * whatever it does not read itself, and the line goes the string way.
 */
export class JSONBytesToText {
  readonly #header = new TextHeader(0, false);
  readonly #headers = new Map<CallSite, HeaderParts>();
  readonly #keys: ByteNames<number>;
  readonly #callers = new ByteNames<CallSite | null>(callSite);
  #kinds = new Uint8Array(64);
  #spans = new Int32Array(64 * 4);
  #hashes = new Int32Array(64);
  /** The pairs' text written by core's encoder (numbers that are not plain integers), in order. */
  readonly #fields: string[] = [];
  #fieldCount = 0;

  constructor(keys: ObjectKeys) {
    this.#keys = new ByteNames((key) => {
      switch (key) {
        case 'msg': return MSG;
        case 'logger': return LOGGER;
        case 'err': return ERR;
        case 'caller': return CALLER_KEY;
        case 'v': return V;
        case 'ts': return TS;
      }
      const kind = keys.kindOf(key);
      return kind === 'ref' ? REF : kind === 'list' ? LIST : PLAIN;
    });
  }

  /** Converts `buffer.bytes[start, end)` into the buffer's output; false (nothing written) to decline. */
  convert(buffer: ByteBuffer, start: number, end: number): boolean {
    const b = buffer.bytes;
    if (b[start] !== 0x7b || b[start + 1] !== QUOTE || b[start + 2] !== 0x74 || b[start + 3] !== 0x73 || b[start + 4] !== QUOTE || b[start + 5] !== 0x3a) return false;
    // The time: a plain decimal (digits, one inner dot) or a small integer.
    let p = start + 6;
    let dot = -1;
    let whole = 0;
    let fraction = 0;
    while (p < end && ((b[p] >= 0x30 && b[p] <= 0x39) || (b[p] === 0x2e && dot === -1 && p > start + 6))) {
      if (b[p] === 0x2e) dot = p;
      else if (dot === -1) whole = whole * 10 + b[p] - 0x30;
      else fraction = fraction * 10 + b[p] - 0x30;
      p++;
    }
    if (dot === p - 1 || (b[start + 6] === 0x30 && dot !== start + 7 && p - start - 6 > 1)) return false;
    if (dot === -1 && plainIntegerEnd(b, start + 6, p) !== p) return false;
    const ts = (dot === -1 ? whole : decimalMillis(whole, fraction, p - dot - 1)) ?? Number(b.toString('latin1', start + 6, p));

    let msgStart = -1;
    let msgEnd = -1;
    let loggerStart = -1;
    let loggerEnd = -1;
    let errStart = -1;
    let errEnd = -1;
    let errBlock = false;
    let v = -1;
    let site: CallSite | undefined;
    let pairs = 0;
    this.#fieldCount = 0;
    for (;;) {
      if (b[p] === 0x7d) {
        if (p + 1 !== end) return false;
        break;
      }
      if (b[p] !== 0x2c || b[p + 1] !== QUOTE) return false;
      const keyStart = p + 2;
      let k = keyStart;
      let hash = 0x811c9dc5;
      while (k < end && KEY_BYTE[b[k]] === 1) hash = Math.imul(hash ^ b[k++], 0x01000193);
      if (k === keyStart || b[k] !== QUOTE || b[k + 1] !== 0x3a) return false;
      // A key twice: JSON.parse keeps the first place and the last value; the general way says so.
      for (let i = 0; i < pairs; i++) if (this.#hashes[i] === hash) return false;
      const kind = this.#keys.get(b, keyStart, k, hash).info;
      const at = k + 2;
      const c = b[at];
      let valueEnd: number;
      let how = COPY;
      if (c === QUOTE) {
        valueEnd = plainStringEnd(b, at, end);
        if (valueEnd === -1) {
          // Escapes both formats write alike (`\t`, `\"`, `\\`: copied), or a line feed (a multi-line value).
          if (kind !== PLAIN && kind !== ERR) return false;
          valueEnd = escapedStringEnd(b, at, end);
          if (valueEnd === 0) return false;
          if (valueEnd < 0) {
            valueEnd = -valueEnd;
            how = BLOCK;
          }
        }
        if (kind === MSG) {
          msgStart = at;
          msgEnd = valueEnd;
        } else if (kind === LOGGER) {
          loggerStart = at;
          loggerEnd = valueEnd;
        } else if (kind === ERR) {
          errStart = at;
          errEnd = valueEnd;
          errBlock = how === BLOCK;
        } else if (kind === CALLER_KEY) {
          const caller = this.#callers.get(b, at + 1, valueEnd - 1, hashBytes(b, at + 1, valueEnd - 1)).info;
          if (caller === null) return false;
          site = caller;
        } else if (kind === TS || kind === V) return false;
      } else {
        if (kind >= MSG) {
          if (kind !== V) return false;
          valueEnd = plainIntegerEnd(b, at, end);
          if (valueEnd === -1 || b[at] === 0x2d) return false;
          v = 0;
          for (let i = at; i < valueEnd; i++) v = v * 10 + b[i] - 0x30;
        } else if (c === 0x7b || c === 0x5b) {
          if (kind === REF) {
            valueEnd = refEnd(b, at, end);
            how = REF_VALUE;
          } else valueEnd = kind === LIST ? -1 : plainJSONEnd(b, at, end, true);
          if (valueEnd === -1) return false;
        } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
          valueEnd = isWord(b, at, 'true') ? at + 4 : isWord(b, at, 'false') ? at + 5 : isWord(b, at, 'null') ? at + 4 : -1;
          if (valueEnd === -1) return false;
        } else {
          valueEnd = at;
          while (valueEnd < end && b[valueEnd] !== 0x2c && b[valueEnd] !== 0x7d) valueEnd++;
          if (plainIntegerEnd(b, at, valueEnd) !== valueEnd) {
            // A decimal is `String(n)` in text (but zero, whose sign core's encoder keeps); anything else, its encoder.
            const n = isDecimal(b, at, valueEnd) ? Number(b.toString('latin1', at, valueEnd)) : 0;
            const value = n !== 0 ? n : parseNumberLiteral(b.toString('latin1', at, valueEnd));
            if (value === undefined) return false;
            how = FIELD;
            this.#fields[this.#fieldCount++] = n !== 0 ? String(n) : textValue(value);
          }
        }
      }
      if (pairs === this.#kinds.length) this.#growPairs();
      this.#hashes[pairs] = hash;
      this.#kinds[pairs] = kind >= MSG ? 255 : how;
      const span = pairs * 4;
      this.#spans[span] = keyStart;
      this.#spans[span + 1] = k;
      this.#spans[span + 2] = at;
      this.#spans[span + 3] = valueEnd;
      pairs++;
      p = valueEnd;
    }
    if (msgStart === -1 || ts < 0) return false;

    // Kubernetes writes no severity: a record without "v" is an error.
    const error = v === -1;
    const [timeMs, timeNs] = clockOf(ts);
    if (!buffer.room(2 * (end - start) + 256)) return false;
    let o = this.#writeHeader(b, buffer.out, error ? 'E' : 'I', timeMs, timeNs, site);
    o = move(b, o, msgStart, msgEnd);
    if (errStart !== -1 && error) o = writeText(b, put(b, o, ERR_PAIR), errStart, errEnd, errBlock);
    if (loggerStart !== -1) o = move(b, put(b, o, LOGGER_PAIR), loggerStart, loggerEnd);
    let field = 0;
    const spans = this.#spans;
    for (let i = 0; i < pairs; i++) {
      const how = this.#kinds[i];
      if (how === 255) continue;
      const span = i * 4;
      b[o++] = 0x20;
      o = move(b, o, spans[span], spans[span + 1]);
      b[o++] = 0x3d;
      if (how === COPY) o = move(b, o, spans[span + 2], spans[span + 3]);
      else if (how === FIELD) o = putText(b, o, this.#fields[field++]);
      else if (how === BLOCK) o = writeBlock(b, o, spans[span + 2], spans[span + 3]);
      else o = writeRefText(b, o, spans[span + 2], spans[span + 3]);
    }
    if (errStart !== -1 && !error) o = writeText(b, put(b, o, ERR_PAIR), errStart, errEnd, errBlock);
    b[o++] = 0x0a;
    buffer.out = o;
    return true;
  }

  /**
   * TextHeader's text, `Lmmdd hh:mm:ss.uuuuuu       0 file:line] `: formatted by it once per second, call site
   * and severity, then only the microseconds written (as it computes them) between its parts.
   */
  #writeHeader(b: Uint8Array, o: number, severity: 'I' | 'E', timeMs: number, timeNs: number, site: CallSite | undefined): number {
    const second = Math.floor(timeMs / 1000);
    let parts = this.#headers.get(site ?? NO_SITE);
    if (parts === undefined || parts.second !== second || parts.severity !== severity) {
      const text = this.#header.format(severity, second * 1000, 0, site);
      parts = { second, severity, before: bytesOf(text.slice(0, 15)), after: bytesOf(text.slice(21)) };
      if (this.#headers.size > 10_000) this.#headers.clear();
      this.#headers.set(site ?? NO_SITE, parts);
    }
    o = put(b, o, parts.before);
    o = putDigits(b, o, (timeMs - second * 1000) * 1000 + Math.floor(timeNs / 1000), 6);
    return put(b, o, parts.after);
  }

  #growPairs(): void {
    const kinds = new Uint8Array(this.#kinds.length * 2);
    kinds.set(this.#kinds);
    const spans = new Int32Array(this.#spans.length * 2);
    spans.set(this.#spans);
    const hashes = new Int32Array(this.#hashes.length * 2);
    hashes.set(this.#hashes);
    this.#kinds = kinds;
    this.#spans = spans;
    this.#hashes = hashes;
  }
}

/** A string value `[start, end)`: as it is, or in the multi-line form (`block`). */
function writeText(b: Uint8Array, o: number, start: number, end: number, block: boolean): number {
  return block ? writeBlock(b, o, start, end) : move(b, o, start, end);
}

/** The end of `{"name":"…"}` or `{"name":"…","namespace":"…"}` of plain ASCII at `at`, or -1. */
function refEnd(b: Uint8Array, at: number, end: number): number {
  if (!isWord(b, at, '{"name":"')) return -1;
  const nameEnd = plainStringEnd(b, at + 8, end);
  if (nameEnd === -1) return -1;
  if (b[nameEnd] === 0x7d) return nameEnd + 1;
  if (!isWord(b, nameEnd, ',"namespace":"')) return -1;
  const nsEnd = plainStringEnd(b, nameEnd + 13, end);
  return nsEnd !== -1 && b[nsEnd] === 0x7d ? nsEnd + 1 : -1;
}

/** A reference `{"name":"n","namespace":"ns"}` at `[start, end)` as the text format writes it: `"ns/n"`, or `"n"`. */
function writeRefText(b: Uint8Array, o: number, start: number, end: number): number {
  const nameStart = start + 9;
  let nameEnd = nameStart;
  while (b[nameEnd] !== QUOTE) nameEnd++;
  b[o++] = QUOTE;
  if (nameEnd + 2 < end) {
    const nsStart = nameEnd + 15;
    const nsEnd = end - 2;
    if (nsEnd > nsStart) {
      o = move(b, o, nsStart, nsEnd);
      b[o++] = 0x2f;
    }
  }
  o = move(b, o, nameStart, nameEnd);
  b[o++] = QUOTE;
  return o;
}

/** The call site of a JSON `caller` (`dir/file.go:12`), or null if it is not one. */
function callSite(caller: string): CallSite | null {
  const match = CALLER.exec(caller);
  return match === null ? null : { file: match[1], line: Number(match[2]) };
}
