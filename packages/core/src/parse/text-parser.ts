import { HeaderTime, type HeaderTimeOptions } from './header-time.js';
import type { KeyValue, LogRecord, LogValue } from './log-record.js';
import { objectValue, ObjectKeys } from './object-keys.js';
import { looksLikeHeader, parseHeader } from './parse-header.js';
import { ParseError, ScanProblem } from './parse-error.js';
import type { ReadItem } from './read-item.js';
import { TextCursor } from './text-cursor.js';

/** Options of the text reader. */
export interface TextParseOptions extends HeaderTimeOptions {
  /** Keys whose values are object references (default {@link DEFAULT_OBJECT_KEYS}); plurals hold lists. */
  objectKeys?: Iterable<string>;
}

type Draft = { -readonly [K in keyof LogRecord]: LogRecord[K] } & { kv: KeyValue[] };

/** The offset of the `=` that ends a key starting at `start`; Go's `%!s(int=1)` keys hold one inside. */
function keyEnd(text: string, start: number): number {
  if (text.startsWith('%!', start)) {
    const close = text.indexOf(')=', start);
    if (close !== -1) return close + 1;
  }
  return text.indexOf('=', start);
}

function isKeyText(key: string): boolean {
  return !key.includes(' ') && !key.includes('"');
}

/**
 * An incremental reader of klog's text format: it is given lines one at a time and emits each record when it
 * is complete. It handles multi-line values (`key=<`, tab-prefixed lines, ` >`), headerless lines
 * (`-skip_headers`), and legacy records whose raw message continues on lines without a header (a Fatal's
 * stack dump). A line it cannot read becomes a ParseError item; it goes on with the next line.
 */
export class TextParser {
  readonly #emit: (item: ReadItem) => void;
  readonly #time: HeaderTime;
  readonly #keys: ObjectKeys;
  readonly #cursor = new TextCursor();
  #draft: Draft | undefined;
  #draftLine = 0;
  #raw = '';
  /** The key of the multi-line value being read, and its lines so far. */
  #blockKey: string | undefined;
  #blockLines: string[] = [];

  constructor(emit: (item: ReadItem) => void, options: TextParseOptions = {}) {
    this.#emit = emit;
    this.#time = new HeaderTime(options);
    this.#keys = new ObjectKeys(options.objectKeys);
  }

