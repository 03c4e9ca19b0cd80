import type { ParseError } from '../index.js';

/**
 * Prints each record that could not be read as one line on stderr (`klog-ts: app.log:12:44: reason:
 * "text…"`), up to a limit, then how many more there were: nothing is dropped without a word.
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

  finish(): void {
    const more = this.#count - this.#limit;
    if (more > 0) this.#stderr.write(`klog-ts: ${more} more record${more === 1 ? '' : 's'} could not be read (--max-errors ${this.#limit})\n`);
  }
}
