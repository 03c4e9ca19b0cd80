/**
 * Whether a value holds nothing a log line could reveal: `undefined`, `null`, `''`, an empty boxed String,
 * or an empty array, Map or Set (Kubernetes' datapol skips zero values the same way). A tagged field, a
 * secret's key name or a redaction path only counts when its value is not empty, so an unset password
 * stays visible as unset, and one rule decides that for all three. A value that cannot be read (a revoked
 * Proxy) is not empty: its rule redacts it.
 */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'object') return false;
  try {
    if (Array.isArray(value)) return value.length === 0;
    if (value instanceof Map || value instanceof Set) return value.size === 0;
    return value instanceof String && String.prototype.valueOf.call(value) === '';
  } catch {
    return false;
  }
}
