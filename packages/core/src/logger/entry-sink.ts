import type { Entry } from './entry.js';

/**
 * A backend that takes entries instead of encoded bytes (klog's SetLogger with a logr sink): the pino
 * backend is one. Entries reach it after the filter stage, so the sanitizer still applies.
 */
export interface EntrySink {
  writeEntry(entry: Entry): void;
  flush(): void;
}
