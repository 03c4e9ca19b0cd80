import { writeSync } from 'node:fs';
import { describeValue } from '../config/describe-value.js';
import { flushRuntimes } from '../logger/live-runtimes.js';
import { flushRegistered } from '../output/flush-on-exit.js';

/** klog's ExitFlushTimeout (10 s): what `fatal` and `exit` pass to {@link flushAndExit}, and a good default for yours. */
export const EXIT_FLUSH_TIMEOUT_MS = 10_000;

function note(text: string): void {
  try {
    writeSync(2, `klog-ts: ${text}\n`);
  } catch {
    // stderr is gone: nothing else can be told.
  }
}

/**
 * Flushes every logger's output and entry sink (every destination, stream and `pinoSink` of the global
 * logger and of each `createLogger()` logger), then ends the process with `exitCode` (klog's
 * FlushAndExit). With `errorS` before it, this is Kubernetes' replacement for a structured Fatal:
 * `errorS(err, 'Failed to start'); flushAndExit(EXIT_FLUSH_TIMEOUT_MS, 1)`.
 *
 * Nothing accepted is cut off: a flush here is synchronous on the one JavaScript thread, so it cannot
 * deadlock as klog's can, and each output already gives up after its `maxBlockMs` without progress (a
 * consumer that stopped reading). A consumer that still reads, however slowly, gets every line; if that
 * took longer than `flushTimeoutMs`, a note on stderr says so (as klog's does), and the process exits.
 * In a worker thread, `process.exit` ends that thread (Node's rule), after the same flush.
 */
export function flushAndExit(flushTimeoutMs: number, exitCode: number): never {
  const started = Date.now();
  flushRuntimes();
  flushRegistered();
  const took = Date.now() - started;
  if (typeof flushTimeoutMs === 'number' && took > flushTimeoutMs) note(`flushing the logs took ${took} ms, longer than ${flushTimeoutMs} ms`);
  if (!Number.isSafeInteger(exitCode)) {
    // A mistake in the caller must not keep a process that meant to stop alive.
    note(`flushAndExit: the exit code ${describeValue(exitCode)} is not an integer; exiting with 1`);
    exitCode = 1;
  }
  process.exit(exitCode);
}
