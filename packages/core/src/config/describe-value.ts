import { className } from '../util/class-name.js';

/** Long enough to recognise a value, short enough to keep an error message on one line. */
const MAX_LENGTH = 80;

function shorten(text: string): string {
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 3)}...`;
}

function objectDescription(value: object): string {
  try {
    const json = JSON.stringify(value);
    // A class instance that stringifies to `{}` (a stream, a logger) says more by its class name.
    const name = className(value);
    if (json === '{}' && name !== undefined) return `a ${name}`;
    if (json !== undefined) return shorten(json);
    return 'an object';
  } catch {
    // A cycle, a bigint inside, or a throwing getter or Proxy trap (even isArray throws for a revoked one).
    try {
      return Array.isArray(value) ? 'an array' : 'an object';
    } catch {
      return 'an object';
    }
  }
}

/**
 * A configuration value as a configuration error quotes it, on one line and never throwing: strings
 * JSON-quoted (`"yaml"`), other primitives as written (`-1`, `NaN`, `5n`, `undefined`), functions by name,
 * objects as short JSON (`{"a":1}`), or by class when JSON says nothing (`a Socket`).
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string': return shorten(JSON.stringify(value));
    case 'bigint': return `${value}n`;
    case 'symbol': return shorten(value.toString());
    case 'function': return value.name === '' ? 'a function' : `function ${value.name}`;
    case 'object': return value === null ? 'null' : objectDescription(value);
    default: return String(value);
  }
}
