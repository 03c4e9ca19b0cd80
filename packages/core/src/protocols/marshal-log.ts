/**
 * The "how to log me" protocol, klog-ts's analogue of logr.Marshaler.
 *
 * A value with a `[marshalLog]()` method is logged as whatever that method returns: called once per log
 * call (never recursively), and a throwing implementation renders inline instead of escaping. Both encoders
 * honour it as klog does: in the text format a Stringer (`toString`) wins over it; in the JSON format it
 * wins over `toString`. The symbol is registered (`Symbol.for`), so copies of the package agree on it.
 */
export const marshalLog: unique symbol = Symbol.for('klog-ts.marshalLog');

/** A value that chooses its own log representation. */
export interface LogMarshaler {
  /** What to log instead of this value; called once per entry, never on its result. */
  [marshalLog](): unknown;
}

/** Whether a value implements the log marshaler protocol. */
export function isLogMarshaler(value: object): value is LogMarshaler {
  return typeof (value as Partial<LogMarshaler>)[marshalLog] === 'function';
}
