/** Kubernetes' message for a structured entry that carried sensitive data (component-base sanitization). */
export const BLOCKED_MESSAGE = 'Log message has been redacted.';
/** Go's `%v` of a []string: `[password token]`. */
function goList(kinds) {
    return `[${kinds.join(' ')}]`;
}
/**
 * The entry Kubernetes' sanitizer wrote instead (its FilterS): the message `Log message has been
 * redacted.` with `key` (or `key_index`) and `types`. Legacy calls get its Filter/FilterF message,
 * `Log message has been redacted. Log argument #<n> contains: [<kinds>]`. Bound values are dropped, and
 * the error too when it held the secret; severity, name, time and caller are kept.
 */
export function blockedEntry(entry, offender, err) {
    if (entry.legacy) {
        const message = offender.argIndex === undefined ? BLOCKED_MESSAGE : `${BLOCKED_MESSAGE} Log argument #${offender.argIndex} contains: ${goList(offender.kinds)}`;
        return { ...entry, message, err, bound: undefined, kv: [] };
    }
    const kv = offender.keyIndex === undefined ? ['key', offender.key, 'types', offender.kinds] : ['key_index', offender.keyIndex, 'types', offender.kinds];
    return { ...entry, message: BLOCKED_MESSAGE, err, bound: undefined, kv };
}
