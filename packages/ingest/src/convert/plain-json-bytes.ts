import { isWord } from './byte-reads.js';

const QUOTE = 0x22;

/** `bytes[a1, a2)` before `bytes[b1, b2)` in byte order (Go sorts a map's keys so), strictly. */
function before(bytes: Uint8Array, a1: number, a2: number, b1: number, b2: number): boolean {
  const n = Math.min(a2 - a1, b2 - b1);
  for (let i = 0; i < n; i++) {
    const d = bytes[a1 + i] - bytes[b1 + i];
    if (d !== 0) return d < 0;
  }
  return a2 - a1 < b2 - b1;
}

/** The end of a string of printable ASCII without escapes at `at` (without `<`, `>`, `&` with `html`), or -1. */
function plainString(bytes: Uint8Array, at: number, limit: number, html: boolean): number {
  for (let i = at + 1; i < limit; i++) {
    const c = bytes[i];
    if (c === QUOTE) return i + 1;
    if (c < 0x20 || c > 0x7e || c === 0x5c || (html && (c === 0x3c || c === 0x3e || c === 0x26))) return -1;
  }
  return -1;
}

/**
 * The end of the plain JSON value at `at` (before `limit`), or -1: the bytes version of isPlainJSON. A
 * value encoding/json writes again byte for byte: compact, strings of printable ASCII without escapes,
 * whole numbers of 1 to 15 digits, literals, and objects with their keys in byte order, without duplicates.
 */
export function plainJSONEnd(bytes: Uint8Array, at: number, limit: number, html: boolean): number {
  const c = bytes[at];
  if (c === QUOTE) return plainString(bytes, at, limit, html);
  if (c === 0x7b) {
    let i = at + 1;
    if (bytes[i] === 0x7d) return i + 1;
    let previous = -1;
    let previousEnd = -1;
    for (;;) {
      if (bytes[i] !== QUOTE) return -1;
      const keyEnd = plainString(bytes, i, limit, html);
      if (keyEnd === -1 || bytes[keyEnd] !== 0x3a) return -1;
      if (previous !== -1 && !before(bytes, previous, previousEnd, i + 1, keyEnd - 1)) return -1;
      previous = i + 1;
      previousEnd = keyEnd - 1;
      i = plainJSONEnd(bytes, keyEnd + 1, limit, html);
      if (i === -1) return -1;
      if (bytes[i] === 0x7d) return i + 1;
      if (bytes[i] !== 0x2c) return -1;
      i++;
    }
  }
  if (c === 0x5b) {
    let i = at + 1;
    if (bytes[i] === 0x5d) return i + 1;
    for (;;) {
      i = plainJSONEnd(bytes, i, limit, html);
      if (i === -1) return -1;
      if (bytes[i] === 0x5d) return i + 1;
      if (bytes[i] !== 0x2c) return -1;
      i++;
    }
  }
  if (c === 0x74) return isWord(bytes, at, 'true') ? at + 4 : -1;
  if (c === 0x66) return isWord(bytes, at, 'false') ? at + 5 : -1;
  if (c === 0x6e) return isWord(bytes, at, 'null') ? at + 4 : -1;
  return plainIntegerEnd(bytes, at, limit);
}

/** The end of a whole number of 1 to 15 digits, without a leading zero, at `at` (a double holds it as JSON.parse reads it), or -1. */
export function plainIntegerEnd(bytes: Uint8Array, at: number, limit: number): number {
  let i = bytes[at] === 0x2d ? at + 1 : at;
  const first = i;
  while (i < limit && bytes[i] >= 0x30 && bytes[i] <= 0x39) i++;
  const digits = i - first;
  if (digits < 1 || digits > 15 || (digits > 1 && bytes[first] === 0x30)) return -1;
  return i;
}

/**
 * Whether `bytes[at, end)` is a decimal with a fraction and no exponent (`-?(0|[1-9]\d*)\.\d+`): a number both
 * formats write as `String(n)` (any but zero, whose sign the general way keeps).
 */
export function isDecimal(bytes: Uint8Array, at: number, end: number): boolean {
  let i = bytes[at] === 0x2d ? at + 1 : at;
  const first = i;
  while (i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39) i++;
  if (i === first || (i - first > 1 && bytes[first] === 0x30) || bytes[i] !== 0x2e || i + 1 >= end) return false;
  for (i++; i < end; i++) if (bytes[i] < 0x30 || bytes[i] > 0x39) return false;
  return true;
}
