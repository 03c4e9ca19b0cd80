import { writeSync } from 'node:fs';
import { isFull } from './is-full.js';
import { maxUtf8Bytes } from './max-utf8-bytes.js';

/** Room kept besides the buffer size, so that entries of ordinary length never need a write of their own. */
const MIN_CAPACITY = 64 * 1024;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Synchronous, ordered writes to a file descriptor through one reused Buffer: an entry is encoded to UTF-8
 * straight into the buffer (no string concatenation, no byte count per entry, no intermediate Buffer) and the
 * buffer goes out with `fs.writeSync` once it holds `bufferSize` bytes (at once when `bufferSize` is 0).
 *
 * Nothing here throws: a failure goes to `onError`. A full descriptor (EAGAIN: a pipe nobody reads) is
 * retried for at most `maxBlockMs` in total, then reported with the unwritten bytes kept for the next flush;
 * any other failure (EPIPE, EBADF) is reported as it is. Short writes are continued, so nothing is written
 * twice or out of order.
 */
export class SyncFdWriter {
  readonly #fd: number;
  readonly #bufferSize: number;
  readonly #maxBlockMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #buffer: Buffer;
  #length = 0;

  constructor(fd: number, bufferSize: number, maxBlockMs: number, onError: (error: unknown) => void) {
    this.#fd = fd;
    this.#bufferSize = bufferSize;
    this.#maxBlockMs = maxBlockMs;
    this.#onError = onError;
    this.#buffer = Buffer.allocUnsafe(Math.max(MIN_CAPACITY, 2 * bufferSize));
  }

  /** Bytes taken and not yet written. */
  get pending(): number {
    return this.#length;
  }

  /**
   * Takes one entry, writing out the buffer when it reaches the buffer size. Returns false, taking nothing,
   * only when the buffer has no room for the entry and could not be written out.
   */
  write(text: string): boolean {
    const worstCase = maxUtf8Bytes(text);
    if (this.#length + worstCase > this.#buffer.length) {
      this.flush();
      if (this.#length > 0) return false;
      // An entry larger than the whole buffer goes out on its own, after what was buffered before it.
      if (worstCase > this.#buffer.length) {
        const bytes = Buffer.from(text);
        return this.#writeOut(bytes, bytes.length) === bytes.length;
      }
    }
    this.#length += this.#buffer.write(text, this.#length);
    if (this.#length >= this.#bufferSize) this.flush();
    return true;
  }

  /** Writes out everything taken. On a failure the unwritten bytes stay buffered and `onError` hears of it. */
  flush(): void {
    if (this.#length === 0) return;
    const written = this.#writeOut(this.#buffer, this.#length);
    // What went out is gone from the buffer; what did not stays, in order, at its start.
    if (written > 0 && written < this.#length) this.#buffer.copyWithin(0, written, this.#length);
    this.#length -= written;
  }

  /** Forgets what is buffered (the descriptor failed for good) and returns how many bytes that was. */
  discard(): number {
    const lost = this.#length;
    this.#length = 0;
    return lost;
  }

  /** Nothing is ever in flight, so there is nothing to wait for: stopped at once (as AsyncWriter.stop). */
  stop(_now?: boolean): boolean {
    return true;
  }

  /**
   * Writes the first `end` bytes, continuing short writes and waiting out a full descriptor for at most
   * maxBlockMs. Returns how many went out: `end`, or fewer after a failure.
   */
  #writeOut(bytes: Buffer, end: number): number {
    let written = 0;
    let blockedSince = 0;
    while (written < end) {
      try {
        written += writeSync(this.#fd, bytes, written, end - written);
        blockedSince = 0;
      } catch (error) {
        const now = Date.now();
        if (blockedSince === 0) blockedSince = now;
        if (!isFull(error) || now - blockedSince >= this.#maxBlockMs) {
          this.#onError(error);
          return written;
        }
        // A full pipe needs time to drain: sleep a millisecond instead of spinning.
        Atomics.wait(sleeper, 0, 0, 1);
      }
    }
    return written;
  }
}
