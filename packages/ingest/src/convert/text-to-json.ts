import { KObjSlice } from '@klog-ts/core';
import { formatFloatF, jsonField, zapString } from '@klog-ts/core/format';
import { callerText } from '@klog-ts/core/sink';
import { unquoteGo } from '../parse/go-unquote.js';
import type { HeaderTime } from '../parse/header-time.js';
import { isRefList } from '../parse/is-ref-list.js';
import type { LogValue } from '../parse/log-record.js';
import { parseNumberLiteral } from '../parse/number-literal.js';
import { objectValue, type ObjectKeys } from '../parse/object-keys.js';
import { jsonEnd } from '../parse/text-cursor.js';
import { isPlainJSON } from './plain-json.js';

const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Whether `line` has digits from `from` to `to` (exclusive). */
function digits(line: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(line.charCodeAt(i))) return false;
  return true;
}

/** A key that needs no escaping in JSON and that the reader takes as it is: letters, digits and `_-./:`. */
function isPlainKey(line: string, from: number, to: number): boolean {
  if (from === to) return false;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x2f || c === 0x3a)) return false;
  }
  return true;
}

/** A whole-integer literal a double holds exactly, written as JSON writes it: `0`, `-12`, at most 15 digits. */
function isPlainInteger(token: string): boolean {
  const start = token.charCodeAt(0) === 0x2d ? 1 : 0;
  const length = token.length - start;
  if (length < 1 || length > 15 || (length > 1 && token.charCodeAt(start) === 0x30)) return false;
  return digits(token, start, token.length);
}

/** A Go-quoted string read at `start`: its end (after the closing quote), its value, and whether the body had no escape. */
interface QuotedString {
  end: number;
  value: string;
  plain: boolean;
}

/**
 * The fast path of `klog-ts convert --to json`: one klog text line that holds a whole structured record
 * with a header, straight to the Kubernetes JSON line that `RecordFormatter('json')` writes for it, without
 * building a record or going through a logger. It reads the line as the text parser does and writes each
 * piece with core's own encoders (`@klog-ts/core/format`), copying what both formats write alike (a Go-quoted
 * string without escapes is a zap string as it is). Any line it is not sure of (no header, a legacy message,
 * a multi-line value, a key or value it does not read itself, anything malformed) gives `undefined`, and
 * goes the general way; a test checks both ways agree, line for line.
 */
export class TextToJSON {
  readonly #time: HeaderTime;
  readonly #keys: ObjectKeys;
  /** `,"caller":"…"` for each `file:line` of a header. */
  readonly #callers = new Map<string, string>();
  readonly #quoted: QuotedString = { end: 0, value: '', plain: true };
  /** Whether the line being read holds a backslash (else no string of it has an escape). */
  #escapes = false;

  constructor(time: HeaderTime, keys: ObjectKeys) {
    this.#time = time;
    this.#keys = keys;
  }

