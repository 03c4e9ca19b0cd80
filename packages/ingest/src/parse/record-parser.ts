import { jsonRecord } from './json-record.js';
import type { LogRecord } from './log-record.js';
import { ObjectKeys } from './object-keys.js';
import { looksLikeHeader } from './parse-header.js';
import { ParseError, ScanProblem } from './parse-error.js';
import type { ReadItem } from './read-item.js';
import { TextParser, type TextParseOptions } from './text-parser.js';

/** The input format: `auto` reads each line as JSON when it starts with `{`, as klog text otherwise. */
export type InputFormat = 'auto' | 'text' | 'json';

/** Options of the readers. */
export interface ParseOptions extends TextParseOptions {
  /** Default `auto`. */
  format?: InputFormat;
  /**
   * A quick test of raw text, for queries: a line that holds a whole record (a JSON object line, or a
   * structured text line without a multi-line value) is parsed only if `mayMatch(line)` is true; otherwise
   * it is skipped unread, errors included. Lines of other records are always parsed.
   */
  mayMatch?: (line: string) => boolean;
}

/** The record of a JSON line, or the ParseError for it (line `lineNo`). */
export function jsonItem(line: string, lineNo: number, keys: ObjectKeys, strict: boolean): ReadItem {
  try {
    return { ok: true, record: jsonRecord(line, keys, strict), line: lineNo, raw: line };
  } catch (problem) {
    if (!(problem instanceof ScanProblem)) throw problem;
    const error = new ParseError(problem.code, problem.reason, lineNo, problem.offset + 1, line);
    return { ok: false, error, line: lineNo, raw: line };
  }
}

/**
 * Reads lines of klog text, Kubernetes JSON, or both mixed, emitting one item per record in input order.
 * Blank lines carry nothing and are skipped.
 */
export class RecordParser {
  readonly #emit: (item: ReadItem) => void;
  readonly #format: InputFormat;
  readonly #keys: ObjectKeys;
  readonly #text: TextParser;
  readonly #mayMatch: ((line: string) => boolean) | undefined;
  readonly #strict: boolean;

  constructor(emit: (item: ReadItem) => void, options: ParseOptions = {}) {
    this.#emit = emit;
    this.#format = options.format ?? 'auto';
    this.#keys = new ObjectKeys(options.objectKeys);
    this.#text = new TextParser(emit, options);
    this.#mayMatch = options.mayMatch;
    this.#strict = options.strict === true;
  }

  /** Reads line `lineNo` (1-based, without its line feed). */
  push(line: string, lineNo: number): void {
    const json = this.#format === 'json' || (this.#format === 'auto' && line.charCodeAt(0) === 0x7b && this.#text.holding !== 'block');
    if (this.#mayMatch !== undefined && this.#wholeRecord(line, json) && !this.#mayMatch(line)) {
      if (json) this.#text.flush();
      else this.#text.skip();
      return;
    }
    if (!json) {
      this.#text.push(line, lineNo);
      return;
    }
    if (line.length === 0) return;
    const item = jsonItem(line, lineNo, this.#keys, this.#strict);
    // A `{` line that is no JSON record may go on with a text record (a legacy message, unparsed text).
    if (!item.ok && this.#text.holding === 'open') {
      this.#text.push(line, lineNo);
      return;
    }
    this.#text.flush();
    this.#emit(item);
  }

  /** Whether the line is a whole record on its own (judged from its shape alone). */
  #wholeRecord(line: string, json: boolean): boolean {
    if (json) return line.charCodeAt(line.length - 1) === 0x7d;
    if (this.#text.holding === 'block' || !looksLikeHeader(line) || line.endsWith('=<')) return false;
    // A structured record: its header ends in `] ` and its quoted message follows (legacy ones may go on).
    const headerEnd = line.indexOf('] ', 22);
    return headerEnd !== -1 && line.charCodeAt(headerEnd + 2) === 0x22;
  }

  /** Whether a text record is held: in a multi-line value (`block`), or open to the lines without a header that may follow. */
  get holding(): 'block' | 'open' | undefined {
    return this.#text.holding;
  }

  /** Emits a held text record now (the next line starts another record). */
  flush(): void {
    this.#text.flush();
  }

  /** The end of the input (its last line number): emits what is still held. */
  end(lastLine: number): void {
    this.#text.end(lastLine);
  }
}

/** Parses complete lines at once into records and errors (for strings and arrays already in memory). */
export function parseLines(lines: Iterable<string>, options: ParseOptions): ReadItem[] {
  const items: ReadItem[] = [];
  const parser = new RecordParser((item) => items.push(item), options);
  let lineNo = 0;
  for (const chunk of lines) {
    for (const line of chunk.split('\n')) parser.push(line, ++lineNo);
  }
  parser.end(lineNo);
  return items;
}

/** The records and errors of parsed items. */
export function splitItems(items: readonly ReadItem[]): { records: LogRecord[]; errors: ParseError[] } {
  const records: LogRecord[] = [];
  const errors: ParseError[] = [];
  for (const item of items) {
    if (item.ok) records.push(item.record);
    else errors.push(item.error);
  }
  return { records, errors };
}
