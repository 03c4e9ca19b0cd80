import { jsonField, zapString } from '@klog-ts/core/format';
import { callerText } from '@klog-ts/core/sink';
import type { HeaderTime } from '../parse/header-time.js';
import { parseNumberLiteral } from '../parse/number-literal.js';
import type { ObjectKeys } from '../parse/object-keys.js';
import type { ByteBuffer } from './byte-buffer.js';
import { ByteNames } from './byte-names.js';
import { isWord, KEY_BYTE, PLAIN_BYTE } from './byte-reads.js';
import { bytesOf, move, put, putText, putTextTime, secondDigits } from './byte-writes.js';
import { isDecimal, plainIntegerEnd, plainJSONEnd } from './plain-json-bytes.js';

const TAB = 0x09;
const LF = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

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
const BLOCK = 3;
const NUMBER = 4;

const TS = bytesOf('{"ts":');
const LOGGER_FIELD = bytesOf(',"logger":');
const V0 = bytesOf(',"v":0');
const ERR_FIELD = bytesOf(',"err":');
const NAME = bytesOf('{"name":"');
const NAMESPACE = bytesOf('","namespace":"');

/** 1 for printable ASCII but `]`: what a header's `file:line` holds. */
const CALLER_BYTE = Uint8Array.from({ length: 256 }, (_, c) => (c >= 0x20 && c <= 0x7e && c !== 0x5d ? 1 : 0));
/** 1 for the bytes a line of a multi-line value may hold here: printable ASCII and the tab (escaped in JSON where needed). */
const BLOCK_BYTE = Uint8Array.from({ length: 256 }, (_, c) => ((c >= 0x20 && c <= 0x7e) || c === TAB ? 1 : 0));

/** The end of the Go-quoted string of printable ASCII without escapes at `at` (after its closing quote), or -1. */
function quotedEnd(b: Uint8Array, at: number, end: number): number {
  let q = at + 1;
  while (q < end && PLAIN_BYTE[b[q]] === 1) q++;
  return q < end && b[q] === QUOTE ? q + 1 : -1;
}

/**
 * The end of a multi-line value's lines from `at` (each a tab and printable ASCII, as the reader takes them:
 * up to a line that starts with ` >`): after that `>`, or -1.
 */
function blockEnd(b: Uint8Array, at: number, end: number): number {
  let p = at;
  for (;;) {
    if (p + 1 >= end) return -1;
    if (b[p] === SPACE && b[p + 1] === 0x3e) return p + 2;
    if (b[p] !== TAB) return -1;
    p++;
    while (p < end && BLOCK_BYTE[b[p]] === 1) p++;
    if (p >= end || b[p] !== LF) return -1;
    p++;
  }
}

/**
 * A string value as a JSON string: a quoted one `[start, end)` as it is; a multi-line one (`<`, its lines,
 * ` >`) as the reader reads it (each line and a line feed), escaped as zap escapes it.
 */
