import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import { ConfigError } from '../config-error.js';
import type { Severity } from '../logger/severity.js';
import { AsyncWriter } from './async-writer.js';
import { checkDestinationOptions, type DestinationOptions } from './destination-options.js';
import { flushOnExit, stopFlushOnExit } from './flush-on-exit.js';
import type { Output } from './output.js';
import { emptyStats, lossReportOf, type OutputStats } from './output-stats.js';

export type { DestinationOptions } from './destination-options.js';
export type { OutputStats } from './output-stats.js';

type SonicBoom = ReturnType<typeof pino.destination> & { _len?: number };

function nameOf(dest: number | string): string {
  if (typeof dest === 'string') return dest;
  return dest === 1 ? 'stdout' : dest === 2 ? 'stderr' : `fd ${dest}`;
}

function cannotOpen(dest: number | string, error: unknown): ConfigError {
  const { code, message } = error as NodeJS.ErrnoException;
  return new ConfigError('destination dest', dest, `cannot be opened (${code ?? message})`);
}

/**
 * A file or file-descriptor output. Synchronous (the default): pino's destination (sonic-boom) gathers
 * `bufferSize` bytes and writes them with synchronous writes, never as asynchronous writes in flight.
 * Asynchronous (`sync: false`): a writer thread does every write (see AsyncWriter), and `flush()` waits
 * until it has. Either way whatever was accepted is written, or flushed when the process ends (see
 * flush-on-exit), in order; a destination that fails (a closed pipe) or stays full longer than
 * `maxBlockMs` drops and counts instead of throwing or blocking forever.
 */
export class Destination implements Output {
  readonly #sonic: SonicBoom | undefined;
  readonly #writer: AsyncWriter | undefined;
  /** A descriptor the asynchronous mode opened for a file path (closed by close(); never 1, 2 or a given one). */
  readonly #ownFd: number | undefined;
  readonly #ownsFile: boolean;
  readonly #maxBlockMs: number;
  readonly #name: string;
  #blockedSince = 0;
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
    const mkdir = options.mkdir ?? false;
    // sonic-boom writes at most maxWrite bytes per call and needs it above minLength.
    const maxWrite = Math.max(16 * 1024, 2 * bufferSize);
    const interval = bufferSize > 0 ? (options.flushInterval ?? 5000) : 0;
    this.#maxBlockMs = options.maxBlockMs ?? 1000;
    this.#name = nameOf(dest);
    this.#ownsFile = typeof dest === 'string';
    if (options.sync === false) {
      let fd: number;
      try {
        if (typeof dest === 'number') fd = dest;
        else {
          if (mkdir) mkdirSync(dirname(dest), { recursive: true });
          fd = openSync(dest, 'a');
        }
      } catch (error) {
        throw cannotOpen(dest, error);
      }
      this.#ownFd = typeof dest === 'string' ? fd : undefined;
      try {
        // The periodic flush runs in the writer thread too, so no timer here.
        this.#writer = new AsyncWriter(fd, { bufferSize, flushInterval: interval, maxWrite, maxBlockMs: this.#maxBlockMs, onError: (error) => this.#fail(error) });
      } catch (error) {
        if (this.#ownFd !== undefined) closeSync(this.#ownFd);
        throw new ConfigError('destination sync', false, `cannot start a writer thread (${(error as Error).message})`);
      }
    } else {
      try {
        this.#sonic = pino.destination({ dest, sync: true, minLength: bufferSize, maxWrite, mkdir, retryEAGAIN: () => this.#mayRetry() });
      } catch (error) {
        throw cannotOpen(dest, error);
      }
      // Without a listener an 'error' event would throw out of a log call.
      this.#sonic.on('error', (error: NodeJS.ErrnoException) => this.#fail(error));
      if (interval > 0) this.#timer = setInterval(() => this.flush(), interval).unref();
    }
    flushOnExit(this);
  }

  /** A full destination may block for at most maxBlockMs in total before the write gives up. */
  #mayRetry(): boolean {
    const now = Date.now();
    if (this.#blockedSince === 0) this.#blockedSince = now;
    return now - this.#blockedSince < this.#maxBlockMs;
  }

  /** Bytes accepted and not yet written. */
  #pending(): number {
    return this.#writer?.pending ?? this.#sonic?._len ?? 0;
  }

  #fail(error: unknown): void {
    const { code, message } = error as NodeJS.ErrnoException;
    this.#stats.lastError = `${code ?? 'ERROR'}: ${message}`;
    // One entry larger than the writer thread's buffer: only that entry is dropped.
    if (code === 'EMSGSIZE') return;
    if (code === 'EAGAIN' || code === 'EBUSY' || code === 'ETIMEDOUT') {
      // Still full after maxBlockMs: keep what is buffered for later, drop new entries for a while.
      this.#stalledUntil = Date.now() + 10 * this.#maxBlockMs;
      this.#blockedSince = 0;
      return;
    }
    // A closed pipe or a bad descriptor does not come back: what is buffered is lost.
    if (!this.#broken) this.#stats.droppedBytes += this.#pending();
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
    if (this.#writer !== undefined) {
      if (this.#writer.write(text)) this.#stats.accepted++;
      else this.#stats.droppedEntries++;
    } else {
      this.#stats.accepted++;
      try {
        this.#sonic!.write(text);
        this.#blockedSince = 0;
      } catch (error) {
        this.#fail(error);
      }
    }
    if (this.#exiting) this.flush();
  }

  /**
   * Writes out the buffer now and returns once it is written (asynchronous mode: once the writer thread
   * has written it). A full destination still blocks at most maxBlockMs.
   */
  flush(): void {
    // While stalled, a flush would only wait out maxBlockMs again (a split stream flushes before each error).
    if (this.#broken || (this.#stalledUntil !== 0 && !this.#exiting && Date.now() < this.#stalledUntil)) return;
    if (this.#writer !== undefined) {
      this.#writer.flush();
      return;
    }
    // Nothing buffered means nothing to write; skipping also spares sonic-boom's fsync, which a split
    // stream would otherwise pay on every error it writes.
    if ((this.#sonic!._len ?? 0) === 0) return;
    try {
      this.#sonic!.flushSync();
      this.#blockedSince = 0;
    } catch (error) {
      if ((error as Error).message !== 'sonic boom is not ready yet') this.#fail(error);
    }
  }

  /** Called as the process ends (see flush-on-exit): a last flush; what is still not written is lost. */
  finish(): void {
    this.#exiting = true;
    this.flush();
    if (this.#broken || this.#pending() === 0) return;
    // Stop the thread first, so that the count is exact: nothing more goes out.
    this.#writer?.stop(true);
    this.#stats.droppedBytes += this.#pending();
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
    const lost = this.#broken ? 0 : this.#pending();
    try {
      if (this.#writer !== undefined) {
        const stopped = this.#writer.stop(lost > 0);
        this.#stats.droppedBytes += lost > 0 ? this.#writer.pending : 0;
        // A thread that did not stop may still be writing: better a leaked descriptor than a reused one.
        if (this.#ownFd !== undefined && stopped) closeSync(this.#ownFd);
      } else {
        this.#stats.droppedBytes += lost;
        if (this.#ownsFile) this.#sonic!.destroy();
      }
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
