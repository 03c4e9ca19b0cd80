import { marshalLog } from '@klog-ts/core';
import { redactionMarker, toKinds } from './kinds.js';
/** Registered, so copies of this package (and the sanitizer's plans) recognize each other's Secrets. */
export const secretBrand = Symbol.for('klog-ts.sanitizer.secret');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
/**
 * A value that must never be logged, printed or serialized by accident. Its content lives in a true
 * private field: `String()`, template strings, `JSON.stringify`, `util.inspect`, `console.log`, object
 * spread, `Object.keys`, `structuredClone` and both klog-ts encoders see only `[REDACTED:<kind>]`,
 * with or without the sanitizer installed. Only {@link Secret.reveal} returns the content.
 *
 * @example
 * const apiKey = secret(process.env.API_KEY, 'token');
 * infoS("Calling upstream", "key", apiKey);          // key="[REDACTED:token]"
 * fetch(url, { headers: { 'x-api-key': apiKey.reveal() } });
 */
export class Secret {
    #value;
    #kind;
    #marker;
    constructor(value, kind = 'secret') {
        this.#kind = toKinds(kind, 'secret()')[0];
        this.#value = value;
        this.#marker = redactionMarker(this.#kind);
    }
    /** The datapolicy kind the content belongs to (`password`, `token`, …). */
    get kind() {
        return this.#kind;
    }
    /** The wrapped value. The only way to read it: search for `.reveal()` to audit every use. */
    reveal() {
        return this.#value;
    }
    /** `[REDACTED:<kind>]`, for `String()`, template strings and klog's text format (a Stringer). */
    toString() {
        return this.#marker;
    }
    /** `[REDACTED:<kind>]`, for `JSON.stringify` and Go-JSON encoding of a Secret nested in a value. */
    toJSON() {
        return this.#marker;
    }
    /** `[REDACTED:<kind>]` for any coercion (`+`, `==`, `Number()`). */
    [Symbol.toPrimitive]() {
        return this.#marker;
    }
    /** klog-ts's log-marshal protocol: what both encoders write for a Secret value. */
    [marshalLog]() {
        return this.#marker;
    }
    /** `util.inspect` and `console.log` print the marker. */
    [inspectCustom]() {
        return this.#marker;
    }
    /** Lets plans recognize a Secret from any copy of this package. */
    get [secretBrand]() {
        return true;
    }
}
/** Wraps a value as a {@link Secret} of the given datapolicy kind (default `secret`). */
export function secret(value, kind) {
    return new Secret(value, kind);
}
/** Whether a value is a Secret (from this or another copy of the package). */
export function isSecret(value) {
    return typeof value === 'object' && value !== null && value[secretBrand] === true;
}
