import { hex } from './hex.js';
import { isPrint } from './is-print.js';
import { escapeRune } from './quote.js';
import { decodeRune } from './utf8.js';

/**
 * fmt's `%+q` of a []byte (strconv.QuoteToASCII over UTF-8): printable ASCII stays raw, every other code
 * point is escaped (`\u00e9`, `\U0001f680`), bytes that are not valid UTF-8 become `\xff`. Never multi-line.
 */
export function quoteBytesASCII(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length; ) {
    const [cp, width] = decodeRune(bytes, i);
    if (cp < 0) out += `\\x${hex(bytes[i], 2)}`;
    else if (cp === 0x22 || cp === 0x5c) out += `\\${String.fromCharCode(cp)}`;
    else if (cp < 0x80 && isPrint(cp)) out += String.fromCharCode(cp);
    else out += escapeRune(cp);
    i += width;
  }
  return out + '"';
}
