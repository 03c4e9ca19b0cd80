import type { Entry } from './entry.js';

/**
 * The filter stage every entry passes through, whatever logger made it (klog's SetLogFilter, widened).
 * The sanitizer installs one. Filters return new values; they never mutate what they are given.
 */
export interface LogFilter {
  /** Called once per `withValues` call with the list being bound; returns the list to keep. */
  filterValues?(kv: readonly unknown[]): readonly unknown[];
  /** Called for every entry about to be written; returns the entry to write, or undefined to drop it. */
  filterEntry?(entry: Entry): Entry | undefined;
}
