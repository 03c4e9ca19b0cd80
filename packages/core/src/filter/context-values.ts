import { ConfigError } from '../config-error.js';
import type { Entry } from '../logger/entry.js';
import { thrownName } from '../protocols/panic-text.js';

/**
 * Returns the key/value pairs that every entry logged right now should carry because of the context it is
 * logged in, whatever logger makes it: `@klog-ts/otel` returns the active span's ids. Called once per
 * entry that is written, synchronously, in the log call; `undefined` or an empty list adds nothing.
 */
export type ContextValuesHook = () => readonly unknown[] | undefined;

/** The one process-wide hook, shared like the filter slot by every copy of core in this thread. */
interface ContextValuesSlot {
  readonly protocol: number;
  hook: ContextValuesHook | undefined;
  /** Entries written without the hook's pairs because it threw or returned something that is not a pair list. */
  failures: number;
}

const SLOT_KEY = Symbol.for('klog-ts.core.context-values-hook');
const PROTOCOL = 1;

function claimSlot(): ContextValuesSlot {
  const holder = globalThis as { [SLOT_KEY]?: Partial<ContextValuesSlot> };
  const existing = holder[SLOT_KEY];
  if (existing?.protocol === PROTOCOL) return existing as ContextValuesSlot;
  const slot: ContextValuesSlot = { protocol: PROTOCOL, hook: undefined, failures: 0 };
  // A copy of core with another protocol keeps its own slot: context values are additions, not a
  // protection, so going separate ways loses no safety (the filter slot warns about such copies).
  if (existing === undefined) Object.defineProperty(globalThis, SLOT_KEY, { value: slot, enumerable: false, writable: false, configurable: false });
  return slot;
}

const slot = claimSlot();

/**
 * Installs the hook whose pairs every entry carries (or removes it with `undefined`); one per thread,
 * shared by every copy of core in it, replacing any installed before. The pairs come after the logger's
 * bound values and before the call's own pairs, and pass the filter stage like them.
 */
export function setContextValuesHook(hook: ContextValuesHook | undefined): void {
  if (hook !== undefined && typeof hook !== 'function') throw new ConfigError('context values hook', hook, 'must be a function returning a key/value list, or undefined');
  slot.hook = hook;
}

/** The installed context values hook, if any. */
export function getContextValuesHook(): ContextValuesHook | undefined {
  return slot.hook;
}

/** How many entries were written without the hook's pairs because it threw or returned something that is not a key/value list. */
export function contextValuesHookFailures(): number {
  return slot.failures;
}

/** Set while the hook runs: an entry it logs itself (a diagnostic logger routed to klog-ts) gets no context values. */
let running = false;

function failed(reason: string): readonly unknown[] {
  slot.failures++;
  return ['internalError', `<context values withheld: the context values hook ${reason}>`];
}

function hookPairs(hook: ContextValuesHook): readonly unknown[] | undefined {
  running = true;
  let pairs: unknown;
  try {
    pairs = hook();
  } catch (thrown) {
    return failed(`failed (${thrownName(thrown)})`);
  } finally {
    running = false;
  }
  if (pairs === undefined) return undefined;
  if (!Array.isArray(pairs)) return failed('returned no list');
  return pairs.length % 2 === 0 ? pairs : failed('returned an odd list');
}

/** The entry with the installed hook's pairs in front of its call-site pairs (the same entry when there are none). Never throws. */
export function withContextValues(entry: Entry): Entry {
  const hook = slot.hook;
  if (hook === undefined || running) return entry;
  const pairs = hookPairs(hook);
  if (pairs === undefined || pairs.length === 0) return entry;
  return { ...entry, kv: entry.kv.length === 0 ? pairs : [...pairs, ...entry.kv] };
}
