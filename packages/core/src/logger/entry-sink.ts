import type { Entry } from './entry.js';

/**
 * A backend that takes entries instead of encoded bytes (klog's SetLogger with a logr sink): the pino
 * backend is one. Entries reach it after the filter stage, so the sanitizer still applies.
 */
export interface EntrySink {
  /** Takes one filtered entry. If it throws, the entry is written to the output with the failure instead. */
  writeEntry(entry: Entry): void;
  /** Writes out anything buffered (called by `flush()` and before an output change). */
  flush(): void;
}
