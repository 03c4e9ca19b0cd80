/** Copies made from property definitions: their properties may be accessors or read-only. */
const definedCopies = new WeakSet<object>();

/**
 * `value`'s own property definitions, made writable and configurable. One that cannot be read is left out
 * (V8 formats an error's `stack` when it is first read, calling a `message` getter that may throw): the
 * scanner, which could not read it either, puts its marker there.
 */
function ownDefinitions(value: object): Record<PropertyKey, PropertyDescriptor> {
  const descriptors: Record<PropertyKey, PropertyDescriptor> = {};
  for (const key of Reflect.ownKeys(value)) {
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Object.getOwnPropertyDescriptor(value, key);
    } catch {
      continue;
    }
    if (descriptor === undefined) continue;
    descriptor.configurable = true;
    if ('value' in descriptor) descriptor.writable = true;
    descriptors[key as string] = descriptor;
  }
  return descriptors;
}

/**
 * A shallow copy that the encoders write exactly as the original: an array stays an array, a plain
 * object keeps its key order, a class instance keeps its prototype (so its toString, toJSON and marshal
 * methods run on the copy). Errors, and objects whose getters throw, are copied from their property
 * definitions (getters are not called, `message` stays non-enumerable). Never frozen, unlike the original.
 */
export function copyObject<T extends object>(value: T): T {
  if (Array.isArray(value)) return value.slice() as T;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (!(value instanceof Error)) {
    try {
      if (proto === Object.prototype) return { ...value };
      const target = Object.create(proto) as T;
      return Object.assign(target, value);
    } catch {
      // A throwing getter: copy the property definitions instead of their values.
    }
  }
  const copy = Object.create(proto, ownDefinitions(value)) as T;
  definedCopies.add(copy);
  return copy;
}

/** Sets a property on a copy made by {@link copyObject}, keeping whether it was enumerable. */
export function setOwn(target: object, key: PropertyKey, value: unknown): void {
  // `__proto__` as a key would set the prototype: it needs a definition too.
  if (key !== '__proto__' && !definedCopies.has(target)) {
    (target as Record<PropertyKey, unknown>)[key] = value;
    return;
  }
  const enumerable = Object.getOwnPropertyDescriptor(target, key)?.enumerable ?? true;
  Object.defineProperty(target, key, { value, writable: true, enumerable, configurable: true });
}
