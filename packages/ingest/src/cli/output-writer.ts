import { CliError } from './cli-error.js';

const FLUSH_AT = 1 << 16;

/**
 * Buffered writes to stdout that wait for the stream to drain, so a slow reader gets back-pressure and a
 * 1 GB conversion never sits in memory. A closed pipe (`| head`) ends the output quietly.
 */
export class OutputWriter {
  readonly #stream: NodeJS.WritableStream;
  #parts: string[] = [];
  #size = 0;
  #closed = false;
  #error: Error | undefined;

  constructor(stream: NodeJS.WritableStream) {
    this.#stream = stream;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.#closed = true;
      if (error.code !== 'EPIPE') this.#error = error;
    });
  }

  /** True once the reader has gone away: there is no point reading further. */
  get closed(): boolean {
    return this.#closed;
  }

  write(text: string): void {
    this.#parts.push(text);
    this.#size += text.length;
  }

  /** Writes out what is buffered once enough has piled up (or always, with `force`), honouring back-pressure. */
  async flush(force = false): Promise<void> {
    if (this.#error !== undefined) throw new CliError(`cannot write the output: ${this.#error.message}`, false);
    if (this.#size === 0 || (!force && this.#size < FLUSH_AT) || this.#closed) return;
    const text = this.#parts.join('');
    this.#parts = [];
    this.#size = 0;
    await this.#write(text);
  }

  /** Writes bytes out now (after what is buffered), honouring back-pressure. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush(true);
    if (this.#closed || bytes.length === 0) return;
    await this.#write(bytes);
  }

  async #write(chunk: string | Uint8Array): Promise<void> {
    if (!this.#stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.#stream.off('drain', done);
          this.#stream.off('close', done);
          resolve();
        };
        this.#stream.on('drain', done);
        this.#stream.on('close', done);
      });
    }
  }
}
