/** Letters, digits and `_-./:`: a key the byte converters take as it is, in both formats. */
function isKeyByte(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x2f || c === 0x3a;
}

/** 1 for each byte {@link isKeyByte} takes: one load per byte in the scanning loops. */
export const KEY_BYTE = Uint8Array.from({ length: 256 }, (_, c) => (isKeyByte(c) ? 1 : 0));

/** 1 for printable ASCII but `"` and `\`: what a string without escapes holds, alike in Go-quoted and JSON form. */
export const PLAIN_BYTE = Uint8Array.from({ length: 256 }, (_, c) => (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c ? 1 : 0));

/** Whether the ASCII `word` is at `bytes[at]`. */
export function isWord(bytes: Uint8Array, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word.charCodeAt(i)) return false;
  return true;
}
