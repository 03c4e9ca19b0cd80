/**
 * The name of the class `value` is an instance of (`Socket`), for messages that would otherwise say
 * `{}`; undefined for a plain object, a null-prototype object or a nameless class. May throw (a Proxy).
 */
export function className(value: object): string | undefined {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? name : undefined;
}
