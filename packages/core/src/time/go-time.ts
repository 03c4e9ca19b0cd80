/**
 * Go's renderings of a time.Time, for JavaScript Dates. A Date has no zone of its own, so both are in UTC
 * (Go prints a time in its own location; a parsed `…Z` time is UTC). Dates have millisecond precision.
 */

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The fraction of a second with trailing zeros trimmed, as Go's `.999999999` layouts do (`.012`, `.5`, ``). */
function trimmedFraction(date: Date): string {
  const ms = date.getUTCMilliseconds();
  if (ms === 0) return '';
  return `.${pad(ms, 3).replace(/0+$/, '')}`;
}

function datePart(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function clockPart(date: Date): string {
  return `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
}

/** time.Time.String(): `2024-03-07 09:05:03.012 +0000 UTC`. */
export function goTimeString(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  return `${datePart(date)} ${clockPart(date)}${trimmedFraction(date)} +0000 UTC`;
}

/** time.Time.MarshalJSON's RFC 3339 with trimmed nanoseconds: `2024-03-07T09:05:03.012Z`. */
export function rfc3339Nano(date: Date): string {
  return `${datePart(date)}T${clockPart(date)}${trimmedFraction(date)}Z`;
}
