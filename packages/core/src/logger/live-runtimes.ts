import type { Runtime } from './runtime.js';

/** Every runtime still in use (the global one and each `createLogger()`'s), held weakly. */
const live = new Set<WeakRef<Runtime>>();
/** Forgets a runtime once it is collected, so that making many loggers does not grow the set. */
const collected = new FinalizationRegistry<WeakRef<Runtime>>((ref) => live.delete(ref));

/** Registers a runtime so that {@link flushRuntimes} reaches it (its entry sink included). */
export function trackRuntime(runtime: Runtime): void {
  const ref = new WeakRef(runtime);
  live.add(ref);
  collected.register(runtime, ref);
}

/** Flushes every live runtime: its entry sink (the pino backend), then its output. Never throws. */
export function flushRuntimes(): void {
  for (const ref of live) {
    const runtime = ref.deref();
    // Runtime.flush never throws: a failure is counted as a dropped entry.
    if (runtime === undefined) live.delete(ref);
    else runtime.flush();
  }
}
