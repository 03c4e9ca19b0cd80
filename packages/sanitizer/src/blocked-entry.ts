import type { Entry } from '@klog-ts/core';

/** Kubernetes' message for a structured entry that carried sensitive data (component-base sanitization). */
export const BLOCKED_MESSAGE = 'Log message has been redacted.';

/** Where the first secret of an entry was: a key/value pair (by key, or by index when the key itself was secret), or elsewhere. */
export interface Offender {
  /** The key whose value held the secret (`err` and `msg` for the error and the message). */
  readonly key: unknown;
  /** Set when the key itself was the secret: its index in the key/value list. */
  readonly keyIndex: number | undefined;
  /** The kinds found in that value, sorted, without duplicates. */
  readonly kinds: readonly string[];
  /** For a legacy call: the operand's index. */
  readonly argIndex?: number;
}

/** Go's `%v` of a []string: `[password token]`. */
function goList(kinds: readonly string[]): string {
  return `[${kinds.join(' ')}]`;
}

/**
 * The entry Kubernetes' sanitizer wrote instead (its FilterS): the message `Log message has been
 * redacted.` with `key` (or `key_index`) and `types`. Legacy calls get its Filter/FilterF message,
 * `Log message has been redacted. Log argument #<n> contains: [<kinds>]`. Bound values are dropped, and
 * the error too when it held the secret; severity, name, time and caller are kept.
 */
export function blockedEntry(entry: Entry, offender: Offender, err: unknown): Entry {
  if (entry.legacy) {
    const message = offender.argIndex === undefined ? BLOCKED_MESSAGE : `${BLOCKED_MESSAGE} Log argument #${offender.argIndex} contains: ${goList(offender.kinds)}`;
    return { ...entry, message, err, bound: undefined, kv: [] };
  }
  const kv = offender.keyIndex === undefined ? ['key', offender.key, 'types', offender.kinds] : ['key_index', offender.keyIndex, 'types', offender.kinds];
  return { ...entry, message: BLOCKED_MESSAGE, err, bound: undefined, kv };
}
