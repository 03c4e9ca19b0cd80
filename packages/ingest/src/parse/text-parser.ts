import type { Severity } from '@klog-ts/core';
import { HeaderTime, type HeaderTimeOptions } from './header-time.js';
import type { KeyValue, LogRecord, LogValue } from './log-record.js';
import { objectValue, ObjectKeys } from './object-keys.js';
import { looksLikeHeader, parseHeader, type Header } from './parse-header.js';
import { ParseError, ScanProblem } from './parse-error.js';
import type { ReadItem } from './read-item.js';
import { TextCursor } from './text-cursor.js';
import { PairReader } from './text-pairs.js';

/** Options of the text reader. */
export interface TextParseOptions extends HeaderTimeOptions {
  /** Keys whose values are object references (default {@link DEFAULT_OBJECT_KEYS}); plurals hold lists. */
  objectKeys?: Iterable<string>;
  /**
   * Validation: a record that cannot be read whole is a ParseError, and is not returned. By default (false)
   * such a record is returned with what could be read, the rest under `unparsed`: no entry is lost.
   */
  strict?: boolean;
}

type Draft = { -readonly [K in keyof LogRecord]: LogRecord[K] } & { kv: KeyValue[] };

// `Lmmdd hh:mm:ss`: what a broken header may still tell.
const HEADER_SECOND = /^[IWEF](\d{4} \d{2}:\d{2}:\d{2})/;

function draftOf(header: Header | undefined): Draft {
  return {
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
    unparsed: undefined,
  };
}

/**
 * An incremental reader of klog's text format: it is given lines one at a time and emits each record when it
 * is complete. It handles multi-line values (`key=<`, tab-prefixed lines, ` >`), headerless lines
 * (`-skip_headers`), and legacy records whose raw message continues on lines without a header (a Fatal's
 * stack dump).
 *
 * A line whose header parses is always a record. What the reader cannot follow (a truncated value, a
 * multi-line value that never closes, a broken header) is kept verbatim in `unparsed`. A line without a
 * header that is no record itself belongs to the text record before it (to its `unparsed` text, or to the
 * message of a legacy record); blank lines between records are skipped. Only such a line with no text
 * record before it (the first line, or after a JSON record) is a ParseError item. With `strict`, a record
 * that cannot be read whole is a ParseError item instead (and is dropped), and only legacy records take the
 * lines that follow; the reader goes on with the next line either way.
 */
export class TextParser {
  readonly #emit: (item: ReadItem) => void;
  readonly #time: HeaderTime;
  readonly #keys: ObjectKeys;
  readonly #strict: boolean;
  readonly #cursor = new TextCursor();
  readonly #pairs = new PairReader();
  readonly #add = (key: string, value: LogValue): void => this.#addPair(key, value);
  #draft: Draft | undefined;
  /** The draft may go on: a legacy record, or one with unparsed text. */
  #open = false;
  /** A record was skipped unread (`skip`): the lines without a header after it are its own. */
  #skipped = false;
  #draftLine = 0;
  #raw = '';
  /** The key of the multi-line value being read, its lines so far, and where its pair starts in `#raw`. */
  #blockKey: string | undefined;
  #blockLines: string[] = [];
  #blockStart = 0;

  constructor(emit: (item: ReadItem) => void, options: TextParseOptions = {}) {
    this.#emit = emit;
    this.#time = new HeaderTime(options);
    this.#keys = new ObjectKeys(options.objectKeys);
    this.#strict = options.strict === true;
  }

  /** Whether the parser is in the middle of a multi-line value, or holds a record that lines without a header continue. */
  get holding(): 'block' | 'open' | undefined {
    if (this.#blockKey !== undefined) return 'block';
    return this.#open || this.#skipped ? 'open' : undefined;
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
        this.#readPairs(line, 2, lineNo);
        return;
      }
      this.#breakBlock(`multi-line value of "${this.#blockKey}" is not closed by a " >" line`, lineNo - 1);
    }
    if (!looksLikeHeader(line)) {
      const held = this.#open ? this.#draft : undefined;
      if (held !== undefined && (held.unstructured || held.unparsed !== undefined)) {
        this.#continue(line);
        return;
      }
      if (held !== undefined) {
        // After a record read whole: a record of its own (-skip_headers), a blank line, or else part of it.
        if (line !== '' && !this.#startAfter(held, line, lineNo)) this.#continue(line);
        return;
      }
      if (this.#skipped) {
        this.#start(line, lineNo, true);
        return;
      }
    }
    this.flush();
    this.#start(line, lineNo, false);
  }

