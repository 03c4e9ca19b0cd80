import type { LogValue } from './log-record.js';
import { ScanProblem } from './parse-error.js';
import { TextCursor } from './text-cursor.js';

/** Where reading the pairs of a line stopped. */
export type PairsEnd =
  /** The end of the line: every pair was read. */
  | { readonly kind: 'end' }
  /** A multi-line value starts (`key=<` ends the line); `at` is the offset of the space before the key. */
  | { readonly kind: 'block'; readonly key: string; readonly at: number }
  /** The pair at `at` (the offset of the space before it) could not be read. */
  | { readonly kind: 'stuck'; readonly at: number; readonly problem: ScanProblem };

const END: PairsEnd = { kind: 'end' };

/** A value could not be read here: the caller tries the next `=` of the key, or gives up. */
const MISSING_EQUALS = (at: number): ScanProblem => new ScanProblem('BAD_KEY', 'expected " key=value"', at);

/**
 * Reads klog's ` key=value` pairs. Keys are written as klog writes them, verbatim: a key may hold spaces,
 * quotes or `=` (`my key=1`, `x=y=3`, `q"k=3`, `%!s(int=1)="a"`, `map[a:%!s(bool=true)]=1`), so a key ends at
 * the first `=` after which a whole value follows; klog-ts's quoted keys (`"k\nE…"=1`) are read first. Values:
 * Go-quoted strings (or klog's raw object references, `"ns/we"ird"`), Go JSON (or a raw KObjSlice), bare
 * numbers and literals, and `<` that opens a multi-line value.
 */
export class PairReader {
  readonly #cursor = new TextCursor();
  #block = false;

  /** Reads the pairs of `line` from `pos`, handing each to `add`, until the line ends, a block starts, or a pair cannot be read. */
  read(line: string, pos: number, add: (key: string, value: LogValue) => void): PairsEnd {
    const cursor = this.#cursor;
    let at = pos;
    while (at < line.length) {
      if (line.charCodeAt(at) !== 0x20) return { kind: 'stuck', at, problem: new ScanProblem('BAD_KEY', 'expected " key=value"', at) };
      let key: string | undefined;
      let value: LogValue = null;
      let problem: ScanProblem | undefined;
      if (line.charCodeAt(at + 1) === 0x22) {
        // A key klog-ts quoted because it held a line break or a control character.
        try {
          cursor.reset(line, at + 1);
          const quoted = cursor.quoted();
          if (line.charCodeAt(cursor.pos) !== 0x3d) throw new ScanProblem('BAD_KEY', 'expected "=" after a quoted key', cursor.pos);
          cursor.pos++;
          value = this.#value(quoted);
          key = quoted;
        } catch (thrown) {
          if (!(thrown instanceof ScanProblem)) throw thrown;
          problem = thrown;
        }
      }
      // A key as klog writes it: up to the first `=` that a value follows.
      for (let eq = key === undefined ? line.indexOf('=', at + 1) : -1; eq !== -1; eq = line.indexOf('=', eq + 1)) {
        try {
          cursor.reset(line, eq + 1);
          value = this.#value(line.slice(at + 1, eq));
          key = line.slice(at + 1, eq);
          break;
        } catch (thrown) {
          if (!(thrown instanceof ScanProblem)) throw thrown;
          problem ??= thrown;
        }
      }
      if (key === undefined) return { kind: 'stuck', at, problem: problem ?? MISSING_EQUALS(at + 1) };
      if (this.#block) {
        this.#block = false;
        return { kind: 'block', key, at };
      }
      add(key, value);
      at = cursor.pos;
    }
    return END;
  }

  /** The value at the cursor, which must end the line or be followed by a space. */
  #value(key: string): LogValue {
    const cursor = this.#cursor;
    const text = cursor.text;
    const start = cursor.pos;
    const c = text.charCodeAt(start);
    let value: LogValue;
    if (c === 0x22) value = this.#string();
    else if (c === 0x3c && start + 1 === text.length) {
      this.#block = true;
      cursor.pos = start + 1;
      return null;
    } else if (c === 0x7b) value = cursor.json();
    else if (c === 0x5b) value = this.#list();
    else if (Number.isNaN(c) || c === 0x20) throw new ScanProblem('BAD_VALUE', `missing value for key "${key}"`, start);
    else value = cursor.bare();
    if (!cursor.atEnd() && text.charCodeAt(cursor.pos) !== 0x20) {
      throw new ScanProblem('BAD_VALUE', `unexpected text after the value of "${key}"`, cursor.pos);
    }
    return value;
  }

  /**
   * A Go-quoted string, or else, when a quote inside ends it early, klog's raw object reference (its text
   * unescaped, a quote included).
   */
  #string(): string {
    const cursor = this.#cursor;
    const start = cursor.pos;
    const value = cursor.quoted();
    if (cursor.atEnd() || cursor.text.charCodeAt(cursor.pos) === 0x20) return value;
    const end = cursor.pos;
    cursor.pos = start;
    const raw = cursor.rawQuoted();
    if (raw !== undefined) return raw;
    // Neither: the caller reports the text after the quoted value.
    cursor.pos = end;
    return value;
  }

  /** Go JSON (a slice, KObjs), or else klog's raw KObjSlice (an item's text unescaped). */
  #list(): LogValue {
    const cursor = this.#cursor;
    const start = cursor.pos;
    try {
      return cursor.json();
    } catch (thrown) {
      if (!(thrown instanceof ScanProblem)) throw thrown;
      cursor.pos = start;
      const items = cursor.rawRefList();
      if (items === undefined) throw thrown;
      return items;
    }
  }
}
