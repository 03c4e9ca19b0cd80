import { writeSync } from 'node:fs';

/**
 * Flushes every registered buffered output before the process ends: on normal exit and `process.exit()`
 * ('exit'), on an uncaught exception or unhandled rejection ('uncaughtExceptionMonitor', which runs before
 * Node prints the error and exits), and on SIGTERM and SIGINT. For a signal nobody else handles, the
 * default action is restored and the signal raised again, so the process still ends as it would have.
 * All writes are synchronous, so a flush here really reaches the file descriptor.
 */
interface Flushable {
  flush(): void;
  /** A one-line account of what was lost, if anything, printed to stderr when the process ends. */
  lossReport?(): string | undefined;
}

const registered = new Set<WeakRef<Flushable>>();
let installed = false;

function flushAll(): void {
  for (const ref of registered) {
    const output = ref.deref();
    if (output === undefined) registered.delete(ref);
    else {
      try {
        output.flush();
      } catch {
        // A broken destination counts its own losses; keep flushing the others.
      }
    }
  }
}

/** After the final flush: say what could not be written, on stderr, directly (it may be what broke). */
function reportLosses(): void {
  for (const ref of registered) {
    const report = ref.deref()?.lossReport?.();
    if (report === undefined) continue;
    try {
      writeSync(2, `klog-ts: ${report}\n`);
    } catch {
      // stderr itself is gone: the counts stay readable through stats() while the process lives.
    }
  }
}

function onExit(): void {
  flushAll();
  reportLosses();
}

function onSignal(signal: NodeJS.Signals): void {
  flushAll();
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
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
  registered.add(new WeakRef(output));
}

/** Flushes every registered output now. */
export function flushRegistered(): void {
  flushAll();
}
