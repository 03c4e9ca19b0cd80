/** What a signal reopens: a destination writing to a file path. */
interface Reopenable {
  reopen(): boolean;
}

/** The signals a destination may reopen its file on (logrotate's postrotate sends one; SIGHUP is the custom). */
export const REOPEN_SIGNALS = ['SIGHUP', 'SIGUSR1', 'SIGUSR2'] as const;

export type ReopenSignal = (typeof REOPEN_SIGNALS)[number];

const registered = new Map<ReopenSignal, Set<WeakRef<Reopenable>>>();
const listeners = new Map<ReopenSignal, () => void>();
const refs = new WeakMap<Reopenable, { signal: ReopenSignal; ref: WeakRef<Reopenable> }>();

function reopenAll(signal: ReopenSignal): void {
  for (const ref of registered.get(signal) ?? []) {
    // Destination.reopen never throws: a file that cannot be opened again is reported, and kept.
    ref.deref()?.reopen();
  }
}

/**
 * Reopens `destination`'s file whenever the process receives `signal`. One listener per signal for all
 * destinations; while it is installed the signal no longer ends the process (Node's default for SIGHUP).
 */
export function reopenOnSignal(destination: Reopenable, signal: ReopenSignal): void {
  let set = registered.get(signal);
  if (set === undefined) {
    registered.set(signal, (set = new Set()));
    const listener = (): void => reopenAll(signal);
    listeners.set(signal, listener);
    process.on(signal, listener);
  }
  const ref = new WeakRef(destination);
  refs.set(destination, { signal, ref });
  set.add(ref);
}

/** Undoes {@link reopenOnSignal}; the last destination of a signal removes its listener (and restores the default). */
export function stopReopenOnSignal(destination: Reopenable): void {
  const entry = refs.get(destination);
  if (entry === undefined) return;
  refs.delete(destination);
  const set = registered.get(entry.signal)!;
  set.delete(entry.ref);
  if (set.size > 0) return;
  registered.delete(entry.signal);
  process.removeListener(entry.signal, listeners.get(entry.signal)!);
  listeners.delete(entry.signal);
}
