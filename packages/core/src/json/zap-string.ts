import { memoizeString } from '../util/memoize-string.js';
import { hex } from '../go/hex.js';

/** Characters zap does not write as they are (a regular expression scans faster than a loop). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const escaped = /[\u0000-\u001f"\\\u0080-\u009f\ud800-\udfff]/;

/**
 * A JSON string as zap's encoder writes it: `\"`, `\\`, `\n`, `\r`, `\t`, other controls as `\u00XX`,
 * everything else raw (no HTML escaping, U+2028 raw). A lone surrogate (invalid UTF-8 in Go) is `\ufffd`.
 * Unlike zap, C1 controls (U+0080 to U+009F) are escaped too, so no value can drive a terminal.
 */
export function zapString(s: string): string {
  if (!escaped.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0x80 || c > 0x9f) && (c < 0xd800 || c > 0xdfff)) {
      out += s[i];
      continue;
    }
    switch (c) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
    }
    if (c < 0xd800) {
      out += `\\u${hex(c, 4)}`;
      continue;
    }
    const next = s.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += s[i] + s[i + 1];
      i++;
    } else out += '\\ufffd';
  }
  return out + '"';
}

/** {@link zapString} for strings that repeat from entry to entry (keys, messages), cached. */
export const zapConstant = memoizeString(zapString);
