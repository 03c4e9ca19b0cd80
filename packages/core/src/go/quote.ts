import { hex } from './hex.js';
import { isPrint } from './is-print.js';

const REPLACEMENT_CHARACTER = 0xfffd;

/** Appends the Go escape of a code point that is not printed as is (strconv's appendEscapedRune). */
export function escapeRune(codePoint: number): string {
  switch (codePoint) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (codePoint < 0x20 || codePoint === 0x7f) return `\\x${hex(codePoint, 2)}`;
  if (codePoint < 0x10000) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

/** Anything but printable ASCII other than `"` and `\`: such a string is not quoted as it is. */
const notPlainASCII = /[^\x20-\x7e]|["\\]/;

/**
 * strconv.Quote: a double-quoted Go string literal. Non-printable code points are escaped; printable
 * non-ASCII text stays raw. A lone UTF-16 surrogate (which Go strings cannot hold) prints as U+FFFD.
 */
export function quote(s: string): string {
  if (!notPlainASCII.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    let cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    else if (cp >= 0xd800 && cp <= 0xdfff) cp = REPLACEMENT_CHARACTER;
    if (cp === 0x22 || cp === 0x5c) out += `\\${String.fromCharCode(cp)}`;
    else if (isPrint(cp)) out += String.fromCodePoint(cp);
    else out += escapeRune(cp);
  }
  return out + '"';
}
