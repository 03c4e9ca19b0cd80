/**
 * A Go-flavoured name of a JavaScript value's type, for messages that Go writes with `%T`:
 * `string`, `int`, `float64`, `bool`, `int64` (bigint), `map[string]interface {}` (plain object),
 * `[]interface {}` (array), `[]uint8` (bytes), `<nil>`, or the class name for instances. Never throws.
 */
export function goTypeName(value: unknown): string {
  switch (typeof value) {
    case 'string': return 'string';
    case 'number': return Number.isSafeInteger(value) ? 'int' : 'float64';
    case 'bigint': return 'int64';
    case 'boolean': return 'bool';
    case 'undefined': return '<nil>';
    case 'symbol': return 'symbol';
    case 'function': return 'func()';
  }
  if (value === null) return '<nil>';
  try {
    if (Array.isArray(value)) return '[]interface {}';
    if (value instanceof Uint8Array) return '[]uint8';
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === null || proto === Object.prototype) return 'map[string]interface {}';
    const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? `*${name}` : 'object';
  } catch {
    // A Proxy can throw from instanceof or getPrototypeOf; the name only ever goes into a message.
    return 'object';
  }
}
