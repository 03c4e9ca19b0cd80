import type { Entry } from './entry.js';

/**
 * The filter stage every entry passes through, whatever logger made it (klog's SetLogFilter, widened).
 * The sanitizer installs one with `setLogFilter`. Filters return new values; they never mutate what they
 * are given. If a filter throws, the entry is written without any of its values (fail closed).
 */
export interface LogFilter {
  /** Called once per `withValues` call with the list being bound; returns the list to keep. */
  filterValues?(kv: readonly unknown[]): readonly unknown[];
  /** Called for every entry about to be written; returns the entry to write, or undefined to drop it. */
  filterEntry?(entry: Entry): Entry | undefined;
  /** Called with the operands of a legacy call (`info`, `infof`, …) before they are formatted. */
  filterArgs?(args: readonly unknown[]): readonly unknown[];
}
