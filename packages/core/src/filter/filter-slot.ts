import { getEnvironmentData, isMainThread, setEnvironmentData } from 'node:worker_threads';
import { ConfigError } from '../config-error.js';
import type { LogFilter } from './log-filter.js';

/**
 * The one process-wide filter state, shared by every copy of core loaded in this thread (a duplicate
 * install, two versions side by side): it lives on `globalThis` under a registered symbol, so a second
 * copy finds the filter the first one installed instead of opening an unfiltered path.
 */
export interface FilterSlot {
  /** The shape of this object; a copy of core that finds another one fails closed (see claimSlot). */
  readonly protocol: number;
  filter: LogFilter | undefined;
  /** Bumped when the filter or its rules change: bound values are filtered and snapshotted again. */
  generation: number;
  /** Entries written without their values because the filter threw or was missing. */
  failures: number;
  /**
   * In a worker thread: the filter the thread that started it had installed when it did (its class name),
   * while none is installed here. Entries are then withheld, never written unfiltered.
   */
  missing: string | undefined;
}

const SLOT_KEY = Symbol.for('klog-ts.core.filter-slot');
const PROTOCOL = 1;
/** What a thread passes to the workers it starts: the name of its installed filter. */
const WORKER_KEY = 'klog-ts.core.log-filter';

/** A filter for a copy of core that cannot share the slot: it lets nothing through that it would have to check. */
const incompatibleCopy: LogFilter = {
  filterValues: () => ['internalError', '<values withheld: an incompatible copy of @klog-ts/core owns the log filter>'],
  filterEntry: () => {
    throw new Error('an incompatible copy of @klog-ts/core owns the log filter');
  },
  filterArgs: (args) => args.map(() => '<withheld>'),
};

function newSlot(): FilterSlot {
  const parent: unknown = isMainThread ? undefined : getEnvironmentData(WORKER_KEY);
  return { protocol: PROTOCOL, filter: undefined, generation: 0, failures: 0, missing: typeof parent === 'string' ? parent : undefined };
}

function claimSlot(): FilterSlot {
  const holder = globalThis as { [SLOT_KEY]?: unknown };
  const existing = holder[SLOT_KEY] as Partial<FilterSlot> | undefined;
  if (existing === undefined) {
    const slot = newSlot();
    Object.defineProperty(globalThis, SLOT_KEY, { value: slot, enumerable: false, writable: false, configurable: false });
    return slot;
  }
  if (existing.protocol === PROTOCOL) return existing as FilterSlot;
  // Another major version of core got here first. Sharing its state could misread it; going our own way
  // would log unfiltered. Fail closed, loudly.
  process.emitWarning(`@klog-ts/core: another copy with filter protocol ${String(existing.protocol)} is loaded; this copy (protocol ${PROTOCOL}) withholds every value it logs. Install one version of @klog-ts/core.`, { code: 'KLOG_TS_INCOMPATIBLE_COPY' });
  return { protocol: PROTOCOL, filter: incompatibleCopy, generation: 0, failures: 0, missing: undefined };
}

/** This thread's filter state, shared with every other copy of core in it. */
export const filterSlot: FilterSlot = claimSlot();

function filterName(filter: LogFilter): string {
  const name: unknown = (filter as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? name : 'a log filter';
}

/**
 * Installs the filter every entry of every logger passes through (klog's SetLogFilter), or removes it
 * with `undefined`. Values already bound with `withValues` are filtered and snapshotted again. Worker
 * threads started afterwards withhold their entries until they install a filter of their own (the
 * sanitizer does so when a worker loads it).
 */
export function setLogFilter(filter: LogFilter | undefined): void {
  if (filter !== undefined && (typeof filter !== 'object' || filter === null)) {
    throw new ConfigError('log filter', filter, 'must be an object with filterEntry, filterValues or filterArgs');
  }
  filterSlot.filter = filter;
  filterSlot.generation++;
  if (filter !== undefined) filterSlot.missing = undefined;
  setEnvironmentData(WORKER_KEY, filter === undefined ? undefined : filterName(filter));
}

/**
 * Tells every logger that what the installed filter decides has changed (the sanitizer registered a new
 * secret type): values bound with `withValues` are filtered and snapshotted again on their next use.
 */
export function refilterBoundValues(): void {
  filterSlot.generation++;
}

/** The installed filter, if any (the same for every copy of core in this thread). */
export function getLogFilter(): LogFilter | undefined {
  return filterSlot.filter;
}

/** How many entries were written without their values because the log filter threw (or, in a worker, was missing). */
export function logFilterFailures(): number {
  return filterSlot.failures;
}
