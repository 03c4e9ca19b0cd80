/** A base class whose constructor returns its argument, so that a subclass's private fields land on it. */
const Identity = function (target: object): object {
  return target;
} as unknown as new (target: object) => object;

/**
 * Copies made from property definitions (their properties may be accessors or read-only): rare (errors,
 * Maps, Sets, objects whose getters throw), so a WeakSet entry each costs little, and asking about any
 * other copy (a fresh object without an identity hash) is the cheapest question V8 answers.
 */
const definedCopies = new WeakSet<object>();

/**
 * What the sanitizer knows about a copy it made, kept in private fields of the copy itself: a brand,
 * which reflection, spreads, JSON and util.inspect do not see. (A WeakSet or WeakMap entry per copy costs
 * the garbage collector several times what the copy costs; a brand costs nothing to drop.)
 */
class CopyBrand extends Identity {
  /** The rules of the scanner that made it; under them it holds nothing secret. */
  #cleanUnder: object | undefined = undefined;
  /** The filter's pass (one entry, one bound list) it was made in. */
  // Stryker disable next-line UnaryOperator: equivalent, markClean sets the pass right after the brand
  #pass = -1;

  /** `copy` with the brand's fields (the constructor returns `copy` itself, not a CopyBrand). */
  private static brand(copy: object): CopyBrand {
    return #pass in copy ? copy : new CopyBrand(copy);
  }

  static markClean(copy: object, rules: object, pass: number): void {
    const branded = CopyBrand.brand(copy);
    branded.#cleanUnder = rules;
    branded.#pass = pass;
  }

  static cleanUnder(value: object): object | undefined {
    return #cleanUnder in value ? value.#cleanUnder : undefined;
  }

  // Stryker disable next-line BlockStatement: equivalent, with no pass no copy is skipped, and scanning a copy its own rules made finds and counts nothing
  static pass(value: object): number {
    // Stryker disable next-line UnaryOperator: equivalent, only asked about a copy branded by these rules, which has a pass
    return #pass in value ? value.#pass : -1;
  }
}

/** Prototypes by whether they or a prototype above them (up to Object.prototype) define a setter. */
const setterChains = new WeakMap<object, boolean>();

/**
 * Whether a setter is defined on `proto`'s chain below Object.prototype (whose `__proto__` setter copyObject
 * checks for on its own). Remembered per prototype: a setter added to a class after one of its instances was
 * copied is not seen.
 */
function chainHasSetter(proto: object): boolean {
  const known = setterChains.get(proto);
  if (known !== undefined) return known;
  let found = false;
  for (let level: object | null = proto; !found && level !== null && level !== Object.prototype; level = Object.getPrototypeOf(level) as object | null) {
    for (const key of Reflect.ownKeys(level)) found ||= Object.getOwnPropertyDescriptor(level, key)?.set !== undefined;
  }
  setterChains.set(proto, found);
  return found;
}

/**
 * A shallow copy that the encoders write exactly as the original: an array stays an array, a plain
 * object keeps its key order, a class instance keeps its prototype (so its toString, toJSON and marshal
 * methods run on the copy), a Map or Set (or a subclass of Array, Map or Set) keeps its members, class and
 * own fields. Errors, exotic built-ins and objects whose getters throw are copied from their property
 * definitions (getters are not called, `message` stays non-enumerable). No constructor of the original's
 * class runs. Never frozen, unlike the original.
 */
export function copyObject<T extends object>(value: T): T {
  const proto = Object.getPrototypeOf(value) as object | null;
  // Plain data first: nothing with this prototype is an array, an Error, a Map or a Set.
  if (proto === Object.prototype) {
    try {
      return { ...value };
    }
    // Stryker disable next-line BlockStatement: equivalent, falling through, Object.assign throws at the same getter and the definitions are copied below
    catch {
      return definedCopy(value, proto, false);
    }
  }
  const array = Array.isArray(value);
  if (array && proto === Array.prototype) return (value as unknown[]).slice() as T;
  if (!array && !(value instanceof Error) && !(value instanceof Map) && !(value instanceof Set)) {
    try {
      // Object.assign onto an instance would call a setter the class has for a field of that name (user code,
      // and the field lost from the copy), or take an own `__proto__` field for the prototype: those are copied
      // from their definitions below. (A spread and Object.setPrototypeOf would not, but V8 reads such a copy
      // slowly: the encoders took twice as long on a line.)
      if (!Object.hasOwn(value, '__proto__') && (proto === null || !chainHasSetter(proto))) return Object.assign(Object.create(proto) as T, value);
    } catch {
      // A throwing getter: copy the property definitions instead of their values.
    }
  }
  return definedCopy(value, proto, array);
}

