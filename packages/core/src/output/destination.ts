import pino from 'pino';
import { ConfigError } from '../config-error.js';
import { checkKnownKeys } from '../config/check-known-keys.js';
import type { Severity } from '../logger/severity.js';
import { flushOnExit } from './flush-on-exit.js';
import type { Output } from './output.js';

/** Where a destination writes, and how much it may buffer. */
export interface DestinationOptions {
  /** A file descriptor (1 stdout, 2 stderr) or a file path (appended to). Default 2. */
  dest?: number | string;
  /** Bytes gathered before a write. 0 (default) writes each entry at once. */
  bufferSize?: number;
  /** Milliseconds between flushes of a partly filled buffer (Kubernetes' flushFrequency). Default 5000. */
  flushInterval?: number;
  /**
   * How long a full destination (EAGAIN: a pipe nobody reads) may block a write. After that, entries are
   * dropped and counted for ten times as long, then writing is tried again. Default 1000 ms.
   */
  maxBlockMs?: number;
  /** Create the file's directory if it is missing. */
  mkdir?: boolean;
}

/** What a destination did: entries accepted, and what it had to drop (and why). */
export interface OutputStats {
  /** Entries handed to the destination. */
  accepted: number;
  /** Entries refused because the destination had failed (EPIPE, EBADF, …) or stayed full too long. */
  droppedEntries: number;
  /** Bytes that were buffered when the destination failed for good, and so were lost. */
  droppedBytes: number;
  /** The last error, as `CODE: message`. */
  lastError: string | undefined;
}

type SonicBoom = ReturnType<typeof pino.destination> & { _len?: number };

const OPTION_NAMES: readonly (keyof DestinationOptions)[] = ['dest', 'bufferSize', 'flushInterval', 'maxBlockMs', 'mkdir'];

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Validates before anything is opened, so that a mistake names the option rather than a sonic-boom internal. */
function checkDestinationOptions(options: DestinationOptions): void {
  if (typeof options !== 'object' || options === null) throw new ConfigError('destination options', options, 'must be an object');
  checkKnownKeys(options, OPTION_NAMES, 'destination option');
  const { dest, bufferSize, flushInterval, maxBlockMs, mkdir } = options;
  if (dest !== undefined && !isCount(dest) && (typeof dest !== 'string' || dest === '')) {
    throw new ConfigError('destination dest', dest, 'must be a file descriptor (1, 2, …) or a file path');
  }
  if (bufferSize !== undefined && !isCount(bufferSize)) throw new ConfigError('destination bufferSize', bufferSize, 'must be a non-negative integer');
  for (const [name, value] of [['flushInterval', flushInterval], ['maxBlockMs', maxBlockMs]] as const) {
    // Milliseconds, fractions allowed: a flushFrequency of 100us arrives here as 0.1.
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new ConfigError(`destination ${name}`, value, 'must be a non-negative number of milliseconds');
    }
  }
  if (mkdir !== undefined && typeof mkdir !== 'boolean') throw new ConfigError('destination mkdir', mkdir, 'must be a boolean');
}

/**
 * A file or file-descriptor output on pino's destination (sonic-boom). Entries are accepted into a
 * buffer of `bufferSize` bytes and written in batches with synchronous writes, never as asynchronous
 * writes in flight: whatever was accepted is either written or, when the process ends, flushed (see
 * flush-on-exit). A destination that fails (a closed pipe) or stays full longer than `maxBlockMs`
 * drops and counts instead of throwing or blocking forever.
 */
export class Destination implements Output {
  readonly #sonic: SonicBoom;
  readonly #maxBlockMs: number;
  readonly #name: string;
  #blockedSince = 0;
  #timer: NodeJS.Timeout | undefined;
  #stats: OutputStats = { accepted: 0, droppedEntries: 0, droppedBytes: 0, lastError: undefined };
  #broken = false;
  /** While a full destination backs off: entries until then are dropped, not written. */
  #stalledUntil = 0;

  /** Opens the destination now; a bad option or a file that cannot be opened throws a ConfigError naming it. */
  constructor(options: DestinationOptions = {}) {
    checkDestinationOptions(options);
    const bufferSize = options.bufferSize ?? 0;
    const dest = options.dest ?? 2;
    this.#maxBlockMs = options.maxBlockMs ?? 1000;
    try {
      this.#sonic = pino.destination({
        dest,
        sync: true,
        minLength: bufferSize,
        // sonic-boom writes at most maxWrite bytes per call and needs it above minLength.
        maxWrite: Math.max(16 * 1024, 2 * bufferSize),
        mkdir: options.mkdir ?? false,
        retryEAGAIN: () => this.#mayRetry(),
      });
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      throw new ConfigError('destination dest', dest, `cannot be opened (${code ?? message})`);
    }
    // Without a listener an 'error' event would throw out of a log call.
    this.#sonic.on('error', (error: NodeJS.ErrnoException) => this.#fail(error));
    this.#name = typeof options.dest === 'string' ? options.dest : options.dest === 1 ? 'stdout' : options.dest === 2 || options.dest === undefined ? 'stderr' : `fd ${options.dest}`;
    if (bufferSize > 0) {
      const interval = options.flushInterval ?? 5000;
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

  #fail(error: unknown): void {
    const { code, message } = error as NodeJS.ErrnoException;
    this.#stats.lastError = `${code ?? 'ERROR'}: ${message}`;
    if (code === 'EAGAIN' || code === 'EBUSY') {
      // Still full after maxBlockMs: keep what is buffered for later, drop new entries for a while.
      this.#stalledUntil = Date.now() + 10 * this.#maxBlockMs;
      this.#blockedSince = 0;
      return;
    }
    // A closed pipe or a bad descriptor does not come back: what is buffered is lost.
    this.#broken = true;
    this.#stats.droppedBytes += this.#sonic._len ?? 0;
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }

  /** Accepts one encoded entry (buffered up to `bufferSize`), or counts it as dropped. Never throws. */
  write(text: string, _severity: Severity): void {
    if (this.#broken || (this.#stalledUntil !== 0 && Date.now() < this.#stalledUntil)) {
      this.#stats.droppedEntries++;
      return;
    }
    this.#stalledUntil = 0;
    this.#stats.accepted++;
    try {
      this.#sonic.write(text);
      this.#blockedSince = 0;
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Writes out the buffer now (a full destination still blocks at most maxBlockMs). */
  flush(): void {
    // Nothing buffered means nothing to write; skipping also spares sonic-boom's fsync, which a split
    // stream would otherwise pay on every error it writes.
    if (this.#broken || (this.#sonic._len ?? 0) === 0) return;
    try {
      this.#sonic.flushSync();
      this.#blockedSince = 0;
    } catch (error) {
      if ((error as Error).message !== 'sonic boom is not ready yet') this.#fail(error);
    }
  }

  /** What this destination accepted and dropped so far (a copy). */
  stats(): OutputStats {
    return { ...this.#stats };
  }

  /** One line saying what was lost, or undefined if nothing was; printed to stderr when the process ends. */
  lossReport(): string | undefined {
    const { droppedEntries, droppedBytes, lastError } = this.#stats;
    if (droppedEntries === 0 && droppedBytes === 0) return undefined;
    return `${droppedEntries} log entries and ${droppedBytes} buffered bytes could not be written to ${this.#name} (${lastError ?? 'unknown error'})`;
  }
}

/** A destination (see {@link Destination}). */
export function destination(options: DestinationOptions = {}): Destination {
  return new Destination(options);
}
