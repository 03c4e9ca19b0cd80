import { unquoteGo } from './go-unquote.js';
import type { JSONValue, LogValue } from './log-record.js';
import { parseNumberLiteral } from './number-literal.js';
import { ScanProblem } from './parse-error.js';

/** The end (exclusive) of the JSON array or object starting at `start`, or -1 if it is not closed. */
export function jsonEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string, escapes included.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      if (i >= text.length) return -1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/** A position in one line of klog text, with readers for the pieces of a record. */
export class TextCursor {
  text = '';
  pos = 0;

  reset(text: string, pos: number): void {
    this.text = text;
    this.pos = pos;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** A Go double-quoted string (strconv.Quote, `%+q`) at the cursor; moves past its closing quote. */
  quoted(): string {
    const text = this.text;
    const start = this.pos + 1;
    let escaped = false;
    let end: number;
    for (let from = start; ; ) {
      end = text.indexOf('"', from);
      if (end === -1) throw new ScanProblem('UNTERMINATED_STRING', 'unterminated quoted string', this.pos);
      const backslash = text.indexOf('\\', from);
      if (backslash === -1 || backslash > end) break;
      escaped = true;
      from = backslash + 2;
    }
    this.pos = end + 1;
    const body = text.slice(start, end);
    return escaped ? unquoteGo(body, start) : body;
  }

  /** A Go encoding/json array or object at the cursor (maps, slices, structs, KObjSlice). */
  json(): JSONValue {
    const start = this.pos;
    const end = jsonEnd(this.text, start);
    if (end === -1) throw new ScanProblem('BAD_VALUE', 'unterminated JSON value', start);
    try {
      const value = JSON.parse(this.text.slice(start, end)) as JSONValue;
      this.pos = end;
      return value;
    } catch {
      throw new ScanProblem('BAD_VALUE', 'invalid JSON value', start);
    }
  }

  /**
   * klog's raw form of an object reference at the cursor, `"ns/na"me"`: klog writes the text between the
   * quotes unescaped, so it ends at the first quote followed by a space or the end of the line. Undefined
   * (the cursor unmoved) when there is none.
   */
  rawQuoted(): string | undefined {
    const text = this.text;
    for (let end = text.indexOf('"', this.pos + 1); end !== -1; end = text.indexOf('"', end + 1)) {
      if (end + 1 === text.length || text.charCodeAt(end + 1) === 0x20) {
        const body = text.slice(this.pos + 1, end);
        this.pos = end + 1;
        return body;
      }
    }
    return undefined;
  }

  /**
   * klog's raw form of a KObjSlice at the cursor, `["ns/a"b",null]`: items are `null` or `"ns/name"` with the
   * text unescaped (klog-ts writes one that needs escapes as a JSON string, which is read as such). An item
   * ends at the first quote followed by `,"`, `,null` or a `]` that ends the value. Undefined (the cursor
   * unmoved) when the text is not such a list.
   */
  rawRefList(): (string | null)[] | undefined {
    const text = this.text;
    const items: (string | null)[] = [];
    let at = this.pos + 1;
    for (;;) {
      if (text.startsWith('null', at)) {
        items.push(null);
        at += 4;
      } else if (text.charCodeAt(at) === 0x22) {
        const end = rawItemEnd(text, at);
        if (end === -1) return undefined;
        items.push(itemText(text.slice(at, end + 1)));
        at = end + 1;
      } else return undefined;
      const c = text.charCodeAt(at);
      if (c === 0x2c) {
        at++;
        continue;
      }
      if (c !== 0x5d || (at + 1 < text.length && text.charCodeAt(at + 1) !== 0x20)) return undefined;
      this.pos = at + 1;
      return items;
    }
  }

  /** A number, `true`, `false` or `null` at the cursor, up to the next space. */
  bare(): LogValue {
    const start = this.pos;
    const space = this.text.indexOf(' ', start);
    const end = space === -1 ? this.text.length : space;
    const token = this.text.slice(start, end);
    this.pos = end;
    switch (token) {
      case 'true': return true;
      case 'false': return false;
      case 'null': return null;
    }
    const n = parseNumberLiteral(token);
    if (n === undefined) throw new ScanProblem('BAD_VALUE', `unexpected value ${JSON.stringify(token)}`, start);
    return n;
  }
}

/** The closing quote of a raw KObjSlice item that opens at `start`, or -1. */
function rawItemEnd(text: string, start: number): number {
  for (let end = text.indexOf('"', start + 1); end !== -1; end = text.indexOf('"', end + 1)) {
    const next = text.charCodeAt(end + 1);
    if (next === 0x5d && (end + 2 === text.length || text.charCodeAt(end + 2) === 0x20)) return end;
    if (next === 0x2c && (text.charCodeAt(end + 2) === 0x22 || text.startsWith('null', end + 2))) return end;
  }
  return -1;
}

/** A raw item with its quotes: a JSON string if it reads as one (klog-ts's escaped form), else the text between them. */
function itemText(quoted: string): string {
  if (quoted.includes('\\')) {
    try {
      return JSON.parse(quoted) as string;
    } catch {
      // Not JSON: klog wrote a backslash of the name as it is.
    }
  }
  return quoted.slice(1, -1);
}
