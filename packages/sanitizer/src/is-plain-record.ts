/**
 * Whether an option value is a `{ name: setting }` table: a plain object (or one without a prototype).
 * A Map, a Set or a class instance would pass `typeof === 'object'` yet list no entries through
 * `Object.entries`, so an option given as one would be silently ignored instead of rejected.
 */
export function isPlainRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null;
}
