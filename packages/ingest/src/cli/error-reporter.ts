import type { ParseError } from '../index.js';

/**
 * Prints each record that could not be read as one line on stderr (`klog-ts: app.log:12:44: reason:
 * "text…"`), up to a limit, then how many more there were, and how many records were read in part:
 * nothing is dropped or changed without a word.
 */
export class ErrorReporter {
  readonly #stderr: NodeJS.WritableStream;
  readonly #limit: number;
  #count = 0;

  constructor(stderr: NodeJS.WritableStream, limit: number) {
    this.#stderr = stderr;
    this.#limit = limit;
  }

  report(source: string, error: ParseError): void {
    if (++this.#count > this.#limit) return;
    const where = `${source}:${error.line}${error.column === undefined ? '' : `:${error.column}`}`;
    this.#stderr.write(`klog-ts: ${where}: ${error.reason}: ${error.excerpt()}\n`);
  }

  /** The closing lines: how many errors went unlisted, and how many records were read in part (`unparsed`). */
  finish(unparsed: number): void {
    const more = this.#count - this.#limit;
    if (more > 0) this.#stderr.write(`klog-ts: ${more} more record${more === 1 ? '' : 's'} could not be read (--max-errors ${this.#limit})\n`);
    if (unparsed > 0) {
      const records = unparsed === 1 ? '1 record was' : `${unparsed.toLocaleString('en-US')} records were`;
      this.#stderr.write(`klog-ts: ${records} read in part: the text that could not be read is kept under "unparsed" (klog-ts query --where unparsed; --strict reports it instead)\n`);
    }
  }
}
