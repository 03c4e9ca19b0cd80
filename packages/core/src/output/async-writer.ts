import { Worker } from 'node:worker_threads';
import { maxUtf8Bytes } from './max-utf8-bytes.js';
import { Slot, SLOT_COUNT, WriterStatus, writerThreadSource, type WriterData } from './writer-thread.js';

/** The least the shared buffer holds, so that bursts of entries do not wait for the writer thread. */
const MIN_CAPACITY = 1024 * 1024;
const ERROR_TEXT_BYTES = 256;
/**
 * The least cap on one write; the cap is at least twice the buffer size, so that a batch goes out in one
 * write, and bounded, so that the tail moves (and a waiting flush sees progress) every so many bytes.
 */
const MIN_MAX_WRITE = 16 * 1024;
/** A writer thread still starting (on a loaded machine) is given this long before it counts as stuck. */
const STARTUP_GRACE_MS = 5000;

/** How an asynchronous writer is set up. */
export interface AsyncWriterOptions {
  /** Bytes gathered before the writer thread writes; 0 writes whatever is there. */
  bufferSize: number;
  /** Milliseconds between writes of a partly filled buffer; 0 never. */
  flushInterval: number;
  /** How long a wait for the writer thread may go without any write finishing. */
  maxBlockMs: number;
  /** Hears of every failure; nothing here throws. */
  onError: (error: NodeJS.ErrnoException) => void;
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Writes to a file descriptor from a writer thread, so that taking an entry costs no system call: the
 * entry is encoded to UTF-8 straight into a shared ring buffer and the thread writes it out with
 * `fs.writeSync`. The thread moves the ring's tail only after a write returned, so `flush()` (which waits
 * with Atomics.wait until the tail reaches the head) knows that every byte taken is in the kernel: this is
 * what makes the exits safe, with no write left in flight. Every wait ends once no write has finished for
 * `maxBlockMs`, so a full pipe never blocks the caller for longer.
 *
 * Not sonic-boom's asynchronous mode: its flushSync() leaves an `fs.write` in flight alone, which can be lost
 * or land out of order at exit. Not `pino.transport()` (thread-stream): its flushSync() returns once the
 * worker has taken the bytes, before its own asynchronous sonic-boom has written them, and its end() is
 * final and capped at 10 s (see the README's durability section).
 */
export class AsyncWriter {
  readonly #state: Int32Array;
  readonly #bytes: Buffer;
  readonly #errorBytes: Buffer;
  readonly #capacity: number;
  readonly #bufferSize: number;
  readonly #maxBlockMs: number;
  readonly #onError: AsyncWriterOptions['onError'];
  readonly #worker: Worker;
  /** The main thread's copy of HEAD (it is the only one to move it). */
  #head = 0;
  #failed = false;

  /** Starts the writer thread; throws if no thread can be started. */
  constructor(fd: number, options: AsyncWriterOptions) {
    this.#bufferSize = options.bufferSize;
    this.#maxBlockMs = options.maxBlockMs;
    this.#onError = options.onError;
    const control = new SharedArrayBuffer(SLOT_COUNT * Int32Array.BYTES_PER_ELEMENT);
    const data = new SharedArrayBuffer(Math.max(MIN_CAPACITY, 4 * options.bufferSize));
    const errorText = new SharedArrayBuffer(ERROR_TEXT_BYTES);
    this.#state = new Int32Array(control);
    this.#bytes = Buffer.from(data);
    this.#errorBytes = Buffer.from(errorText);
    this.#capacity = data.byteLength;
    const workerData: WriterData = {
      fd, control, data, errorText, minLength: options.bufferSize, interval: options.flushInterval,
      maxWrite: Math.max(MIN_MAX_WRITE, 2 * options.bufferSize),
    };
    // No execArgv: the thread needs no loader (tsx) and must not run the application's --import hooks.
    this.#worker = new Worker(writerThreadSource, { eval: true, workerData, execArgv: [], name: 'klog-ts writer' });
    // Only when the thread itself breaks (it never throws by design); without a listener it would crash the process.
    this.#worker.on('error', (error) => this.#threadEnded(`writer thread failed: ${error.message}`));
    this.#worker.on('exit', () => this.#threadEnded('writer thread exited'));
    this.#worker.unref();
  }

  /** Bytes taken and not yet written. */
  get pending(): number {
    const tail = Atomics.load(this.#state, Slot.TAIL);
    return this.#head >= tail ? this.#head - tail : this.#capacity - tail + this.#head;
  }

  /**
   * Takes one entry. Returns false, taking nothing, when the thread has failed (onError heard why), or when
   * no room came free within maxBlockMs (onError hears EAGAIN), or when the entry is larger than the buffer.
   */
  write(text: string): boolean {
    if (this.#checkFailed()) return false;
    const head = this.#head;
    const tail = Atomics.load(this.#state, Slot.TAIL);
    // Room up to the end of the buffer (or up to the byte before the tail): one slot stays free, so that a
    // full ring is never mistaken for an empty one.
    const room = tail > head ? tail - head - 1 : this.#capacity - head - (tail === 0 ? 1 : 0);
    if (maxUtf8Bytes(text) <= room) this.#publish(head + this.#bytes.write(text, head));
    else if (!this.#writeWrapped(text)) return false;
    return true;
  }

  /** The rare path: the entry may wrap around the end, or the ring is too full and must drain first. */
  #writeWrapped(text: string): boolean {
    const encoded = Buffer.from(text);
    const length = encoded.length;
    if (length >= this.#capacity) {
      this.#onError(errnoError('EMSGSIZE', `an entry of ${length} bytes does not fit the ${this.#capacity}-byte buffer`));
      return false;
    }
    if (!this.#waitFor(() => this.#capacity - 1 - this.pending >= length)) return false;
    const head = this.#head;
    const first = Math.min(length, this.#capacity - head);
    encoded.copy(this.#bytes, head, 0, first);
    if (first < length) encoded.copy(this.#bytes, 0, first);
    this.#publish((head + length) % this.#capacity);
    return true;
  }

  #publish(head: number): void {
    this.#head = head === this.#capacity ? 0 : head;
    Atomics.store(this.#state, Slot.HEAD, this.#head);
    // A wake costs a futex call, so only for a sleeping thread that has something to do.
    if (Atomics.load(this.#state, Slot.SLEEPING) === 1 && this.pending >= this.#bufferSize) this.#wake();
  }

  #wake(): void {
    Atomics.add(this.#state, Slot.WAKE, 1);
    Atomics.notify(this.#state, Slot.WAKE);
  }

  /** Waits until everything taken has been written. On no progress for maxBlockMs, onError hears why. */
  flush(): void {
    if (this.#failed || this.pending === 0) return;
    Atomics.add(this.#state, Slot.FLUSH, 1);
    this.#waitFor(() => this.pending === 0);
  }

  /**
   * Waits (Atomics.wait on the tail, which the thread notifies after each write) until `done()`, the thread
   * fails, or no write has finished for maxBlockMs. Returns whether `done()` came true.
   */
  #waitFor(done: () => boolean): boolean {
    let tail = Atomics.load(this.#state, Slot.TAIL);
    let progressAt = Date.now();
    for (;;) {
      if (done()) return true;
      if (this.#checkFailed()) return false;
      this.#wake();
      const status = Atomics.load(this.#state, Slot.STATUS);
      const limit = status === WriterStatus.STARTING ? Math.max(this.#maxBlockMs, STARTUP_GRACE_MS) : this.#maxBlockMs;
      const left = progressAt + limit - Date.now();
      if (left <= 0) {
        const blocked = status === WriterStatus.BLOCKED ? this.#threadError() : undefined;
        this.#onError(blocked ?? errnoError('ETIMEDOUT', `no write finished within ${limit} ms`));
        return false;
      }
      Atomics.wait(this.#state, Slot.TAIL, tail, left);
      const now = Atomics.load(this.#state, Slot.TAIL);
      if (now !== tail) {
        tail = now;
        progressAt = Date.now();
      }
    }
  }

  /** Whether the thread has failed for good; the first time, onError hears why. */
  #checkFailed(): boolean {
    if (this.#failed) return true;
    if (Atomics.load(this.#state, Slot.STATUS) !== WriterStatus.FAILED) return false;
    this.#failed = true;
    this.#onError(this.#threadError() ?? errnoError('ERROR', 'the writer thread failed'));
    return true;
  }

  #threadError(): NodeJS.ErrnoException | undefined {
    const length = Atomics.load(this.#state, Slot.ERROR_LENGTH);
    if (length === 0) return undefined;
    const text = this.#errorBytes.toString('utf8', 0, length);
    const colon = text.indexOf(': ');
    return colon < 0 ? errnoError('ERROR', text) : errnoError(text.slice(0, colon), text.slice(colon + 2));
  }

  /** The thread is gone (it crashed, or it was stopped): nothing taken from now on would be written. */
  #threadEnded(reason: string): void {
    const status = Atomics.load(this.#state, Slot.STATUS);
    if (status === WriterStatus.FAILED || status === WriterStatus.STOPPED) return;
    const text = Buffer.from(`ERROR: ${reason}`).subarray(0, ERROR_TEXT_BYTES);
    this.#errorBytes.set(text);
    Atomics.store(this.#state, Slot.ERROR_LENGTH, text.length);
    Atomics.store(this.#state, Slot.STATUS, WriterStatus.FAILED);
  }

  /**
   * Stops the thread: once everything is written, or at once with `now`. Waits (at most maxBlockMs) for it
   * to stop and returns whether it did, after which the descriptor may be closed. Later entries are refused.
   */
  stop(now = false): boolean {
    Atomics.store(this.#state, Slot.STOP, now ? 2 : 1);
    this.#wake();
    const deadline = Date.now() + this.#maxBlockMs;
    for (;;) {
      const status = Atomics.load(this.#state, Slot.STATUS);
      if (status === WriterStatus.STOPPED || status === WriterStatus.FAILED) break;
      const left = deadline - Date.now();
      if (left <= 0) {
        // Stuck inside a write (a blocking descriptor nobody reads): let it go, it holds no reference.
        void this.#worker.terminate();
        this.#failed = true;
        return false;
      }
      Atomics.wait(this.#state, Slot.TAIL, Atomics.load(this.#state, Slot.TAIL), Math.min(left, 10));
    }
    this.#failed = true;
    return true;
  }
}
