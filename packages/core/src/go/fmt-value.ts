import { isStringer } from '../protocols/stringer.js';
import { panicText } from '../protocols/panic-text.js';
import { goTimeString } from '../time/go-time.js';
import { formatFloatV } from './float.js';
import { goTypeName } from './go-type-name.js';

/** How fmt prints an operand: `%v`, `%+v` (struct field names) or `%s`. */
export type PlainVerb = 'v' | '+v' | 's';

function isInt(n: number): boolean {
  return Number.isSafeInteger(n);
}

/** `%!s(int=1)`: how `%s` reports an operand of the wrong kind. */
function badVerb(verb: string, value: unknown): string {
  if (value === null || value === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(value)}=${formatPlain(value, 'v')})`;
}

/** Go's handleMethods: an error's Error() or a Stringer's String() replaces the operand for %v and %s. */
function methodText(value: object, verb: PlainVerb): string | undefined {
  try {
    if (value instanceof Date) return goTimeString(value);
    if (isStringer(value)) return String((value as { toString(): unknown }).toString());
    if (value instanceof Error) return String(value.message);
  } catch (thrown) {
    return `%!${verb === '+v' ? 'v' : verb}(PANIC=String method: ${panicText(thrown)})`;
  }
  return undefined;
}

function formatComposite(value: object, verb: PlainVerb, seen: object[]): string {
  if (seen.includes(value)) return '<cycle>';
  seen.push(value);
  try {
    if (value instanceof Uint8Array) {
      return verb === 's' ? Buffer.from(value).toString('utf8') : `[${Array.from(value).join(' ')}]`;
    }
    if (Array.isArray(value) || ArrayBuffer.isView(value) || value instanceof Set) {
      const items = Array.from(value as ArrayLike<unknown> | Set<unknown>);
      return `[${items.map((item) => formatNested(item, verb, seen)).join(' ')}]`;
    }
    const entries: [string, unknown][] =
      value instanceof Map
        ? [...(value as Map<unknown, unknown>)].map(([k, v]): [string, unknown] => [formatNested(k, verb, seen), v])
        : Object.keys(value).map((k): [string, unknown] => [k, (value as Record<string, unknown>)[k]]);
    const proto: unknown = Object.getPrototypeOf(value);
    if (value instanceof Map || proto === null || proto === Object.prototype) {
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `map[${entries.map(([k, v]) => `${k}:${formatNested(v, verb, seen)}`).join(' ')}]`;
    }
    const fields = entries.map(([k, v]) => (verb === '+v' ? `${k}:` : '') + formatNested(v, verb, seen));
    return `{${fields.join(' ')}}`;
  } finally {
    seen.pop();
  }
}

function formatNested(value: unknown, verb: PlainVerb, seen: object[]): string {
  switch (typeof value) {
    case 'string': return value;
    case 'number':
      if (verb === 's') return badVerb('s', value);
      return isInt(value) ? String(value) : formatFloatV(value);
    case 'bigint': return verb === 's' ? badVerb('s', value) : value.toString();
    case 'boolean': return verb === 's' ? badVerb('s', value) : String(value);
    case 'undefined': return verb === 's' ? badVerb('s', value) : '<nil>';
    case 'symbol': return verb === 's' ? badVerb('s', value) : value.toString();
    case 'function': return `%!${verb === '+v' ? 'v' : verb}(func()=${value.name || 'anonymous'})`;
  }
  if (value === null) return verb === 's' ? badVerb('s', value) : '<nil>';
  return methodText(value as object, verb) ?? formatComposite(value as object, verb, seen);
}

/**
 * fmt's `%v`, `%+v` or `%s` of a JavaScript value mapped to Go: `1`, `3.5`, `1e+06`, `<nil>`,
 * `map[a:1 b:2]` (plain objects, sorted keys), `[1 2]` (arrays), `{1 a}` (class instances), Error()
 * and String() for errors and Stringers; with `%s`, non-strings print as `%!s(int=1)`. Never throws.
 */
export function formatPlain(value: unknown, verb: PlainVerb): string {
  try {
    return formatNested(value, verb, []);
  } catch (thrown) {
    return `%!${verb === '+v' ? 'v' : verb}(PANIC=${panicText(thrown)})`;
  }
}
