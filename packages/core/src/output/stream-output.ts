import { colorEnabled } from '../color/color-setting.js';
import type { Severity } from '../logger/severity.js';
import { className } from '../util/class-name.js';
import { flushOnExit } from './flush-on-exit.js';
import type { Output, WritableLike } from './output.js';
import { isFull } from './is-full.js';
import { emptyStats, lossReportOf, noteError, type OutputStats } from './output-stats.js';

/** The parts of a Node stream (or a sonic-boom) this adapter reads, all optional. */
interface StreamLike extends WritableLike {
  on?: (event: string, listener: (error?: unknown) => void) => unknown;
  destroyed?: boolean;
  isTTY?: boolean;
  fd?: number;
  file?: string | null;
  writableEnded?: boolean;
  writableLength?: number;
  _len?: number;
}

/** How a loss report names the stream: stdout, stderr, a sonic-boom's file, or its class (`a Socket`). */
function nameOf(stream: StreamLike): string {
  if (stream.fd === 1) return 'stdout';
  if (stream.fd === 2) return 'stderr';
  if (typeof stream.file === 'string') return stream.file;
  const name = className(stream);
  return name === undefined ? 'a stream' : `a ${name}`;
}

/**
 * Adapts anything with `write(string)` (a Node stream, a socket, a sonic-boom) to an Output that never
 * crashes the process: it listens for the stream's 'error' (without a listener, a closed socket's EPIPE
 * would be thrown as an uncaught exception) and its 'close', and from then on counts entries as dropped
 * instead of writing them, as it does for a stream that was destroyed or ended. What was lost is reported
 * at exit like a destination's losses.
 */
export class StreamOutput implements Output {
  /** A terminal stream (`isTTY`) takes colour under `color: 'auto'`, unless the environment says otherwise. */
  readonly color: boolean;
  readonly #stream: StreamLike;
  readonly #name: string;
  #stats: OutputStats = emptyStats();
  #failed = false;

  constructor(stream: WritableLike) {
    this.#stream = stream;
    this.#name = nameOf(this.#stream);
    this.color = colorEnabled('auto', this.#stream.isTTY === true);
    const { on } = this.#stream;
    if (typeof on === 'function') {
      on.call(stream, 'error', (error) => this.#fail(error));
      on.call(stream, 'close', () => (this.#failed = true));
    }
    flushOnExit(this);
  }

  #fail(error: unknown): void {
    noteError(this.#stats, error);
    if (this.#failed) return;
    this.#failed = true;
    // What the stream had queued when it failed is gone with it.
    const queued = this.#stream.writableLength ?? this.#stream._len;
    if (typeof queued === 'number' && queued > 0) this.#stats.droppedBytes += queued;
  }

  /** Writes one entry, or counts it as dropped once the stream has failed, closed or ended. Never throws. */
  write(text: string, _severity: Severity): void {
    const stream = this.#stream;
    if (this.#failed || stream.destroyed === true || stream.writableEnded === true) {
      this.#stats.droppedEntries++;
      this.#stats.lastError ??= 'ECLOSED: the stream was closed';
      return;
    }
    this.#stats.accepted++;
    try {
      stream.write(text);
    } catch (error) {
      // A write that throws may be a passing failure of a custom writable: count it, keep writing.
      this.#stats.accepted--;
      this.#stats.droppedEntries++;
      noteError(this.#stats, error);
    }
  }

  /** Calls the stream's `flushSync()` when it has one (sonic-boom); a failure is recorded, not thrown. */
  flush(): void {
    if (this.#failed) return;
    try {
      this.#stream.flushSync?.();
    } catch (error) {
      // Not open yet (a sonic-boom opening its file) or full for now: the data is still queued.
      if ((error as Error).message === 'sonic boom is not ready yet') return;
      if (isFull(error)) noteError(this.#stats, error);
      else this.#fail(error);
    }
  }

  /** What this output accepted and dropped so far (a copy). */
  stats(): OutputStats {
    return { ...this.#stats };
  }

  /** One line saying what was lost, or undefined if nothing was; printed to stderr when the process ends. */
  lossReport(): string | undefined {
    return lossReportOf(this.#stats, this.#name);
  }
}
