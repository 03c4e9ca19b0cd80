/**
 * Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
 * Other spaces (NBSP, U+2028), format characters (ZWJ, BOM), controls and unassigned code points are not.
 * The engine's Unicode tables decide membership; Go 1.23 uses Unicode 15.0, so a code point assigned
 * later could differ (see the conformance runner's documentation).
 */
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

export function isPrint(codePoint: number): boolean {
  if (codePoint < 0x7f) return codePoint >= 0x20;
  if (codePoint < 0xa1) return false;
  return printable.test(String.fromCodePoint(codePoint));
}
