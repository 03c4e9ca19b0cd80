import { ScanProblem } from './parse-error.js';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'",
};

const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** A byte from `\xHH` or `\NNN`: ASCII as is; a lone byte ≥ 0x80 is invalid UTF-8, read as U+FFFD. */
function byteChar(byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : '\uFFFD';
}

/**
 * The content of a Go double-quoted string literal (strconv.Unquote) without its quotes, `body` starting at
 * offset `at` of its line (for error positions). Handles every escape strconv.Quote and `%+q` write.
 */
export function unquoteGo(body: string, at: number): string {
  let out = '';
  let start = 0;
  for (let i = body.indexOf('\\'); i !== -1; i = body.indexOf('\\', start)) {
    out += body.slice(start, i);
    const kind = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[kind];
    if (simple !== undefined) {
      out += simple;
      start = i + 2;
      continue;
    }
    const width = HEX_DIGITS[kind];
    if (width !== undefined) {
      const digits = body.slice(i + 2, i + 2 + width);
      if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits)) throw new ScanProblem('BAD_VALUE', `invalid escape \\${kind}${digits}`, at + i);
      const code = Number.parseInt(digits, 16);
      if (kind === 'x') out += byteChar(code);
      else if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) out += '\uFFFD';
      else out += String.fromCodePoint(code);
      start = i + 2 + width;
      continue;
    }
    const octal = body.slice(i + 1, i + 4);
    if (/^[0-3][0-7]{2}$/.test(octal)) {
      out += byteChar(Number.parseInt(octal, 8));
      start = i + 4;
      continue;
    }
    throw new ScanProblem('BAD_VALUE', `invalid escape \\${kind}`, at + i);
  }
  return out + body.slice(start);
}
