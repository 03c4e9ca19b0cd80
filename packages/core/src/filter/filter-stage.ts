import type { Entry } from '../logger/entry.js';
import { thrownName } from '../protocols/panic-text.js';
import { safeString } from '../protocols/safe-string.js';
import { ObjectRefList } from '../refs/kobj-slice.js';
import { ObjectRef } from '../refs/object-ref.js';
import { withContextValues } from './context-values.js';
import { filterSlot } from './filter-slot.js';
import type { LogFilter } from './log-filter.js';

/**
 * The filter stage: the one place where core hands values to the installed filter (the sanitizer), and
 * where it fails closed. Loggers call it before a value becomes text (bound lists, legacy operands,
 * names and messages that are not strings) and for every entry; the encoders never read the filter
 * themselves, they are handed {@link objectFilter}'s function for the entry they encode.
 */

/** What the encoders call with each object that is not plain data, before any method of it runs; they render what it returns. */
export type ObjectFilter = (value: object) => unknown;

/**
 * Objects the encoders render without calling any of their methods, or walk themselves (plain objects and
 * arrays): the object filter is not asked about them. A subclass of any of these is asked.
 */
const ENCODER_DATA: ReadonlySet<object | null> = new Set<object | null>([
  null, Object.prototype, Array.prototype, Date.prototype, Uint8Array.prototype, Buffer.prototype, ObjectRef.prototype, ObjectRefList.prototype,
]);

let objectFilterOf: LogFilter | undefined;
let cachedObjectFilter: ObjectFilter | undefined;

/** The function the encoders call for objects, for the filter installed now (undefined when it has none). */
export function objectFilter(): ObjectFilter | undefined {
  const filter = filterSlot.filter;
  if (filter !== objectFilterOf) {
    objectFilterOf = filter;
    cachedObjectFilter = undefined;
    if (typeof filter?.filterObject === 'function') {
      const installed = filter as Required<Pick<LogFilter, 'filterObject'>>;
      cachedObjectFilter = (value) => (ENCODER_DATA.has(Object.getPrototypeOf(value) as object | null) ? value : installed.filterObject(value));
    }
  }
  return cachedObjectFilter;
}

let warnedMissing = false;

/**
 * An entry written in place of one the filter could not check: severity, V level, time and caller are
 * kept; message, name, error and values are withheld, and the reason is given. Counted.
 */
function withheld(entry: Entry, reason: string): Entry {
  filterSlot.failures++;
  return { ...entry, message: 'Log entry withheld', err: undefined, name: undefined, bound: undefined, kv: ['reason', reason], legacy: false };
}

function missingFilter(entry: Entry, parentFilter: string): Entry {
  const reason = `the thread that started this worker installed ${parentFilter}, but no log filter is installed in this worker`;
  if (!warnedMissing) {
    warnedMissing = true;
    process.emitWarning(`@klog-ts/core: ${reason}: entries are written without their values until one is (import @klog-ts/sanitizer in the worker, or call setLogFilter).`, { code: 'KLOG_TS_WORKER_WITHOUT_FILTER' });
  }
  return withheld(entry, reason);
}

/**
 * An entry through the installed filter, after the context values hook has added its pairs (so the filter
 * checks them like any other): the entry to write (possibly a changed copy), or undefined to drop it.
 * Never throws: if the filter throws, the entry is written without anything it was to check.
 */
export function filterEntry(logged: Entry, encoded: boolean): Entry | undefined {
  const entry = withContextValues(logged);
  const filter = filterSlot.filter;
  if (filter === undefined) {
    const parentFilter = filterSlot.missing;
    return parentFilter === undefined ? entry : missingFilter(entry, parentFilter);
  }
  if (filter.filterEntry === undefined) return entry;
  try {
    return filter.filterEntry(entry, encoded);
  } catch (thrown) {
    return withheld(entry, `the log filter failed (${thrownName(thrown)})`);
  }
}

/** A list being bound with `withValues`, through the filter; if the filter throws, the values are withheld. */
export function filterBoundList(list: readonly unknown[]): readonly unknown[] {
  const filter = filterSlot.filter;
  if (filter?.filterValues === undefined) return list;
  try {
    return filter.filterValues(list);
  } catch (thrown) {
    filterSlot.failures++;
    return ['internalError', `<bound values withheld: the log filter failed (${thrownName(thrown)})>`];
  }
}

/**
 * Operands about to become text (a legacy call's, or a message, name or format that is not a string),
 * through the filter; undefined if the filter threw (the caller withholds the text).
 */
export function filterOperands(args: readonly unknown[]): readonly unknown[] | undefined {
  const filter = filterSlot.filter;
  if (filter?.filterArgs === undefined) return args;
  try {
    return filter.filterArgs(args);
  } catch {
    filterSlot.failures++;
    return undefined;
  }
}

/** The text of a message, logger name or format that is not a string, after the filter has seen the value. */
export function filteredText(value: unknown): string {
  if (typeof value === 'string') return value;
  const operands = filterOperands([value]);
  return operands === undefined ? '<withheld: the log filter failed>' : safeString(operands[0]);
}
