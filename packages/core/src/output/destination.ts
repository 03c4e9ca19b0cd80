import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { isatty } from 'node:tty';
import { colorEnabled } from '../color/color-setting.js';
import { ConfigError } from '../config-error.js';
import type { Severity } from '../logger/severity.js';
import { AsyncWriter } from './async-writer.js';
import { checkDestinationOptions, type DestinationOptions } from './destination-options.js';
import { flushOnExit, stopFlushOnExit } from './flush-on-exit.js';
import { isFull } from './is-full.js';
import type { Output } from './output.js';
import { emptyStats, lossReportOf, noteError, type OutputStats } from './output-stats.js';
import { SyncFdWriter } from './sync-fd-writer.js';

export type { DestinationOptions } from './destination-options.js';
export type { OutputStats } from './output-stats.js';

function nameOf(dest: number | string): string {
  if (typeof dest === 'string') return dest;
  return dest === 1 ? 'stdout' : dest === 2 ? 'stderr' : `fd ${dest}`;
}

/** The descriptor to write to: a given one as it is, a path opened for appending. */
function openDest(dest: number | string, mkdir: boolean): number {
  try {
    if (typeof dest === 'number') return dest;
    if (mkdir) mkdirSync(dirname(dest), { recursive: true });
    return openSync(dest, 'a');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ConfigError('destination dest', dest, `cannot be opened (${code ?? message})`);
  }
}

/**
 * A file or file-descriptor output. Synchronous (the default): entries are encoded straight into a reused
 * buffer and written with synchronous writes once `bufferSize` bytes are there (see SyncFdWriter), never as
 * asynchronous writes in flight. Asynchronous (`sync: false`): a writer thread does every write (see
 * AsyncWriter), and `flush()` waits until it has. Either way whatever was accepted is written, or flushed
 * when the process ends (see flush-on-exit), in order; a destination that fails (a closed pipe) or stays
 * full longer than `maxBlockMs` drops and counts instead of throwing or blocking forever.
 */
export class Destination implements Output {
  /** Whether klog text written here is coloured under a logger's `color: 'auto'` (see the `color` option). */
  readonly color: boolean;
  readonly #writer: SyncFdWriter | AsyncWriter;
  readonly #fd: number;
  /** Whether the descriptor was opened here for a file path (closed by close(); never 1, 2 or a given one). */
  readonly #ownsFd: boolean;
  readonly #maxBlockMs: number;
  readonly #name: string;
  #timer: NodeJS.Timeout | undefined;
  #stats: OutputStats = emptyStats();
  #broken = false;
  #closed = false;
  /** Set once the process is ending: entries logged by later 'exit' listeners are written at once. */
  #exiting = false;
  /** While a full destination backs off: entries until then are dropped, not written. */
  #stalledUntil = 0;

  /** Opens the destination now; a bad option or a file that cannot be opened throws a ConfigError naming it. */
  constructor(options: DestinationOptions = {}) {
    checkDestinationOptions(options);
    const bufferSize = options.bufferSize ?? 0;
    const dest = options.dest ?? 2;
    const interval = bufferSize > 0 ? (options.flushInterval ?? 5000) : 0;
    this.#maxBlockMs = options.maxBlockMs ?? 1000;
    this.#name = nameOf(dest);
    this.#fd = openDest(dest, options.mkdir ?? false);
    this.#ownsFd = typeof dest === 'string';
    this.color = colorEnabled(options.color ?? 'auto', isatty(this.#fd));
    const onError = (error: unknown): void => this.#fail(error);
    if (options.sync === false) {
      try {
        // The periodic flush runs in the writer thread too, so no timer here.
        this.#writer = new AsyncWriter(this.#fd, { bufferSize, flushInterval: interval, maxBlockMs: this.#maxBlockMs, onError });
      } catch (error) {
        if (this.#ownsFd) closeSync(this.#fd);
        throw new ConfigError('destination sync', false, `cannot start a writer thread (${(error as Error).message})`);
      }
    } else {
      this.#writer = new SyncFdWriter(this.#fd, bufferSize, this.#maxBlockMs, onError);
      if (interval > 0) this.#timer = setInterval(() => this.flush(), interval).unref();
    }
    flushOnExit(this);
  }

  #fail(error: unknown): void {
    const code = noteError(this.#stats, error);
    // One entry larger than the writer thread's buffer: only that entry is dropped.
    if (code === 'EMSGSIZE') return;
    if (isFull(error) || code === 'ETIMEDOUT') {
      // Still full after maxBlockMs: keep what is buffered for later, drop new entries for a while.
      this.#stalledUntil = Date.now() + 10 * this.#maxBlockMs;
      return;
    }
    // A closed pipe or a bad descriptor does not come back: what is buffered is lost.
    if (!this.#broken) this.#stats.droppedBytes += this.#writer.pending;
    this.#broken = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }

  /** Accepts one encoded entry (buffered up to `bufferSize`), or counts it as dropped. Never throws. */
  write(text: string, _severity: Severity): void {
    if (this.#broken || (this.#stalledUntil !== 0 && Date.now() < this.#stalledUntil)) {
      this.#stats.droppedEntries++;
      return;
    }
    this.#stalledUntil = 0;
    if (this.#writer.write(text)) this.#stats.accepted++;
    else this.#stats.droppedEntries++;
    if (this.#exiting) this.flush();
  }

  /**
   * Writes out the buffer now and returns once it is written (asynchronous mode: once the writer thread
   * has written it). A full destination still blocks at most maxBlockMs.
   */
  flush(): void {
    // While stalled, a flush would only wait out maxBlockMs again (a split stream flushes before each error).
    if (this.#broken || (this.#stalledUntil !== 0 && !this.#exiting && Date.now() < this.#stalledUntil)) return;
    this.#writer.flush();
  }

  /** Called as the process ends (see flush-on-exit): a last flush; what is still not written is lost. */
  finish(): void {
    this.#exiting = true;
    this.flush();
    if (this.#broken || this.#writer.pending === 0) return;
    // Stop a writer thread first, so that the count is exact: nothing more goes out.
    this.#writer.stop(true);
    this.#stats.droppedBytes += this.#writer.pending;
    this.#broken = true;
  }

  /**
   * Releases the destination: writes out what is buffered (waiting at most maxBlockMs), stops its flush
   * timer or writer thread and its exit hook, and closes the file it opened (never fd 1 or 2, nor a
   * descriptor it was given). Later entries are dropped and counted. Losses are still reported at exit.
   */
  close(): void {
    if (this.#closed) return;
    this.flush();
    this.#closed = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    const unwritten = this.#broken ? 0 : this.#writer.pending;
    try {
      // A thread that did not stop may still be writing: better a leaked descriptor than a reused one.
      const stopped = this.#writer.stop(unwritten > 0);
      // Counted once nothing more can go out, so that the count is exact.
      if (unwritten > 0) this.#stats.droppedBytes += this.#writer.pending;
      if (this.#ownsFd && stopped) closeSync(this.#fd);
    } catch {
      // Closing is best effort; the entries were written or counted above.
    }
    this.#broken = true;
    this.#stats.lastError ??= 'ECLOSED: the destination was closed';
    stopFlushOnExit(this);
  }

  /** What this destination accepted and dropped so far (a copy). */
  stats(): OutputStats {
    return { ...this.#stats };
  }

  /** One line saying what was lost, or undefined if nothing was; printed to stderr when the process ends. */
  lossReport(): string | undefined {
    return lossReportOf(this.#stats, this.#name);
  }
}

/** A destination (see {@link Destination}). */
export function destination(options: DestinationOptions = {}): Destination {
  return new Destination(options);
}