function writeString(b: Uint8Array, o: number, start: number, end: number): number {
  if (b[start] === QUOTE) return move(b, o, start, end);
  b[o++] = QUOTE;
  const close = end - 2;
  // No line at all is read as one line feed.
  if (close === start + 2) {
    b[o++] = BACKSLASH;
    b[o++] = 0x6e;
  }
  for (let p = start + 2; p < close; p++) {
    // A line: its tab, its bytes, its line feed.
    for (p++; b[p] !== LF; p++) {
      const c = b[p];
      if (c === QUOTE || c === BACKSLASH) {
        b[o++] = BACKSLASH;
        b[o++] = c;
      } else if (c === TAB) {
        b[o++] = BACKSLASH;
        b[o++] = 0x74;
      } else b[o++] = c;
    }
    b[o++] = BACKSLASH;
    b[o++] = 0x6e;
  }
  b[o++] = QUOTE;
  return o;
}

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
  #secondDigits: Uint8Array | undefined;
  /** The pairs of the line: per pair, how it is written, its key, its value (and where a reference's `/` is). */
  #kinds = new Uint8Array(64);
  #spans = new Int32Array(64 * 5);
  /** The pairs' text written by core's encoder (numbers that are not plain integers), in order. */
  readonly #fields: string[] = [];
  #fieldCount = 0;
  /** What the steps of a line hand on: its header's `,"caller":…,"msg":` and microseconds, its pairs, logger and error. */
  #caller: Uint8Array = new Uint8Array(0);
  #micros = 0;
  #pairCount = 0;
  #loggerStart = -1;
  #loggerEnd = -1;
  #errStart = -1;
  #errEnd = -1;

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
    // Three steps, each a method of its own (each optimized apart, and soon).
    const b = buffer.bytes;
    const msgStart = this.#header(b, start, end);
    if (msgStart === -1 || b[msgStart] !== QUOTE) return false;
    const msgEnd = quotedEnd(b, msgStart, end);
    if (msgEnd === -1 || !this.#pairs(b, msgEnd, end)) return false;
    if (!buffer.room(3 * (end - start) + 256)) return false;
    buffer.out = this.#write(b, buffer.out, b[start], msgStart, msgEnd);
    return true;
  }

  /** Reads the header at `start` (its caller, its time): where the message starts, or -1. */
  #header(b: Buffer, start: number, end: number): number {
    const severity = b[start];
    if ((severity !== 0x49 && severity !== 0x57 && severity !== 0x45 && severity !== 0x46) || end - start < 32) return -1;
    if (!digits(b, start + 1, start + 5) || b[start + 5] !== SPACE || !digits(b, start + 6, start + 8) || b[start + 8] !== 0x3a || !digits(b, start + 9, start + 11)) return -1;
    if (b[start + 11] !== 0x3a || !digits(b, start + 12, start + 14) || b[start + 14] !== 0x2e || !digits(b, start + 15, start + 21) || b[start + 21] !== SPACE) return -1;
    let p = start + 22;
    while (b[p] === SPACE) p++;
    const pidStart = p;
    while (isDigit(b[p])) p++;
    if (p === pidStart || b[p] !== SPACE) return -1;
    const callerStart = p + 1;
    let close = callerStart;
    let hash = 0x811c9dc5;
    while (close < end && CALLER_BYTE[b[close]] === 1) hash = Math.imul(hash ^ b[close++], 0x01000193);
    if (close + 1 >= end || b[close] !== 0x5d || b[close + 1] !== SPACE) return -1;
    const caller = this.#callers.get(b, callerStart, close, hash).info;
    if (caller === undefined) return -1;
    const secondKey = ((((two(b, start + 1) * 100 + two(b, start + 3)) * 100 + two(b, start + 6)) * 100 + two(b, start + 9)) * 100) + two(b, start + 12);
    if (secondKey !== this.#secondKey && !this.#enterSecond(b, start, secondKey)) return -1;
    let micros = 0;
    for (let i = start + 15; i < start + 21; i++) micros = micros * 10 + b[i] - 0x30;
    this.#caller = caller;
    this.#micros = micros;
    return close + 2;
  }

  /** Reads the pairs from `p` to `end` (the logger's name is written before the caller, the error last); false to decline. */
  #pairs(b: Buffer, p: number, end: number): boolean {
    let pairs = 0;
    let loggerStart = -1;
    let loggerEnd = -1;
    let errStart = -1;
    let errEnd = -1;
    this.#fieldCount = 0;
    while (p < end) {
      if (b[p] !== SPACE) return false;
      const keyStart = p + 1;
      let k = keyStart;
      let hash = 0x811c9dc5;
      while (k < end && KEY_BYTE[b[k]] === 1) hash = Math.imul(hash ^ b[k++], 0x01000193);
      if (k === keyStart || b[k] !== 0x3d) return false;
      const kind = this.#keys.get(b, keyStart, k, hash).info;
      const v = k + 1;
      const c = b[v];
      let valueEnd: number;
      let how = COPY;
      let slash = -1;
      if (c === QUOTE || (c === 0x3c && b[v + 1] === LF)) {
        if (c === QUOTE) valueEnd = quotedEnd(b, v, end);
        else {
          // `<` ends the line: a multi-line value (a string), read whole when the ByteConverter holds its lines.
          if (kind === REF || kind === LIST) return false;
          valueEnd = blockEnd(b, v + 2, end);
          how = BLOCK;
        }
        if (valueEnd === -1) return false;
        if (kind === LOGGER && loggerStart === -1) {
          loggerStart = v;
          loggerEnd = valueEnd;
        } else if (kind === ERR && errStart === -1) {
          errStart = v;
          errEnd = valueEnd;
        } else if (kind === REF) {
          // Only a quoted value gets here: a multi-line one under a reference's key was declined above.
          slash = refSlash(b, v + 1, valueEnd - 1);
          if (slash !== -2) how = REF_VALUE;
        }
      } else if (c === 0x7b || c === 0x5b) {
        if (kind === REF || kind === LIST) return false;
        valueEnd = plainJSONEnd(b, v, end, false);
        if (valueEnd === -1) return false;
      } else {
        valueEnd = v;
        while (valueEnd < end && b[valueEnd] !== SPACE && b[valueEnd] !== LF) valueEnd++;
        const length = valueEnd - v;
        const literal = (length === 4 && (isWord(b, v, 'true') || isWord(b, v, 'null'))) || (length === 5 && isWord(b, v, 'false'));
        if (!literal && plainIntegerEnd(b, v, valueEnd) !== valueEnd) {
          if (length === 0) return false;
          const token = b.toString('latin1', v, valueEnd);
          // A decimal is `String(n)` in JSON within [1e-6, 1e21), where it has no exponent; else core's encoder says.
          const n = isDecimal(b, v, valueEnd) ? Number(token) : 0;
          if (Math.abs(n) >= 1e-6 && Math.abs(n) < 1e21) {
            how = NUMBER;
            this.#fields[this.#fieldCount++] = String(n);
          } else {
            const value = parseNumberLiteral(token);
            if (value === undefined) return false;
            how = FIELD;
            this.#fields[this.#fieldCount++] = jsonField(b.toString('latin1', keyStart, k), value, '');
          }
        }
      }
      if (valueEnd < end && b[valueEnd] !== SPACE) return false;
      if (!(kind === LOGGER && loggerStart === v) && !(kind === ERR && errStart === v)) {
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
    this.#pairCount = pairs;
    this.#loggerStart = loggerStart;
    this.#loggerEnd = loggerEnd;
    this.#errStart = errStart;
    this.#errEnd = errEnd;
    return true;
  }

  /** Writes the record read, in Kubernetes' order, at `o`; returns the end. */
  #write(b: Buffer, o: number, severity: number, msgStart: number, msgEnd: number): number {
    const spans = this.#spans;
    o = put(b, o, TS);
    // Kubernetes' ts: float64(UnixNano) / 1e6, the product rounded once as Go's int64 → float64 is.
    o = putTextTime(b, o, this.#secondMs, this.#secondDigits, this.#micros);
    if (this.#loggerStart !== -1) o = writeString(b, put(b, o, LOGGER_FIELD), this.#loggerStart, this.#loggerEnd);
    o = move(b, put(b, o, this.#caller), msgStart, msgEnd);
    // Kubernetes writes "v" for any record but an error (E); a Fatal is logged as info, with its err.
    if (severity !== 0x45) o = put(b, o, V0);
    let field = 0;
    for (let i = 0; i < this.#pairCount; i++) {
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
      else if (how === NUMBER) o = putText(b, o, this.#fields[field++]);
      else if (how === BLOCK) o = writeString(b, o, spans[at + 2], spans[at + 3]);
      else o = writeRef(b, o, spans[at + 2] + 1, spans[at + 3] - 1, spans[at + 4]);
    }
    if (this.#errStart !== -1) o = writeString(b, put(b, o, ERR_FIELD), this.#errStart, this.#errEnd);
    b[o++] = 0x7d;
    b[o++] = 0x0a;
    return o;
  }

  /**
   * The header at `start` is of another second than the last (once a second of the log): reads it, false if
   * it is no time.
   */
  #enterSecond(b: Buffer, start: number, secondKey: number): boolean {
    const second = this.#time.secondOf(b.toString('latin1', start + 1, start + 14));
    if (second === undefined) return false;
    this.#secondKey = secondKey;
    this.#secondMs = second;
    this.#secondDigits = secondDigits(second);
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

/**
 * Where the `/` of a reference's text `[start, end)` is (`ns/name`; -1: `name`), or -2 if the reader keeps
 * the text a string (a space, a second `/`).
 */
function refSlash(b: Uint8Array, start: number, end: number): number {
  let slash = -1;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === SPACE) return -2;
    if (c === 0x2f) {
      if (slash !== -1) return -2;
      slash = i;
    }
  }
  return slash;
}

/** `{"name":…,"namespace":…}` for the text `ns/name` at `[start, end)` (`slash` its `/`, or -1), as the reader makes a reference of it. */
function writeRef(b: Uint8Array, o: number, start: number, end: number, slash: number): number {
  o = move(b, put(b, o, NAME), slash === -1 ? start : slash + 1, end);
  if (slash > start) o = move(b, put(b, o, NAMESPACE), start, slash);
  b[o++] = QUOTE;
  b[o++] = 0x7d;
  return o;
}

/** `,"caller":"…","msg":` for a header's `file:line` (no caller for `???:1`), or undefined if it is not one. */
function callerField(text: string): Uint8Array | undefined {
  const colon = text.lastIndexOf(':');
  if (colon === -1 || colon + 1 === text.length || !/^\d+$/.test(text.slice(colon + 1))) return undefined;
  return bytesOf(`${text === '???:1' ? '' : `,"caller":${zapString(callerText({ file: text.slice(0, colon), line: Number(text.slice(colon + 1)) }))}`},"msg":`);
}
