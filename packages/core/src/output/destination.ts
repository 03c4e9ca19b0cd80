import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { isatty } from 'node:tty';
import { colorEnabled } from '../color/color-setting.js';
import { ConfigError } from '../config-error.js';
import type { Severity } from '../logger/severity.js';
import { AsyncWriter } from './async-writer.js';
import { checkDestinationOptions, type DestinationOptions } from './destination-options.js';
import { flushOnExit, stopFlushOnExit } from './flush-on-exit.js';
import { isFull } from './is-full.js';
import { reopenOnSignal, stopReopenOnSignal } from './reopen-on-signal.js';
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
  #writer: SyncFdWriter | AsyncWriter;
  #fd: number;
  /** How the writer was set up, for a new one when the file is reopened. */
  readonly #writerOptions: { bufferSize: number; interval: number; sync: boolean };
  /** The file path, for a destination that may be reopened (see reopen). */
  readonly #path: string | undefined;
  readonly #mkdir: boolean;
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
    this.#mkdir = options.mkdir ?? false;
    this.#fd = openDest(dest, this.#mkdir);
    this.#ownsFd = typeof dest === 'string';
    this.#path = typeof dest === 'string' ? dest : undefined;
    this.color = colorEnabled(options.color ?? 'auto', isatty(this.#fd));
    const sync = options.sync !== false;
    this.#writerOptions = { bufferSize, interval, sync };
    try {
      this.#writer = this.#newWriter(this.#fd);
    } catch (error) {
      if (this.#ownsFd) closeSync(this.#fd);
      throw new ConfigError('destination sync', false, `cannot start a writer thread (${(error as Error).message})`);
    }
    this.#startTimer();
    flushOnExit(this);
    if (options.reopenOnSignal !== undefined) reopenOnSignal(this, options.reopenOnSignal);
  }

  /** The periodic flush of synchronous writes (a writer thread runs its own). */
  #startTimer(): void {
    const { interval, sync } = this.#writerOptions;
    if (sync && interval > 0 && this.#timer === undefined) this.#timer = setInterval(() => this.flush(), interval).unref();
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** A writer for `fd` as this destination was set up; throws only if no writer thread can be started. */
  #newWriter(fd: number): SyncFdWriter | AsyncWriter {
    const { bufferSize, interval, sync } = this.#writerOptions;
    const onError = (error: unknown): void => this.#fail(error);
    if (sync) return new SyncFdWriter(fd, bufferSize, this.#maxBlockMs, onError);
    return new AsyncWriter(fd, { bufferSize, flushInterval: interval, maxBlockMs: this.#maxBlockMs, onError });
  }

  /**
   * Opens the file again at the same path (after logrotate renamed it) and writes to that from now on:
   * every entry accepted before is written to the old file first, in order, then the old descriptor is
   * closed; none is written twice. Returns false, and keeps writing to the file it has, for a destination
   * that is not a file path, a closed one, or a path that cannot be opened (said once on stderr). Never throws.
   */
  reopen(): boolean {
    if (this.#path === undefined || this.#closed) return false;
    let fd: number;
    let writer: SyncFdWriter | AsyncWriter;
    try {
      fd = openDest(this.#path, this.#mkdir);
    } catch (error) {
      this.#tell(`cannot reopen ${this.#path} (${(error as Error).message}); still writing to the file opened before`);
      return false;
    }
    try {
      writer = this.#newWriter(fd);
    } catch (error) {
      closeSync(fd);
      this.#tell(`cannot reopen ${this.#path}: no writer thread (${(error as Error).message}); still writing to the file opened before`);
      return false;
    }
    const [old, oldFd] = [this.#writer, this.#fd];
    // Everything accepted so far goes to the old file: written out, then its writer stopped (a thread waits until done).
    this.flush();
    const stopped = old.stop(false);
    if (!this.#broken && old.pending > 0) this.#stats.droppedBytes += old.pending;
    this.#writer = writer;
    this.#fd = fd;
    this.#broken = false;
    this.#stalledUntil = 0;
    this.#startTimer();
    // A thread that did not stop may still be writing: better a leaked descriptor than a reused one.
    if (stopped) closeSync(oldFd);
    return true;
  }

  #tell(text: string): void {
    try {
      writeSync(2, `klog-ts: ${text}\n`);
    } catch {
      // stderr is gone too: the file keeps being written.
    }
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
    this.#stopTimer();
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
    this.#stopTimer();
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
    stopReopenOnSignal(this);
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
