/** One step of Go's utf8.DecodeRune: the code point (or -1 for an invalid byte) and its width in bytes. */
export function decodeRune(bytes: Uint8Array, at: number): [codePoint: number, width: number] {
  const b0 = bytes[at];
  if (b0 < 0x80) return [b0, 1];
  const need = b0 >= 0xf0 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 ? 2 : 0;
  if (need === 0 || b0 > 0xf4 || at + need > bytes.length) return [-1, 1];
  let cp = b0 & (0xff >> (need + 1));
  for (let k = 1; k < need; k++) {
    const b = bytes[at + k];
    if ((b & 0xc0) !== 0x80) return [-1, 1];
    cp = (cp << 6) | (b & 0x3f);
  }
  const tooShort = (need === 3 && cp < 0x800) || (need === 4 && cp < 0x10000);
  if (tooShort || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return [-1, 1];
  return [cp, need];
}
