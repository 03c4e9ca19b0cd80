import { KObjSlice } from '@klog-ts/core';
import { quote, TextHeader, textValue } from '@klog-ts/core/format';
import type { CallSite } from '@klog-ts/core/sink';
import { isRefList } from '../parse/is-ref-list.js';
import type { LogValue } from '../parse/log-record.js';
import { parseNumberLiteral } from '../parse/number-literal.js';
import { objectValue, type ObjectKeys } from '../parse/object-keys.js';
import { jsonEnd } from '../parse/text-cursor.js';
import { clockOf } from './json-clock.js';
import { isPlainJSON } from './plain-json.js';

const QUOTE = 0x22;
const CALLER = /^(.*):(\d+)$/;
/** Anything but printable ASCII, or a backslash: a line without any has no escape and nothing to quote. */
const NOT_PLAIN = /[^\x20-\x7e]|\\/;

/** A whole-integer literal a double holds exactly, as JSON writes it: at most 15 digits, no leading zero. */
function isPlainInteger(token: string): boolean {
  const start = token.charCodeAt(0) === 0x2d ? 1 : 0;
  const length = token.length - start;
  if (length < 1 || length > 15 || (length > 1 && token.charCodeAt(start) === 0x30)) return false;
  for (let i = start; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Printable ASCII but `"` and `\`: text that strconv.Quote, klog's keys and references write as it is. */
function isPlainText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === 0x5c) return false;
  }
  return true;
}

/** A key the text format writes as it is and the fast path takes: letters, digits and `_-./:`. */
function isPlainKey(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x2f || c === 0x3a)) return false;
  }
  return true;
}

/** The end (exclusive) of the JSON number, literal or string at `start` of `line`, or -1. */
function scalarEnd(line: string, start: number): number {
  if (line.charCodeAt(start) === QUOTE) {
    for (let i = start + 1; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === QUOTE) return i + 1;
    }
    return -1;
  }
  let end = start;
  while (end < line.length) {
    const c = line.charCodeAt(end);
    if (c === 0x2c || c === 0x7d || c === 0x5d) break;
    end++;
  }
  return end === start ? -1 : end;
}

/**
 * The fast path of `klog-ts convert --to text`: one Kubernetes JSON line, as Kubernetes writes it (compact,
 * `ts` first), straight to the klog text line that `RecordFormatter('text')` writes for it, without
 * building a record or going through a logger: each piece is written by core's own encoders
 * (`@klog-ts/core/format`), and what both formats write alike (printable ASCII strings, integers) is copied.
 * Any line it is not sure of (whitespace, a duplicate key, an escaped key, a value of the wrong type under
 * `caller`, `logger`, `v` or `err`, anything that is not valid JSON) gives `undefined`, and goes the general
 * way; a test checks both ways agree, line for line.
 */
export class JSONToText {
  readonly #keys: ObjectKeys;
  readonly #header = new TextHeader(0, false);
  /** The call site of each `caller` text seen (null: not one). */
  readonly #sites = new Map<string, CallSite | null>();
  readonly #seen: string[] = [];

  constructor(keys: ObjectKeys) {
    this.#keys = keys;
  }

  /** The text (ending in a line feed) for `line`, or undefined if it must go the general way. */
  convert(line: string): string | undefined {
    if (!line.startsWith('{"ts":')) return undefined;
    let p = scalarEnd(line, 6);
    if (p === -1) return undefined;
    const tsValue = decimalOrLiteral(line.slice(6, p));
    if (typeof tsValue !== 'number' || tsValue < 0) return undefined;
    const seen = this.#seen;
    seen.length = 0;
    // Most lines are printable ASCII without a backslash: then no string needs a look of its own.
    const plainLine = !NOT_PLAIN.test(line);
    let msg: string | undefined;
    let name: string | undefined;
    let err: string | undefined;
    let v: number | undefined;
    let site: CallSite | undefined;
    let pairs = '';
    for (;;) {
      const c = line.charCodeAt(p);
      if (c === 0x7d) {
        if (p + 1 !== line.length) return undefined;
        break;
      }
      if (c !== 0x2c || line.charCodeAt(p + 1) !== QUOTE) return undefined;
      const keyEnd = line.indexOf('"', p + 2);
      if (keyEnd === -1 || line.charCodeAt(keyEnd + 1) !== 0x3a) return undefined;
      const key = line.slice(p + 2, keyEnd);
      if (!isPlainKey(key) || key === 'ts' || seen.includes(key)) return undefined;
      seen.push(key);
      const start = keyEnd + 2;
      const first = line.charCodeAt(start);
      if (first === QUOTE) {
        const end = plainLine ? line.indexOf('"', start + 1) + 1 : scalarEnd(line, start);
        if (end <= 0) return undefined;
        if (key === 'caller') {
          const caller = this.#site(line, start + 1, end - 1);
          if (caller === null) return undefined;
          site = caller;
          p = end;
          continue;
        }
        const plain = plainLine || isPlainText(line, start + 1, end - 1);
        let value: string;
        if (plain) value = line.slice(start + 1, end - 1);
        else {
          try {
            value = JSON.parse(line.slice(start, end)) as string;
          } catch {
            return undefined;
          }
        }
        p = end;
        switch (key) {
          case 'msg': msg = value; continue;
          case 'logger': name = value; continue;
          case 'err': err = value; continue;
        }
        // A plain string without a line feed is quoted as it is (strconv.Quote).
        pairs += ` ${key}=${plain ? `"${value}"` : textValue(value)}`;
        continue;
      }
      if (key === 'msg' || key === 'logger' || key === 'err' || key === 'caller') return undefined;
      let value: LogValue | undefined;
      let end: number;
      if (first === 0x7b || first === 0x5b) {
        end = jsonEnd(line, start);
        if (end === -1) return undefined;
        const kind = this.#keys.kindOf(key);
        const verbatim = kind === 'ref' ? refText(line, start, end) : kind === undefined && isPlainJSON(line, start, end, true) ? line.slice(start, end) : undefined;
        if (verbatim !== undefined) {
          pairs += ` ${key}=${verbatim}`;
          p = end;
          continue;
        }
        try {
          value = JSON.parse(line.slice(start, end)) as LogValue;
        } catch {
          return undefined;
        }
        if (kind !== undefined) value = objectValue(kind, value, false);
        pairs += ` ${key}=${textValue(isRefList(value) ? KObjSlice(value) : value)}`;
        p = end;
        continue;
      }
      end = scalarEnd(line, start);
      if (end === -1) return undefined;
      const token = line.slice(start, end);
      p = end;
      if (token === 'true' || token === 'false' || token === 'null') {
        if (key === 'v') return undefined;
        pairs += ` ${key}=${token}`;
        continue;
      }
      value = isPlainInteger(token) ? Number(token) : parseNumberLiteral(token);
      if (value === undefined) return undefined;
      if (key === 'v') {
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return undefined;
        v = value;
        continue;
      }
      pairs += ` ${key}=${typeof value === 'number' && isPlainInteger(token) ? token : textValue(value)}`;
    }
    if (msg === undefined) return undefined;
    // Kubernetes writes no severity: a record without "v" is an error.
    const severity = v === undefined ? 'E' : 'I';
    const [timeMs, timeNs] = clockOf(tsValue);
    let out = this.#header.format(severity, timeMs, timeNs, site) + (isPlainText(msg, 0, msg.length) ? `"${msg}"` : quote(msg));
    if (err !== undefined && severity === 'E') out += ` err=${textValue(err)}`;
    if (name !== undefined) out += ` logger=${textValue(name)}`;
    out += pairs;
    if (err !== undefined && severity === 'I') out += ` err=${textValue(err)}`;
    return `${out}\n`;
  }

  /**
   * The call site of the JSON `caller` at `line[start, end)` (`dir/file.go:12`, as written), shared by its
   * lines; null if it is not one.
   */
  #site(line: string, start: number, end: number): CallSite | null {
    const text = line.slice(start, end);
    let site = this.#sites.get(text);
    if (site !== undefined) return site;
    let caller: string;
    try {
      caller = JSON.parse(`"${text}"`) as string;
    } catch {
      return null;
    }
    const match = CALLER.exec(caller);
    site = match === null ? null : { file: match[1], line: Number(match[2]) };
    // The callers of a log are few; bounded all the same.
    if (this.#sites.size > 10_000) this.#sites.clear();
    this.#sites.set(text, site);
    return site;
  }
}

/** A JSON number literal: a plain decimal (`1709802303012.3457`) read at once, anything else by parseNumberLiteral. */
function decimalOrLiteral(text: string): number | bigint | undefined {
  let dot = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e && dot === -1 && i > 0) dot = i;
    else if (c < 0x30 || c > 0x39) return parseNumberLiteral(text);
  }
  // Digits with one inner dot and no leading zero: JSON.parse reads the same double. An integer goes the
  // long way, for a bigint beyond 2^53.
  if (dot === -1 || dot === text.length - 1 || (text.charCodeAt(0) === 0x30 && dot !== 1)) return parseNumberLiteral(text);
  return Number(text);
}

/**
 * `"ns/name"` for the common reference `{"name":"…","namespace":"…"}` (or `{"name":"…"}`) of printable
 * ASCII, as the text format writes a KObj; undefined for anything else (it goes through JSON.parse).
 */
function refText(line: string, start: number, end: number): string | undefined {
  if (line.slice(start, start + 9) !== '{"name":"') return undefined;
  const nameEnd = line.indexOf('"', start + 9);
  if (nameEnd === -1 || nameEnd >= end || !isPlainText(line, start + 9, nameEnd)) return undefined;
  // ObjectRef's text: `ns/name`, or the name alone without a namespace.
  if (nameEnd + 2 === end && line.charCodeAt(nameEnd + 1) === 0x7d) return `"${line.slice(start + 9, nameEnd)}"`;
  if (line.slice(nameEnd, nameEnd + 15) !== '","namespace":"') return undefined;
  const nsStart = nameEnd + 15;
  const nsEnd = line.indexOf('"', nsStart);
  if (nsEnd + 2 !== end || line.charCodeAt(nsEnd + 1) !== 0x7d || !isPlainText(line, nsStart, nsEnd)) return undefined;
  return nsEnd === nsStart ? `"${line.slice(start + 9, nameEnd)}"` : `"${line.slice(nsStart, nsEnd)}/${line.slice(start + 9, nameEnd)}"`;
}
