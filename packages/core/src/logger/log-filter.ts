import type { Entry } from './entry.js';

/**
 * The filter stage every entry passes through, whatever logger made it (klog's SetLogFilter, widened).
 * The sanitizer installs one with `setLogFilter`. Filters return new values; they never mutate what they
 * are given. If a filter throws, the entry is written without any of its values (fail closed).
 */
export interface LogFilter {
  /** Called once per `withValues` call with the list being bound; returns the list to keep. */
  filterValues?(kv: readonly unknown[]): readonly unknown[];
  /**
   * Called for every entry about to be written; returns the entry to write, or undefined to drop it.
   * `encoded` is true when klog-ts's own encoders write the entry, and so call {@link filterObject} (if the
   * filter has it) with every object in it that is not plain data; false for a backend that serializes
   * values itself (the pino sink) or when omitted, and the filter must then walk the entry in full.
   */
  filterEntry?(entry: Entry, encoded?: boolean): Entry | undefined;
  /**
   * Called by klog-ts's encoders with each object that is not plain data (a class instance, Map, Set,
   * Error, `Secret`; not a plain object, an array, an ObjectRef, a Date or bytes) that they are about to
   * render, at any depth, before any method of it (`toString`, `toJSON`, the log marshaler) runs; they
   * render what it returns. A filter that finds secrets only in such objects can then leave the plain data
   * of an `encoded` entry alone, which the encoders walk anyway.
   */
  filterObject?(value: object): unknown;
  /** Called with the operands of a legacy call (`info`, `infof`, …) before they are formatted. */
  filterArgs?(args: readonly unknown[]): readonly unknown[];
}