  /** The JSON line (ending in a line feed) for `line`, or undefined if it must go the general way. */
  convert(line: string): string | undefined {
    const n = line.length;
    const severity = line.charCodeAt(0);
    // I, W, E, F; then `MMDD hh:mm:ss.uuuuuu ` at fixed offsets.
    if ((severity !== 0x49 && severity !== 0x57 && severity !== 0x45 && severity !== 0x46) || n < 32) return undefined;
    if (!digits(line, 1, 5) || line.charCodeAt(5) !== SPACE || !digits(line, 6, 8) || line.charCodeAt(8) !== 0x3a || !digits(line, 9, 11)) return undefined;
    if (line.charCodeAt(11) !== 0x3a || !digits(line, 12, 14) || line.charCodeAt(14) !== 0x2e || !digits(line, 15, 21) || line.charCodeAt(21) !== SPACE) return undefined;
    let p = 22;
    while (line.charCodeAt(p) === SPACE) p++;
    const pidStart = p;
    while (isDigit(line.charCodeAt(p))) p++;
    if (p === pidStart || line.charCodeAt(p) !== SPACE) return undefined;
    const callerStart = p + 1;
    const close = line.indexOf('] ', callerStart);
    if (close === -1 || line.indexOf(']', callerStart) !== close) return undefined;
    const caller = this.#caller(line.slice(callerStart, close));
    if (caller === undefined) return undefined;
    const second = this.#time.secondOf(line.slice(1, 14));
    if (second === undefined) return undefined;
    const micros = second * 1000 + Number(line.slice(15, 21));
    // Kubernetes' ts: float64(UnixNano) / 1e6, the product rounded once as Go's int64 → float64 is.
    const ms = (micros * 1000) / 1e6;
    const ts = ms >= 1e-6 && ms < 1e21 ? String(ms) : formatFloatF(ms);

    const q = this.#quoted;
    this.#escapes = line.indexOf('\\', close) !== -1;
    p = close + 2;
    if (line.charCodeAt(p) !== QUOTE || !this.#string(line, p)) return undefined;
    const msg = q.plain ? `"${q.value}"` : zapString(q.value);
    p = q.end;

    let name: string | undefined;
    let err: string | undefined;
    let pairs = '';
    while (p < n) {
      if (line.charCodeAt(p) !== SPACE) return undefined;
      const keyStart = p + 1;
      const eq = line.indexOf('=', keyStart);
      if (eq === -1 || !isPlainKey(line, keyStart, eq)) return undefined;
      const key = line.slice(keyStart, eq);
      const v = eq + 1;
      const c = line.charCodeAt(v);
      let end: number;
      if (c === QUOTE) {
        if (!this.#string(line, v)) return undefined;
        end = q.end;
        if (end < n && line.charCodeAt(end) !== SPACE) return undefined;
        const value = q.value;
        if (key === 'logger' && name === undefined) name = value;
        else if (key === 'err' && err === undefined) err = value;
        else {
          const ref = this.#keys.kindOf(key) === 'ref' ? refJSON(value, q.plain) : undefined;
          if (ref === null) return undefined;
          pairs += `,"${key}":${ref ?? (q.plain ? `"${value}"` : zapString(value))}`;
        }
      } else if (c === 0x7b || c === 0x5b) {
        end = jsonEnd(line, v);
        if (end === -1 || (end < n && line.charCodeAt(end) !== SPACE)) return undefined;
        const kind = this.#keys.kindOf(key);
        if (kind === undefined && isPlainJSON(line, v, end, false)) pairs += `,"${key}":${line.slice(v, end)}`;
        else {
          let value: LogValue;
          try {
            value = JSON.parse(line.slice(v, end)) as LogValue;
          } catch {
            return undefined;
          }
          if (kind !== undefined) value = objectValue(kind, value, true);
          pairs += `,${jsonField(key, isRefList(value) ? KObjSlice(value) : value, '')}`;
        }
      } else {
        end = line.indexOf(' ', v);
        if (end === -1) end = n;
        const token = line.slice(v, end);
        if (token === 'true' || token === 'false' || token === 'null' || isPlainInteger(token)) pairs += `,"${key}":${token}`;
        else {
          const value = parseNumberLiteral(token);
          if (value === undefined) return undefined;
          pairs += `,${jsonField(key, value, '')}`;
        }
      }
      p = end;
    }
    const logger = name === undefined ? '' : `,"logger":${zapString(name)}`;
    // Kubernetes writes "v" for any record but an error (E); a Fatal is logged as info, with its err.
    const v = severity === 0x45 ? '' : ',"v":0';
    const errField = err === undefined ? '' : `,"err":${zapString(err)}`;
    return `{"ts":${ts}${logger}${caller},"msg":${msg}${v}${pairs}${errField}}\n`;
  }

  /** `,"caller":"…"` for a header's `file:line` (empty for `???:1`), or undefined if it is not one. */
  #caller(text: string): string | undefined {
    let field = this.#callers.get(text);
    if (field !== undefined) return field;
    const colon = text.lastIndexOf(':');
    if (colon === -1 || colon + 1 === text.length || !digits(text, colon + 1, text.length)) return undefined;
    field = text === '???:1' ? '' : `,"caller":${zapString(callerText({ file: text.slice(0, colon), line: Number(text.slice(colon + 1)) }))}`;
    // The callers of a log are few; bounded all the same.
    if (this.#callers.size > 10_000) this.#callers.clear();
    this.#callers.set(text, field);
    return field;
  }

  /** Reads the Go-quoted string at `start` into `#quoted`; false if it is not one. */
  #string(line: string, start: number): boolean {
    const q = this.#quoted;
    const close = line.indexOf('"', start + 1);
    if (close === -1) return false;
    if (!this.#escapes || line.lastIndexOf('\\', close) <= start) {
      q.end = close + 1;
      q.value = line.slice(start + 1, close);
      q.plain = true;
      return true;
    }
    let i = start + 1;
    for (; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) break;
    }
    if (i >= line.length) return false;
    try {
      q.value = unquoteGo(line.slice(start + 1, i), start + 1);
    } catch {
      return false;
    }
    q.end = i + 1;
    q.plain = false;
    return true;
  }
}

/**
 * An object key's text value as JSON: `"ns/name"` as `{"name":…,"namespace":…}` (what the reader makes of
 * it); `undefined` for text that cannot be a reference (it stays a string); `null` when the fast path does not
 * write it itself (escapes).
 */
function refJSON(text: string, plain: boolean): string | undefined | null {
  if (text.includes(' ')) return plain ? undefined : null;
  if (!plain) return null;
  const slash = text.indexOf('/');
  if (slash === -1) return `{"name":"${text}"}`;
  if (text.indexOf('/', slash + 1) !== -1) return undefined;
  const namespace = text.slice(0, slash);
  const name = text.slice(slash + 1);
  return namespace === '' ? `{"name":"${name}"}` : `{"name":"${name}","namespace":"${namespace}"}`;
}