  /**
   * Starts a record at a line without a header while `held` (a record read whole) is open: if the line is a
   * record, `held` is emitted and the line's record takes its place; if not, nothing changes (false).
   */
  #startAfter(held: Draft, line: string, lineNo: number): boolean {
    const heldLine = this.#draftLine;
    const heldRaw = this.#raw;
    this.#draft = undefined;
    this.#open = false;
    this.#start(line, lineNo, true);
    if (this.#draft === undefined) {
      this.#draft = held;
      this.#open = true;
      this.#draftLine = heldLine;
      this.#raw = heldRaw;
      return false;
    }
    this.#emit({ ok: true, record: held, line: heldLine, raw: heldRaw });
    return true;
  }

  /** Emits a held record now (the next line will not continue it). */
  flush(): void {
    this.#skipped = false;
    if (this.#draft !== undefined && this.#blockKey === undefined) this.#finish();
  }

  /** A record was skipped unread: emits what is held, and takes the lines without a header that follow as the skipped record's. */
  skip(): void {
    this.flush();
    this.#skipped = true;
  }

  /** The end of the input (its last line number): emits what is held. */
  end(lastLine: number): void {
    if (this.#blockKey !== undefined) this.#breakBlock(`input ends inside the multi-line value of "${this.#blockKey}"`, lastLine);
    this.flush();
  }

  /** Starts a record at `line`; `quiet`: the line may belong to a skipped record, so it is no error if it is no record. */
  #start(line: string, lineNo: number, quiet: boolean): void {
    if (line === '') return;
    this.#draftLine = lineNo;
    this.#raw = line;
    let header: Header | undefined;
    try {
      header = parseHeader(line, this.#time);
    } catch (problem) {
      if (this.#strict || !(problem instanceof ScanProblem)) this.#fail(problem, lineNo);
      else this.#brokenHeader(line);
      return;
    }
    const draft = draftOf(header);
    const pos = header?.end ?? 0;
    this.#draft = draft;
    if (line.charCodeAt(pos) !== 0x22) {
      if (header === undefined) {
        this.#draft = undefined;
        if (!quiet) this.#fail(new ScanProblem('NOT_A_RECORD', 'not a klog record (no header, no quoted message)', 0), lineNo);
        return;
      }
      draft.msg = line.slice(pos);
      draft.unstructured = true;
      this.#open = true;
      return;
    }
    this.#cursor.reset(line, pos);
    try {
      draft.msg = this.#cursor.quoted();
    } catch (problem) {
      this.#stuck(problem, line, pos, lineNo, header !== undefined, quiet);
      return;
    }
    this.#readPairs(line, this.#cursor.pos, lineNo, header !== undefined, quiet);
  }

  /** Reads the pairs of `line` from `pos` into the draft; emits it at the end of the line, unless a multi-line value starts. */
  #readPairs(line: string, pos: number, lineNo: number, headed = true, quiet = false): void {
    const end = this.#pairs.read(line, pos, this.#add);
    switch (end.kind) {
      case 'end':
        this.#skipped = false;
        // Lenient: lines without a header may follow that belong to it (klog writes some values raw).
        if (this.#strict) this.#finish();
        else this.#open = true;
        return;
      case 'block':
        this.#blockKey = end.key;
        this.#blockLines = [];
        this.#blockStart = this.#raw.length - line.length + end.at + 1;
        return;
      default:
        this.#stuck(end.problem, line, end.at, lineNo, headed, quiet);
    }
  }

  /**
   * The draft cannot be read on from offset `at` of `line`. A record with a header keeps what was read and the rest
   * of the line as `unparsed` (lenient) or is an error (strict). A line without a header is no record: an
   * error, unless it may be part of a skipped record.
   */
  #stuck(problem: unknown, line: string, at: number, lineNo: number, headed: boolean, quiet: boolean): void {
    if (this.#strict || !headed) {
      if (quiet) this.#draft = undefined;
      else this.#fail(problem, lineNo);
      return;
    }
    this.#draft!.unparsed = line.slice(line.charCodeAt(at) === 0x20 ? at + 1 : at);
    this.#open = true;
  }

  /** A line that starts like a header but is no header (truncated): a record of its severity, the line unparsed. */
  #brokenHeader(line: string): void {
    const draft = draftOf(undefined);
    draft.severity = line[0] as Severity;
    const second = HEADER_SECOND.exec(line);
    draft.ts = second === null ? undefined : this.#time.secondOf(second[1]);
    draft.unparsed = line;
    this.#draft = draft;
    this.#open = true;
  }

  /** A line without a header after an open record: part of its legacy message, or of its unparsed text. */
  #continue(line: string): void {
    const draft = this.#draft!;
    if (draft.unstructured) draft.msg += `\n${line}`;
    else draft.unparsed = draft.unparsed === undefined ? line : `${draft.unparsed}\n${line}`;
    this.#raw += `\n${line}`;
  }

  /** A multi-line value that is not closed: an error (strict), or its text unparsed. `lineNo` is where it ends. */
  #breakBlock(reason: string, lineNo: number): void {
    if (this.#strict) {
      this.#fail(new ScanProblem('UNTERMINATED_BLOCK', reason, 0), lineNo);
      return;
    }
    this.#draft!.unparsed = this.#raw.slice(this.#blockStart);
    this.#blockKey = undefined;
    this.#blockLines = [];
    this.#open = true;
  }

  #closeBlock(): void {
    const key = this.#blockKey!;
    // klog prints "a\nb" and "a\nb\n" alike; the value is read back with its final line feed.
    const value = `${this.#blockLines.join('\n')}\n`;
    this.#blockKey = undefined;
    this.#blockLines = [];
    this.#addPair(key, value);
  }

  /** Adds a pair; the first string `err` and `logger` become the record's fields. */
  #addPair(key: string, value: LogValue): void {
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
    this.#open = false;
    this.#emit({ ok: true, record, line: this.#draftLine, raw: this.#raw });
  }

  /** Emits a ParseError for the record being read and drops it; `lineNo` is where the problem is. */
  #fail(problem: unknown, lineNo: number): void {
    if (!(problem instanceof ScanProblem)) throw problem;
    this.#draft = undefined;
    this.#open = false;
    this.#blockKey = undefined;
    this.#blockLines = [];
    const error = new ParseError(problem.code, problem.reason, lineNo, problem.code === 'UNTERMINATED_BLOCK' ? undefined : problem.offset + 1, this.#raw);
    this.#emit({ ok: false, error, line: this.#draftLine, raw: this.#raw });
  }
}
