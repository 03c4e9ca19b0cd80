import { writeSync } from 'node:fs';

/**
 * Flushes every registered buffered output before the process ends: on normal exit and `process.exit()`
 * ('exit'), on an uncaught exception or unhandled rejection ('uncaughtExceptionMonitor', which runs before
 * Node prints the error and exits), and on SIGTERM and SIGINT. For a signal nobody else handles, the
 * default action is restored and the signal raised again, so the process still ends as it would have.
 * Every flush is synchronous (an asynchronous destination waits for its writer thread), so a flush here
 * really reaches the file descriptor.
 */
interface Flushable {
  flush(): void;
  /**
   * The process is ending: a last flush, counting what could not be written as lost. Entries logged after it
   * (by later 'exit' listeners) are written at once. Without it, `flush()` is called.
   */
  finish?(): void;
  /** A one-line account of what was lost, if anything, printed to stderr when the process ends. */
  lossReport?(): string | undefined;
}

const registered = new Set<WeakRef<Flushable>>();
const refs = new WeakMap<Flushable, WeakRef<Flushable>>();
/** Released outputs that lost something: no longer flushed, but still reported (so held strongly). */
const reportOnly = new Set<Flushable>();
let installed = false;

function each(action: (output: Flushable) => void): void {
  for (const ref of registered) {
    const output = ref.deref();
    if (output === undefined) registered.delete(ref);
    else {
      try {
        action(output);
      } catch {
        // A broken destination counts its own losses; keep flushing the others.
      }
    }
  }
}

function flushAll(): void {
  each((output) => output.flush());
}

function finishAll(): void {
  each((output) => (output.finish === undefined ? output.flush() : output.finish()));
}

/** After the final flush: say what could not be written, on stderr, directly (it may be what broke). */
function reportLosses(): void {
  const outputs = [...reportOnly, ...[...registered].map((ref) => ref.deref())];
  for (const output of outputs) {
    const report = output?.lossReport?.();
    if (report === undefined) continue;
    try {
      writeSync(2, `klog-ts: ${report}\n`);
    } catch {
      // stderr itself is gone: the counts stay readable through stats() while the process lives.
    }
  }
}

function onExit(): void {
  finishAll();
  reportLosses();
}

function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) !== 1) {
    // Someone else handles the signal, so the process may well go on.
    flushAll();
    return;
  }
  // Raised again with the default action, the signal ends the process without an 'exit' event.
  finishAll();
  reportLosses();
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function install(): void {
  installed = true;
  process.on('exit', onExit);
  process.on('uncaughtExceptionMonitor', flushAll);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, onSignal);
}

/** Registers an output to be flushed, and its losses reported, when the process ends (held weakly). */
export function flushOnExit(output: Flushable): void {
  if (!installed) install();
  if (refs.has(output)) return;
  const ref = new WeakRef(output);
  refs.set(output, ref);
  registered.add(ref);
}

/** Undoes {@link flushOnExit} for a released output; if it lost anything, that is still reported at exit. */
export function stopFlushOnExit(output: Flushable): void {
  const ref = refs.get(output);
  if (ref === undefined) return;
  refs.delete(output);
  registered.delete(ref);
  if (output.lossReport?.() !== undefined) reportOnly.add(output);
}

/** Flushes every registered output now. */
export function flushRegistered(): void {
  flushAll();
}
