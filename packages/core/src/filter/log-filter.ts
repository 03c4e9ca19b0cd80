import type { Entry } from '../logger/entry.js';

/**
 * The filter every entry passes through, whatever logger or copy of core made it (klog's SetLogFilter,
 * widened). The sanitizer installs one with `setLogFilter`. Filters return new values; they never mutate
 * what they are given. If a filter throws, core writes nothing it was given to check (fail closed): the
 * entry is written without its message, name, error and values, and counted (`logFilterFailures()`).
 */
export interface LogFilter {
  /**
   * Called once per `withValues` call with the list being bound; returns the list to keep. Core snapshots
   * what it returns at once (encodes it for both formats, and copies it for entry sinks), so a value
   * changed after binding is never written; it calls this again, on the values as they are then, when
   * the filter or its rules change (`setLogFilter`, `refilterBoundValues`).
   */
  filterValues?(kv: readonly unknown[]): readonly unknown[];
  /**
   * Called for every entry about to be written; returns the entry to write, or undefined to drop it.
   * `encoded` is true when klog-ts's own encoders write the entry and will call the installed filter's
   * {@link filterObject} with every object in it that is not plain data; false for a backend that
   * serializes values itself (an entry sink such as the pino backend), and the filter must then walk the
   * entry in full. The entry's bound values were filtered when bound (see {@link filterValues}); its name
   * and message are strings, already through {@link filterArgs} if they were not.
   */
  filterEntry?(entry: Entry, encoded?: boolean): Entry | undefined;
  /**
   * Called by klog-ts's encoders with each object that is not plain data (a class instance, a Map, Set,
   * Error or `Secret`, a subclass of Array, String, Date or Uint8Array; not a plain object, a plain array,
   * a Date, a Uint8Array or Buffer, or an ObjectRef) that they are about to render, at any depth, before
   * any method of it (`toString`, `toJSON`, the log marshaler) runs; they render what it returns. A filter
   * that finds secrets only in such objects can then leave the plain data of an `encoded` entry alone.
   */
  filterObject?(value: object): unknown;
  /**
   * Called with the operands of a legacy call (`info`, `infof`, …) before they are formatted, and with a
   * message, logger name or printf format that is not a string (as a one-element list) before it
   * becomes text.
   */
  filterArgs?(args: readonly unknown[]): readonly unknown[];
}
