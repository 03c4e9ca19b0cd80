/**
 * A V level or call depth as logr treats one: fractions are truncated, and negative, NaN or non-number
 * values count as 0 (logr: "negative V-levels have the same meaning as V(0)"). A level stays a plain
 * integer, so it can index caches and be written as JSON's `"v"`.
 */
export function nonNegativeInteger(value: number): number {
  if (Number.isSafeInteger(value) && value >= 0) return value;
  const truncated = typeof value === 'number' ? Math.trunc(value) : 0;
  return truncated > 0 ? Math.min(truncated, Number.MAX_SAFE_INTEGER) : 0;
}
