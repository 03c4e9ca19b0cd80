import { HeaderTime } from '../parse/header-time.js';
import { ObjectKeys } from '../parse/object-keys.js';
import type { RecordFormatter } from '../parse/record-formatter.js';
import type { ParseOptions } from '../parse/record-parser.js';
import type { ByteBuffer } from './byte-buffer.js';
import { JSONBytesToText } from './json-bytes-to-text.js';
import { LineConverter, type ConvertSink } from './line-converter.js';
import { TextBytesToJSON } from './text-bytes-to-json.js';

/** Whether `bytes[start, end)` starts like a klog header (`[IWEF]`, four digits, a space), as the reader decides. */
function startsLikeHeader(bytes: Uint8Array, start: number, end: number): boolean {
  const c = bytes[start];
  if ((c !== 0x49 && c !== 0x57 && c !== 0x45 && c !== 0x46) || end - start < 6) return false;
  for (let i = start + 1; i < start + 5; i++) if (bytes[i] < 0x30 || bytes[i] > 0x39) return false;
  return bytes[start + 5] === 0x20;
}

/** Whether `bytes[start, end)` ends with `=<`: a text line whose last value goes on over the next lines. */
function opensBlock(bytes: Uint8Array, start: number, end: number): boolean {
  return end - start >= 2 && bytes[end - 1] === 0x3c && bytes[end - 2] === 0x3d;
}

/**
 * Converts one input line by line, from bytes: a line of printable ASCII that holds a whole record in the
 * other format is converted in place (TextBytesToJSON, JSONBytesToText); anything else is decoded and goes
 * to a LineConverter (its string fast path, else the reader and `formatter`). All of it is written into the
 * same ByteBuffer, in input order. As in LineConverter, a text record converted here waits for the next line
 * before it is final (unless `strict`): if that line has no header and is not blank, its bytes are taken
 * back and both lines go to the reader. A text record whose last value goes on over the next lines (`key=<`,
 * lines behind a tab, ` >`) is held until its last line, then converted whole in place; if it breaks off
 * (or the input it lies in is about to move), its lines go to the reader, as they would have one by one.
 */
export class ByteConverter {
  readonly #buffer: ByteBuffer;
  readonly #lines: LineConverter;
  readonly #strict: boolean;
  readonly #textToJSON: TextBytesToJSON | undefined;
  readonly #jsonToText: JSONBytesToText | undefined;
  readonly #record: () => void;
  /**
   * A text record converted here, waiting: where its output starts, counted from the buffer's output start
   * (which moves when the buffer grows; -1: none), and its line (input offsets, or its text once the input moved).
   */
  #pendingAt = -1;
  #pendingStart = 0;
  #pendingEnd = 0;
  #pendingText: string | undefined;
  #pendingLineNo = 0;
  /** A text record with a multi-line value, held: its lines' input offsets and its first line (-1: none). */
  #heldFrom = -1;
  #heldTo = 0;
  #heldLineNo = 0;
  /** Lines went to the LineConverter since it was last seen idle: it may hold something. */
  #linesBusy = false;

  /** `sink` takes the records the string way writes; `record` counts each record written here. */
  constructor(to: 'json' | 'text', options: ParseOptions, formatter: RecordFormatter, buffer: ByteBuffer, sink: ConvertSink, record: () => void) {
    this.#buffer = buffer;
    this.#lines = new LineConverter(to, options, formatter, sink);
    this.#strict = options.strict === true;
    this.#record = record;
    const format = options.format ?? 'auto';
    const keys = new ObjectKeys(options.objectKeys);
    if (to === 'json' && format !== 'json') this.#textToJSON = new TextBytesToJSON(new HeaderTime(options), keys);
    if (to === 'text' && format !== 'text') this.#jsonToText = new JSONBytesToText(keys);
  }

