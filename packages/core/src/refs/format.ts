import { goJSON, GoJSONError, indentGoJSON } from '../go/go-json.js';
import { marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';

/**
 * A value logged as pretty JSON in the text format and as the value itself in the JSON format
 * (klog's Format). In text it is always multi-line: two-space indented, HTML-escaped, ending in LF.
 */
export class Formatted {
  readonly #value: unknown;

  constructor(value: unknown) {
    this.#value = value;
  }

  /** The text format's rendering: indented, HTML-escaped Go JSON ending in a line feed. */
  toString(): string {
    try {
      return `${indentGoJSON(goJSON(this.#value, true))}\n`;
    } catch (thrown) {
      const reason = thrown instanceof GoJSONError ? thrown.message : `PANIC=${panicText(thrown)}`;
      return `error marshaling klog.formatAny to JSON: ${reason}`;
    }
  }

  /** The log marshaler: the value itself, for the JSON format. */
  [marshalLog](): unknown {
    return this.#value;
  }
}

/** klog's Format(obj): pretty, multi-line JSON in the text format; the raw object in JSON. */
export function Format(value: unknown): Formatted {
  return new Formatted(value);
}
