import type { ObjectFilter } from '../filter/filter-stage.js';
import { formatFloatJSON } from '../go/float.js';
import { goJSON, GoJSONError } from '../go/go-json.js';
import { goJSONString } from '../go/json-string.js';
import { quote } from '../go/quote.js';
import { quoteBytesASCII } from '../go/quote-bytes.js';
import { errorText } from '../protocols/error-text.js';
import { isLogMarshaler, marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';
import { isStringer } from '../protocols/stringer.js';
import { ObjectRefList } from '../refs/kobj-slice.js';
import { ObjectRef } from '../refs/object-ref.js';
import { goTimeString } from '../time/go-time.js';
import { UNSAFE_IN_BLOCK, UNSAFE_RAW } from './line-safety.js';

/**
 * klog's string rule: strconv.Quote without a line feed; with one, the raw multi-line form
 * `<` LF, each line behind a tab, then LF and ` >` (no extra line when the string ends in LF). Those lines
 * are raw, so a string that also holds a CR, a Unicode line separator or a control character is quoted
 * on one line instead (it could otherwise start a line of its own), unless `raw` (klog's layout) is asked.
 */
export function textStringValue(s: string, raw = false): string {
  if (!s.includes('\n') || (!raw && UNSAFE_IN_BLOCK.test(s))) return quote(s);
  let out = '<\n';
  let start = 0;
  for (let lf = s.indexOf('\n'); lf !== -1; lf = s.indexOf('\n', start)) {
    out += `\t${s.slice(start, lf + 1)}`;
    start = lf + 1;
  }
  return start === s.length ? `${out} >` : `${out}\t${s.slice(start)}\n >`;
}

/** Rule 8: Go's encoding/json with HTML escaping; what it cannot encode becomes a quoted error. */
function jsonValue(value: unknown, objects: ObjectFilter | undefined, seenByFilter = false): string {
  try {
    return goJSON(value, true, objects, seenByFilter);
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

function marshaledValue(value: { [marshalLog](): unknown }, objects: ObjectFilter | undefined, raw: boolean): string {
  let marshaled: unknown;
  try {
    marshaled = value[marshalLog]();
  } catch (thrown) {
    return textStringValue(`<panic: ${panicText(thrown)}>`, raw);
  }
  return typeof marshaled === 'string' ? textStringValue(marshaled, raw) : jsonValue(marshaled, objects);
}

/**
 * An object reference as klog writes it: `"ns/name"`, quotes around the text without escaping. A name
 * holding a line break or a control character is quoted properly instead (unless `raw`).
 */
function refText(ref: ObjectRef, raw: boolean): string {
  const text = ref.toString();
  return !raw && UNSAFE_RAW.test(text) ? quote(text) : `"${text}"`;
}

/** KObjSlice: `["ns/a",null]`, each item as klog writes it; one needing escapes is a JSON string, as the list looks like JSON. */
function refListText(list: ObjectRefList, raw: boolean): string {
  const { refs, error } = list.items();
  if (error !== undefined) return textStringValue(error, raw);
  if (refs === null) return 'null';
  const item = (ref: ObjectRef): string => {
    const text = ref.toString();
    return !raw && UNSAFE_RAW.test(text) ? goJSONString(text, false) : `"${text}"`;
  };
  return `[${refs.map((ref) => (ref === null ? 'null' : item(ref))).join(',')}]`;
}

function objectValue(value: object, objects: ObjectFilter | undefined, raw: boolean): string {
  // Before any method of it runs (toString, the marshaler): the filter stage may replace the object.
  const filtered = objects === undefined ? value : objects(value);
  if (filtered !== value) {
    if (typeof filtered !== 'object' || filtered === null) return textValue(filtered, undefined, raw);
    value = filtered;
  }
  if (value instanceof ObjectRef) return refText(value, raw);
  if (value instanceof ObjectRefList) return refListText(value, raw);
  if (value instanceof Uint8Array) return quoteBytesASCII(value);
  if (value instanceof Date) return textStringValue(goTimeString(value), raw);
  // An object by the protocols it speaks: Stringer (wins), error, log marshaler, else Go JSON.
  if (isStringer(value)) return textStringValue(callText(() => (value as { toString(): unknown }).toString()), raw);
  if (value instanceof Error) return textStringValue(errorText(value), raw);
  if (isLogMarshaler(value)) return marshaledValue(value, objects, raw);
  return jsonValue(value, objects, true);
}

/**
 * The text form of a value after `key=`, in klog's order: ObjectRef (`"ns/name"`, unescaped), KObjSlice,
 * Stringer (wins over the log marshaler), string and error (quoted or multi-line), log marshaler (once),
 * bytes (`%+q`), everything else as Go JSON. Never throws. `objects` is the filter stage's object filter:
 * each object that is not plain data goes through it before any method of it runs. `raw`: klog's raw layout
 * for object references and multi-line strings, line breaks and control characters included (unsafe).
 */
export function textValue(value: unknown, objects?: ObjectFilter, raw = false): string {
  switch (typeof value) {
    case 'string': return textStringValue(value, raw);
    case 'number':
      if (Number.isFinite(value)) return formatFloatJSON(value);
      return jsonValue(value, undefined);
    case 'boolean': return value ? 'true' : 'false';
    case 'bigint': return value.toString();
    case 'undefined': return 'null';
    case 'object':
      if (value === null) return 'null';
      try {
        return objectValue(value, objects, raw);
      } catch (thrown) {
        // A Proxy or exotic object can throw from a type check itself.
        return quote(`<panic: ${panicText(thrown)}>`);
      }
    default: return jsonValue(value, undefined);
  }
}
