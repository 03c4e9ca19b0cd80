/**
 * Memoizes a string → string function for strings that repeat from entry to entry (keys, messages):
 * each is computed once, so the usual line allocates nothing for them. Bounded, so that strings made from
 * data cannot grow it without end; long strings are not kept.
 */
export function memoizeString(fn: (s: string) => string, maxEntries = 4096, maxLength = 256): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let result = cache.get(s);
    if (result === undefined) {
      result = fn(s);
      if (s.length <= maxLength) {
        if (cache.size >= maxEntries) cache.clear();
        cache.set(s, result);
      }
    }
    return result;
  };
}