/**
 * `value`'s own property definitions, made writable and configurable. One that cannot be read is left out
 * (V8 formats an error's `stack` when it is first read, calling a `message` getter that may throw): the
 * scanner, which could not read it either, puts its marker there.
 */
function ownDefinitions(value: object): Record<PropertyKey, PropertyDescriptor> {
  // Without a prototype, so that an own `__proto__` field is stored as a key, not as the prototype.
  const descriptors = Object.create(null) as Record<PropertyKey, PropertyDescriptor>;
  for (const key of Reflect.ownKeys(value)) {
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Object.getOwnPropertyDescriptor(value, key);
    }
    // Stryker disable next-line BlockStatement: equivalent, the descriptor stays undefined and the next line skips the key (a comment inside the try block would not reach the catch clause)
    catch {
      continue;
    }
    if (descriptor === undefined) continue;
    descriptor.configurable = true;
    if ('value' in descriptor) descriptor.writable = true;
    descriptors[key as string] = descriptor;
  }
  return descriptors;
}

/** A copy of `value`'s own property definitions, on a new object of the same built-in type and prototype. */
function definedCopy<T extends object>(value: T, proto: object | null, array: boolean): T {
  const descriptors = ownDefinitions(value);
  let copy: object;
  let length: unknown;
  if (array) {
    // An array's length is not configurable: it is set after the items, not defined.
    length = descriptors.length.value;
    delete descriptors.length;
    copy = [];
  } else if (value instanceof Map) copy = new Map(Map.prototype.entries.call(value));
  else if (value instanceof Set) copy = new Set(Set.prototype.values.call(value));
  else copy = Object.create(proto) as object;
  if (Object.getPrototypeOf(copy) !== proto) Object.setPrototypeOf(copy, proto);
  Object.defineProperties(copy, descriptors);
  if (array) (copy as unknown[]).length = length as number;
  definedCopies.add(copy);
  return copy as T;
}

/** Whether {@link copyObject} made `copy` from property definitions (then only {@link setOwn} may write to it). */
export function isDefinedCopy(copy: object): boolean {
  return definedCopies.has(copy);
}

/** Sets a property on a copy made by {@link copyObject}, keeping whether it was enumerable. */
export function setOwn(target: object, key: PropertyKey, value: unknown): void {
  // `__proto__` as a key would set the prototype (an array's slice lacks the original's own field): a definition.
  if (key !== '__proto__' && !isDefinedCopy(target)) {
    (target as Record<PropertyKey, unknown>)[key] = value;
    return;
  }
  const enumerable = Object.getOwnPropertyDescriptor(target, key)?.enumerable ?? true;
  Object.defineProperty(target, key, { value, writable: true, enumerable, configurable: true });
}

/** Records that the scanner made `copy` by `rules`, in the filter's pass `pass`, and left nothing secret in it. */
export function markSanitized(copy: object, rules: object, pass: number): void {
  CopyBrand.markClean(copy, rules, pass);
}

/**
 * Whether `value` is a copy the sanitizer made by these rules (a filter's own rules object), and so
 * held nothing those rules would redact when it was made: meeting it again (the encoders hand a filter
 * back the copies it returned) needs no second scan, and must not be counted twice. A copy made by other
 * rules is not one, nor is plain data (a plain object or array, which the encoders never hand back). A
 * copy handed out by `sanitize()` is the caller's, who may have changed it since: only a filter that got
 * it back from the encoders, within the entry it returned it for, may skip it on this ground alone.
 */
export function isSanitizedCopy(value: object, rules: object): boolean {
  return CopyBrand.cleanUnder(value) === rules;
}

/**
 * {@link isSanitizedCopy}, made in the filter's pass `pass` (the entry being written now): the encoders are
 * handing back a copy the filter made for this very entry, which nobody could have changed since.
 */
// Stryker disable next-line BlockStatement: equivalent, a copy not skipped is scanned again, and a copy its own rules made holds nothing they count
export function isCopyOfPass(value: object, rules: object, pass: number): boolean {
  return CopyBrand.cleanUnder(value) === rules && CopyBrand.pass(value) === pass;
}
