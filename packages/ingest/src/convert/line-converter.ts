import { HeaderTime } from '../parse/header-time.js';
import type { LogRecord } from '../parse/log-record.js';
import { ObjectKeys } from '../parse/object-keys.js';
import type { ParseError } from '../parse/parse-error.js';
import type { RecordFormatter } from '../parse/record-formatter.js';
import { RecordParser, type ParseOptions } from '../parse/record-parser.js';
import { JSONToText } from './json-to-text.js';
import { TextToJSON } from './text-to-json.js';

/** Where a conversion's output goes: each record's text, in input order, and each line that is no record. */
export interface ConvertSink {
  /** `record` is undefined when the fast path wrote the text (a record read whole). */
  record(text: string, record: LogRecord | undefined): void;
  error(error: ParseError): void;
}

/** Whether a line starts like a klog header (`[IWEF]` and four digits and a space), as the reader decides. */
function startsLikeHeader(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c !== 0x49 && c !== 0x57 && c !== 0x45 && c !== 0x46) return false;
  for (let i = 1; i < 5; i++) {
    const d = line.charCodeAt(i);
    if (d < 0x30 || d > 0x39) return false;
  }
  return line.charCodeAt(5) === 0x20;
}

/**
 * Converts one input, line by line, to `to`: a line that holds a whole record in the other format takes the
 * fast path (TextToJSON, JSONToText), anything else goes through the reader (RecordParser) and `formatter`.
 * Both give the same bytes. The reader's rules hold as they are: a text record read whole may still take
 * the lines without a header that follow (unless `strict`), so its fast text waits for the next line; if
 * that line has no header, both go to the reader instead.
 */
export class LineConverter {
  readonly #sink: ConvertSink;
  readonly #parser: RecordParser;
  readonly #strict: boolean;
  readonly #textToJSON: TextToJSON | undefined;
  readonly #jsonToText: JSONToText | undefined;
  /** A record the fast path converted (its text, line and number), held back until the next line shows that no line without a header continues it. */
  #pendingText: string | undefined;
  #pendingLine = '';
  #pendingLineNo = 0;

  constructor(to: 'json' | 'text', options: ParseOptions, formatter: RecordFormatter, sink: ConvertSink) {
    this.#sink = sink;
    this.#strict = options.strict === true;
    this.#parser = new RecordParser((item) => {
      if (item.ok) sink.record(formatter.format(item.record), item.record);
      else sink.error(item.error);
    }, options);
    const format = options.format ?? 'auto';
    const keys = new ObjectKeys(options.objectKeys);
    if (to === 'json' && format !== 'json') this.#textToJSON = new TextToJSON(new HeaderTime(options), keys);
    if (to === 'text' && format !== 'text') this.#jsonToText = new JSONToText(keys);
  }

  /** Converts line `lineNo` (1-based, without its line feed). */
  push(line: string, lineNo: number): void {
    const pending = this.#pendingText;
    if (pending !== undefined) {
      // A blank line leaves the record open; a header starts the next one; anything else is for the reader.
      if (line === '') return;
      this.#pendingText = undefined;
      if (!startsLikeHeader(line)) {
        this.#parser.push(this.#pendingLine, this.#pendingLineNo);
        this.#parser.push(line, lineNo);
        return;
      }
      this.#sink.record(pending, undefined);
    }
    const holding = this.#parser.holding;
    if (holding !== 'block') {
      const fast = this.#fast(line);
      if (fast !== undefined) {
        if (holding === 'open') this.#parser.flush();
        if (this.#textToJSON !== undefined && !this.#strict) {
          this.#pendingText = fast;
          this.#pendingLine = line;
          this.#pendingLineNo = lineNo;
        } else this.#sink.record(fast, undefined);
        return;
      }
    }
    this.#parser.push(line, lineNo);
  }

  /** Whether nothing is held: no fast record waiting, no text record the next lines could continue. */
  get idle(): boolean {
    return this.#pendingText === undefined && this.#parser.holding === undefined;
  }

  /**
   * Before a line that starts a record of its own (a header line), written some other way: writes what is
   * held, as the next line would. False (nothing done) inside a multi-line value, which such a line breaks.
   */
  settle(): boolean {
    if (this.#parser.holding === 'block') return false;
    if (this.#pendingText !== undefined) this.#sink.record(this.#pendingText, undefined);
    this.#pendingText = undefined;
    if (this.#parser.holding === 'open') this.#parser.flush();
    return true;
  }

  /** The end of the input (its last line number). */
  end(lastLine: number): void {
    if (this.#pendingText !== undefined) this.#sink.record(this.#pendingText, undefined);
    this.#pendingText = undefined;
    this.#parser.end(lastLine);
  }

  /** The fast path's text for a line that starts a record of its own (with a header, or a JSON line), if it takes it. */
  #fast(line: string): string | undefined {
    if (this.#textToJSON !== undefined) return startsLikeHeader(line) ? this.#textToJSON.convert(line) : undefined;
    // Only a whole JSON record goes fast (another `{` line may belong to an open text record).
    if (this.#jsonToText !== undefined && line.charCodeAt(0) === 0x7b) return this.#jsonToText.convert(line);
    return undefined;
  }
}