  /** Whether the parser is in the middle of a multi-line value, or holds a legacy record that may continue. */
  get holding(): 'block' | 'legacy' | undefined {
    if (this.#blockKey !== undefined) return 'block';
    return this.#draft === undefined ? undefined : 'legacy';
  }

  /** Reads line number `lineNo` (1-based), without its line feed. */
  push(line: string, lineNo: number): void {
    if (this.#blockKey !== undefined) {
      if (line.startsWith('\t')) {
        this.#blockLines.push(line.slice(1));
        this.#raw += `\n${line}`;
        return;
      }
      if (line.startsWith(' >')) {
        this.#raw += `\n${line}`;
        this.#closeBlock();
        this.#pairs(line, 2, lineNo);
        return;
      }
      this.#fail(new ScanProblem('UNTERMINATED_BLOCK', `multi-line value of "${this.#blockKey}" is not closed by a " >" line`, 0), lineNo - 1);
    } else if (this.#draft !== undefined) {
      if (!looksLikeHeader(line)) {
        this.#draft.msg += `\n${line}`;
        this.#raw += `\n${line}`;
        return;
      }
      this.flush();
    }
    this.#start(line, lineNo);
  }

  /** Emits a held legacy record now (the next line will not continue it). */
  flush(): void {
    if (this.#draft !== undefined && this.#blockKey === undefined) this.#finish();
  }

  /** The end of the input: emits what is held; an open multi-line value is an error. */
  end(lastLine: number): void {
    if (this.#blockKey !== undefined) {
      this.#fail(new ScanProblem('UNTERMINATED_BLOCK', `input ends inside the multi-line value of "${this.#blockKey}"`, 0), lastLine);
    }
    this.flush();
  }

  #start(line: string, lineNo: number): void {
    if (line === '') return;
    this.#draftLine = lineNo;
    this.#raw = line;
    try {
      const header = parseHeader(line, this.#time);
      const pos = header?.end ?? 0;
      this.#draft = {
        format: 'text',
        severity: header?.severity,
        ts: header?.ts,
        pid: header?.pid,
        caller: header?.caller,
        logger: undefined,
        msg: '',
        v: undefined,
        err: undefined,
        kv: [],
        unstructured: false,
      };
      if (line.charCodeAt(pos) === 0x22) {
        this.#cursor.reset(line, pos);
        this.#draft.msg = this.#cursor.quoted();
        this.#pairs(line, this.#cursor.pos, lineNo);
      } else if (header !== undefined) {
        this.#draft.msg = line.slice(pos);
        this.#draft.unstructured = true;
      } else {
        throw new ScanProblem('NOT_A_RECORD', 'not a klog record (no header, no quoted message)', 0);
      }
    } catch (problem) {
      this.#fail(problem, lineNo);
    }
  }

  /** Reads ` key=value` pairs from `pos` to the end of the line; stops early at a multi-line value. */
  #pairs(line: string, pos: number, lineNo: number): void {
    const cursor = this.#cursor;
    cursor.reset(line, pos);
    try {
      while (!cursor.atEnd()) {
        const at = cursor.pos;
        if (line.charCodeAt(at) !== 0x20) throw new ScanProblem('BAD_KEY', 'expected " key=value"', at);
        let key: string;
        if (line.charCodeAt(at + 1) === 0x22) {
          // A key klog-ts quoted because it held a line break or a control character.
          cursor.pos = at + 1;
          key = cursor.quoted();
          if (line.charCodeAt(cursor.pos) !== 0x3d) throw new ScanProblem('BAD_KEY', 'expected "=" after a quoted key', cursor.pos);
        } else {
          const eq = keyEnd(line, at + 1);
          key = eq === -1 ? '' : line.slice(at + 1, eq);
          if (eq === -1 || !isKeyText(key)) throw new ScanProblem('BAD_KEY', 'expected " key=value"', at + 1);
          cursor.pos = eq;
        }
        cursor.pos++;
        const c = line.charCodeAt(cursor.pos);
        let value: LogValue;
        if (c === 0x22) value = cursor.quoted();
        else if (c === 0x3c && cursor.pos + 1 === line.length) {
          this.#blockKey = key;
          this.#blockLines = [];
          return;
        } else if (c === 0x7b || c === 0x5b) value = cursor.json();
        else if (Number.isNaN(c) || c === 0x20) throw new ScanProblem('BAD_VALUE', `missing value for key "${key}"`, cursor.pos);
        else value = cursor.bare();
        if (!cursor.atEnd() && line.charCodeAt(cursor.pos) !== 0x20) {
          throw new ScanProblem('BAD_VALUE', `unexpected text after the value of "${key}"`, cursor.pos);
        }
        this.#add(key, value);
      }
    } catch (problem) {
      this.#fail(problem, lineNo);
      return;
    }
    this.#finish();
  }

  #closeBlock(): void {
    const key = this.#blockKey!;
    // klog prints "a\nb" and "a\nb\n" alike; the value is read back with its final line feed.
    const value = `${this.#blockLines.join('\n')}\n`;
    this.#blockKey = undefined;
    this.#blockLines = [];
    this.#add(key, value);
  }

  /** Adds a pair; the first string `err` and `logger` become the record's fields. */
  #add(key: string, value: LogValue): void {
    const draft = this.#draft!;
    if (typeof value === 'string') {
      if (key === 'err' && draft.err === undefined) {
        draft.err = value;
        return;
      }
      if (key === 'logger' && draft.logger === undefined) {
        draft.logger = value;
        return;
      }
    }
    const kind = this.#keys.kindOf(key);
    draft.kv.push([key, kind === undefined ? value : objectValue(kind, value, true)]);
  }

  #finish(): void {
    const record: LogRecord = this.#draft!;
    this.#draft = undefined;
    this.#emit({ ok: true, record, line: this.#draftLine, raw: this.#raw });
  }

  /** Emits a ParseError for the record being read and drops it; `lineNo` is where the problem is. */
  #fail(problem: unknown, lineNo: number): void {
    if (!(problem instanceof ScanProblem)) throw problem;
    this.#draft = undefined;
    this.#blockKey = undefined;
    this.#blockLines = [];
    const error = new ParseError(problem.code, problem.reason, lineNo, problem.code === 'UNTERMINATED_BLOCK' ? undefined : problem.offset + 1, this.#raw);
    this.#emit({ ok: false, error, line: this.#draftLine, raw: this.#raw });
  }
}
