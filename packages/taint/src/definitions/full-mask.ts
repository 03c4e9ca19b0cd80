/**
 * Regex sources that match any one character, or any run of them (`.`, `[\s\S]`, `\w`, `[^*]`, `.+`):
 * replacing every match with a literal leaves nothing of the original.
 */
export const FULL_MASK_SOURCE = /^(?:\.|\[\\s\\S\]|\[\\S\\s\]|\[\\d\\D\]|\[\\w\\W\]|\\w|\\S|\[\^[^\]]*\])[+*]?$/;

/**
 * Whether a regular expression literal as written (`/./g`) masks every character when each match is
 * replaced by a literal: it is global and its source is one of {@link FULL_MASK_SOURCE}.
 */
export function isFullMaskPattern(literal: string): boolean {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(literal);
  return match !== null && (match[2] ?? '').includes('g') && FULL_MASK_SOURCE.test(match[1] ?? '');
}
