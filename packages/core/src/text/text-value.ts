import { formatFloatJSON } from '../go/float.js';
import { goJSON, GoJSONError } from '../go/go-json.js';
import { quote } from '../go/quote.js';
import { quoteBytesASCII } from '../go/quote-bytes.js';
import { errorText } from '../protocols/error-text.js';
import { isLogMarshaler, marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';
import { filteredObject } from '../logger/filter-registry.js';
import { isStringer } from '../protocols/stringer.js';
import { ObjectRefList } from '../refs/kobj-slice.js';
import { ObjectRef } from '../refs/object-ref.js';
import { goTimeString } from '../time/go-time.js';

/**
 * klog's string rule: strconv.Quote without a line feed; with one, the raw multi-line form
 * `<` LF, each line behind a tab, then LF and ` >` (no extra line when the string ends in LF).
 */
export function textStringValue(s: string): string {
  if (!s.includes('\n')) return quote(s);
  let out = '<\n';
  let start = 0;
  for (let lf = s.indexOf('\n'); lf !== -1; lf = s.indexOf('\n', start)) {
    out += `\t${s.slice(start, lf + 1)}`;
    start = lf + 1;
  }
  return start === s.length ? `${out} >` : `${out}\t${s.slice(start)}\n >`;
}

/** Rule 8: Go's encoding/json with HTML escaping; what it cannot encode becomes a quoted error. */
function jsonValue(value: unknown): string {
  try {
    return goJSON(value, true);
  } catch (thrown) {
    if (thrown instanceof GoJSONError) return quote(`<internal error: ${thrown.message}>`);
    return quote(`<panic: ${panicText(thrown)}>`);
  }
}

function callText(read: () => unknown): string {
  try {
    return String(read());
  } catch (thrown) {
    return `<panic: ${panicText(thrown)}>`;
  }
}

function marshaledValue(value: { [marshalLog](): unknown }): string {
  let marshaled: unknown;
  try {
    marshaled = value[marshalLog]();
  } catch (thrown) {
    return textStringValue(`<panic: ${panicText(thrown)}>`);
  }
  return typeof marshaled === 'string' ? textStringValue(marshaled) : jsonValue(marshaled);
}

function objectValue(value: object): string {
  if (value instanceof ObjectRef) return `"${value.toString()}"`;
  if (value instanceof ObjectRefList) {
    const { error } = value.items();
    return error === undefined ? value.toString() : textStringValue(error);
  }
  if (value instanceof Uint8Array) return quoteBytesASCII(value);
  if (value instanceof Date) return textStringValue(goTimeString(value));
  // Before any method of it runs (toString, the marshaler): a log filter may replace the object.
  const filtered = filteredObject(value);
  if (filtered !== value) return typeof filtered === 'object' && filtered !== null ? protocolValue(filtered) : textValue(filtered);
  return protocolValue(value);
}

/** An object by the protocols it speaks: Stringer (wins), error, log marshaler, else Go JSON. */
function protocolValue(value: object): string {
  if (isStringer(value)) return textStringValue(callText(() => (value as { toString(): unknown }).toString()));
  if (value instanceof Error) return textStringValue(errorText(value));
  if (isLogMarshaler(value)) return marshaledValue(value);
  return jsonValue(value);
}

/**
 * The text form of a value after `key=`, in klog's order: ObjectRef (`"ns/name"`, unescaped), KObjSlice,
 * Stringer (wins over the log marshaler), string and error (quoted or multi-line), log marshaler (once),
 * bytes (`%+q`), everything else as Go JSON. Never throws.
 */
export function textValue(value: unknown): string {
  switch (typeof value) {
    case 'string': return textStringValue(value);
    case 'number':
      if (Number.isFinite(value)) return formatFloatJSON(value);
      return jsonValue(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'bigint': return value.toString();
    case 'undefined': return 'null';
    case 'object':
      if (value === null) return 'null';
      try {
        return objectValue(value);
      } catch (thrown) {
        // A Proxy or exotic object can throw from a type check itself.
        return quote(`<panic: ${panicText(thrown)}>`);
      }
    default: return jsonValue(value);
  }
}