  /** Converts line `lineNo`: `buffer.bytes[start, end)`, without its line feed. */
  push(start: number, end: number, lineNo: number): void {
    const bytes = this.#buffer.bytes;
    if (this.#heldFrom !== -1) {
      // A line of the multi-line value, or its last line (` >`, unless another value opens on it).
      if (start < end && bytes[start] === 0x09) {
        this.#heldTo = end;
        return;
      }
      if (end - start >= 2 && bytes[start] === 0x20 && bytes[start + 1] === 0x3e) {
        this.#heldTo = end;
        if (!opensBlock(bytes, start, end)) this.#convertHeld();
        return;
      }
      this.#releaseHeld();
    }
    const header = startsLikeHeader(bytes, start, end);
    if (this.#pendingAt !== -1) {
      // A blank line leaves the record open; a header starts the next one; anything else is for the reader.
      if (start === end) return;
      if (!header) {
        const text = this.#pendingText ?? bytes.toString('utf8', this.#pendingStart, this.#pendingEnd);
        this.#buffer.out = this.#buffer.outputStart + this.#pendingAt;
        this.#pendingAt = -1;
        this.#replay(text, this.#pendingLineNo);
        this.#toLines(bytes.toString('utf8', start, end), lineNo);
        return;
      }
      this.#commit();
    }
    if (this.#textToJSON !== undefined) {
      if (header && this.#settled()) {
        if (opensBlock(bytes, start, end)) {
          this.#heldFrom = start;
          this.#heldTo = end;
          this.#heldLineNo = lineNo;
          return;
        }
        if (this.#textRecord(start, end, lineNo)) return;
      }
    } else if (this.#jsonToText !== undefined && bytes[start] === 0x7b && this.#idle() && this.#jsonToText.convert(this.#buffer, start, end)) {
      this.#record();
      return;
    }
    this.#toLines(bytes.toString('utf8', start, end), lineNo);
  }

  /** A line for the LineConverter (the string way). */
  #toLines(line: string, lineNo: number): void {
    this.#linesBusy = true;
    this.#lines.push(line, lineNo);
  }

  /** LineConverter.settle, asked only when lines went its way since it was last idle. */
  #settled(): boolean {
    if (!this.#linesBusy) return true;
    if (!this.#lines.settle()) return false;
    this.#linesBusy = false;
    return true;
  }

  /** LineConverter.idle, asked only when lines went its way since it was last idle. */
  #idle(): boolean {
    if (this.#linesBusy && this.#lines.idle) this.#linesBusy = false;
    return !this.#linesBusy;
  }

  /** Converts the text record at `[start, end)` (its lines, from line `lineNo`) in place; false if declined. */
  #textRecord(start: number, end: number, lineNo: number): boolean {
    const at = this.#buffer.out - this.#buffer.outputStart;
    if (!this.#textToJSON!.convert(this.#buffer, start, end)) return false;
    if (this.#strict) this.#record();
    else {
      this.#pendingAt = at;
      this.#pendingStart = start;
      this.#pendingEnd = end;
      this.#pendingText = undefined;
      this.#pendingLineNo = lineNo;
    }
    return true;
  }

  /** The held record's last line came: converted whole, or else its lines go to the reader. */
  #convertHeld(): void {
    const from = this.#heldFrom;
    this.#heldFrom = -1;
    if (!this.#textRecord(from, this.#heldTo, this.#heldLineNo)) this.#replay(this.#buffer.bytes.toString('utf8', from, this.#heldTo), this.#heldLineNo);
  }

  /** The held record's lines go to the reader (its value broke off, or the input moves). */
  #releaseHeld(): void {
    const from = this.#heldFrom;
    this.#heldFrom = -1;
    this.#replay(this.#buffer.bytes.toString('utf8', from, this.#heldTo), this.#heldLineNo);
  }

  /** The lines of `text` (a record's), from line `lineNo`, to the reader. */
  #replay(text: string, lineNo: number): void {
    let start = 0;
    for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', start)) {
      this.#toLines(text.slice(start, lf), lineNo++);
      start = lf + 1;
    }
    this.#toLines(start === 0 ? text : text.slice(start), lineNo);
  }

  /** The output that may be written out: up to a record still waiting, if any. */
  get writable(): number {
    return this.#pendingAt === -1 ? this.#buffer.out : this.#buffer.outputStart + this.#pendingAt;
  }

  /** The output up to {@link writable} was taken out; what remains moved to the start of the output. */
  outputTaken(): void {
    if (this.#pendingAt !== -1) this.#pendingAt = 0;
  }

  /** The input read so far is about to be dropped: a record held goes to the reader, one still waiting keeps its lines as text. */
  inputMoving(): void {
    if (this.#heldFrom !== -1) this.#releaseHeld();
    if (this.#pendingAt !== -1 && this.#pendingText === undefined) this.#pendingText = this.#buffer.bytes.toString('utf8', this.#pendingStart, this.#pendingEnd);
  }

  /** The end of the input (its last line number). */
  end(lastLine: number): void {
    if (this.#heldFrom !== -1) this.#releaseHeld();
    if (this.#pendingAt !== -1) this.#commit();
    this.#lines.end(lastLine);
  }

  #commit(): void {
    this.#pendingAt = -1;
    this.#record();
  }
}
