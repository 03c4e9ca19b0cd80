const QUOTE = 0x22;

/** The end (after the closing quote) of a string of printable ASCII without escapes at `at`; -1 if it is not one (or holds `<>&` with `html`). */
function plainString(text: string, at: number, end: number, html: boolean): number {
  for (let i = at + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20 || c > 0x7e || c === 0x5c || (html && (c === 0x3c || c === 0x3e || c === 0x26))) return -1;
  }
  return -1;
}

/** The end of a whole number of 1 to 15 digits (no leading zero) at `at`, or -1. */
function plainInteger(text: string, at: number, end: number): number {
  let i = text.charCodeAt(at) === 0x2d ? at + 1 : at;
  const first = i;
  while (i < end && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  const digits = i - first;
  if (digits < 1 || digits > 15 || (digits > 1 && text.charCodeAt(first) === 0x30)) return -1;
  return i;
}

/** The end of the plain value at `at` (see {@link isPlainJSON}), or -1. */
function plainValue(text: string, at: number, end: number, html: boolean): number {
  const c = text.charCodeAt(at);
  if (c === QUOTE) return plainString(text, at, end, html);
  if (c === 0x7b) {
    let i = at + 1;
    if (text.charCodeAt(i) === 0x7d) return i + 1;
    let previous: string | undefined;
    for (;;) {
      if (text.charCodeAt(i) !== QUOTE) return -1;
      const keyEnd = plainString(text, i, end, html);
      if (keyEnd === -1 || text.charCodeAt(keyEnd) !== 0x3a) return -1;
      // Go writes a map's keys sorted, bytewise; a struct's fields, or a duplicate, would be written anew.
      const key = text.slice(i + 1, keyEnd - 1);
      if (previous !== undefined && key <= previous) return -1;
      previous = key;
      i = plainValue(text, keyEnd + 1, end, html);
      if (i === -1) return -1;
      const next = text.charCodeAt(i);
      if (next === 0x7d) return i + 1;
      if (next !== 0x2c) return -1;
      i++;
    }
  }
  if (c === 0x5b) {
    let i = at + 1;
    if (text.charCodeAt(i) === 0x5d) return i + 1;
    for (;;) {
      i = plainValue(text, i, end, html);
      if (i === -1) return -1;
      const next = text.charCodeAt(i);
      if (next === 0x5d) return i + 1;
      if (next !== 0x2c) return -1;
      i++;
    }
  }
  if (text.startsWith('true', at)) return at + 4;
  if (text.startsWith('false', at)) return at + 5;
  if (text.startsWith('null', at)) return at + 4;
  return plainInteger(text, at, end);
}

/**
 * Whether the JSON value `text[start, end)` is written again byte for byte by Go's encoding/json (what
 * klog-ts's encoders write, through `JSON.parse`): compact, strings of printable ASCII without escapes
 * (without `<`, `>` and `&` when `html`, as the text format escapes them), whole numbers of at most 15
 * digits, `true`, `false`, `null`, and objects whose keys are sorted bytewise without duplicates, as Go
 * writes a map. Such a value is copied as it is; any other is read and encoded anew.
 */
export function isPlainJSON(text: string, start: number, end: number, html: boolean): boolean {
  return plainValue(text, start, end, html) === end;
}
