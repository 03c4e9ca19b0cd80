/** Whether a property key is an array index (`"0"`, `"42"`; not `"01"`, `"-1"` or `"1.5"`). */
function isIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  const n = Number(key);
  return Number.isInteger(n) && n < 4_294_967_295 && String(n) === key;
}

/**
 * The own enumerable fields of an array, a typed array or a String object that are not its items (the
 * indices, which come first in key order): `list.owner`, not `list[0]`. Costs a key per item.
 */
export function namedKeys(value: object): string[] {
  const keys = Object.keys(value);
  let items = 0;
  while (items < keys.length && isIndex(keys[items])) items++;
  return items === 0 ? keys : keys.slice(items);
}
