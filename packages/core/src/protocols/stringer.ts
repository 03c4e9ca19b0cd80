/* eslint-disable @typescript-eslint/unbound-method -- built-in toString functions are compared by identity, never called. */
/**
 * The Stringer protocol, klog-ts's analogue of Go's fmt.Stringer: an object whose own class (or itself)
 * defines `toString()`. The built-in `toString` of Object, Array, typed arrays and Error does not count:
 * those values are maps, slices and errors, not Stringers. Like Go's `String()`, it is called once per
 * log call, and a throwing implementation renders as `<panic: …>`.
 */
const notStringers: ReadonlySet<unknown> = new Set([
  Object.prototype.toString,
  Array.prototype.toString,
  Error.prototype.toString,
  Function.prototype.toString,
]);

export function isStringer(value: object): boolean {
  const toString = (value as { toString?: unknown }).toString;
  return typeof toString === 'function' && !notStringers.has(toString);
}
