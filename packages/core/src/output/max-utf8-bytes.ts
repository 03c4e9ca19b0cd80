/** The most UTF-8 bytes one UTF-16 code unit can take (a surrogate pair takes 4 for its 2 units). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * The most bytes `text` can take in UTF-8, without scanning it: enough room for it in a buffer, so that
 * `buffer.write(text, offset)` never cuts an entry short.
 */
export function maxUtf8Bytes(text: string): number {
  return text.length * MAX_BYTES_PER_UNIT;
}
