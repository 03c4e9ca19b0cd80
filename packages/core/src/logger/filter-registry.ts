import { ConfigError } from '../config-error.js';
import type { LogFilter } from './log-filter.js';

/**
 * The one process-wide filter. Every logger consults it, global or independent, child or contextual,
 * so installing a filter (the sanitizer) cannot be bypassed by a logger made elsewhere.
 */
export const filterState: { filter: LogFilter | undefined; generation: number } = { filter: undefined, generation: 0 };

/**
 * Installs the filter every entry of every logger passes through (klog's SetLogFilter), or removes it
 * with `undefined`. Values already bound with `withValues` are filtered again on their next use.
 */
export function setLogFilter(filter: LogFilter | undefined): void {
  if (filter !== undefined && (typeof filter !== 'object' || filter === null)) {
    throw new ConfigError('log filter', filter, 'must be an object with filterEntry, filterValues or filterArgs');
  }
  filterState.filter = filter;
  filterState.generation++;
}

/**
 * Tells every logger that what the installed filter decides has changed (the sanitizer registered a new
 * secret type): values bound with `withValues` are filtered again on their next use, as after
 * `setLogFilter`.
 */
export function refilterBoundValues(): void {
  filterState.generation++;
}

/** The installed filter, if any. */
export function getLogFilter(): LogFilter | undefined {
  return filterState.filter;
}

/**
 * An object as the installed filter lets the encoders render it (see LogFilter.filterObject): the filter
 * sees only objects that are not plain data; plain objects and arrays, and everything when no filter looks
 * at objects, come back as they are.
 */
export function filteredObject(value: object): unknown {
  const filter = filterState.filter;
  if (filter?.filterObject === undefined || Array.isArray(value)) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? value : filter.filterObject(value);
}
