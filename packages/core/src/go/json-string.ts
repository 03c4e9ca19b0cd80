import { hex } from './hex.js';

const needsGoEscapeHTML = /[<>&\u0080-\u009f\u2028\u2029\ud800-\udfff]/;
const needsGoEscape = /[\u0080-\u009f\u2028\u2029\ud800-\udfff]/;

/** Characters Go's encoding/json does not write as they are (a regular expression scans faster than a loop). */
/* eslint-disable no-control-regex -- control characters are exactly what these look for */
const escapedPlain = /[\u0000-\u001f"\\\u0080-\u009f\u2028\u2029\ud800-\udfff]/;
const escapedHTML = /[\u0000-\u001f"\\\u0080-\u009f\u2028\u2029\ud800-\udfff<>&]/;
/* eslint-enable no-control-regex */

/**
 * A string as Go's encoding/json writes it: `\n \r \t \b \f`, other controls as `\u00XX`, U+2028 and
 * U+2029 escaped, a lone surrogate (invalid UTF-8 in Go) as `\ufffd`, and with `escapeHTML` also
 * `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`. Unlike Go, C1 controls (U+0080 to U+009F) are
 * escaped too (`\u009b`), so no value can drive a terminal.
 */
export function goJSONString(s: string, escapeHTML: boolean): string {
  if (!(escapeHTML ? escapedHTML : escapedPlain).test(s)) return `"${s}"`;
  // JSON.stringify agrees with Go on everything but the characters these patterns look for.
  if (!(escapeHTML ? needsGoEscapeHTML : needsGoEscape).test(s)) return JSON.stringify(s);
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (c === 0x2028 || c === 0x2029 || (c >= 0x80 && c <= 0x9f) || (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) {
      out += `\\u${hex(c, 4)}`;
    } else out += JSON.stringify(s[i]).slice(1, -1);
  }
  return out + '"';
}
