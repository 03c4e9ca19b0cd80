/** Copies made from property definitions: their properties may be accessors or read-only. */
const definedCopies = new WeakSet();
/**
 * A shallow copy that the encoders write exactly as the original: an array stays an array, a plain
 * object keeps its key order, a class instance keeps its prototype (so its toString, toJSON and marshal
 * methods run on the copy). Errors, and objects whose getters throw, are copied from their property
 * definitions (getters are not called, `message` stays non-enumerable). Never frozen, unlike the original.
 */
export function copyObject(value) {
    if (Array.isArray(value))
        return value.slice();
    const proto = Object.getPrototypeOf(value);
    if (!(value instanceof Error)) {
        try {
            if (proto === Object.prototype)
                return { ...value };
            const target = Object.create(proto);
            return Object.assign(target, value);
        }
        catch {
            // A throwing getter: copy the property definitions instead of their values.
        }
    }
    const descriptors = Object.getOwnPropertyDescriptors(value);
    for (const key of Reflect.ownKeys(descriptors)) {
        const descriptor = descriptors[key];
        descriptor.configurable = true;
        if ('value' in descriptor)
            descriptor.writable = true;
    }
    const copy = Object.create(proto, descriptors);
    definedCopies.add(copy);
    return copy;
}
/** Sets a property on a copy made by {@link copyObject}, keeping whether it was enumerable. */
export function setOwn(target, key, value) {
    // `__proto__` as a key would set the prototype: it needs a definition too.
    if (key !== '__proto__' && !definedCopies.has(target)) {
        target[key] = value;
        return;
    }
    const enumerable = Object.getOwnPropertyDescriptor(target, key)?.enumerable ?? true;
    Object.defineProperty(target, key, { value, writable: true, enumerable, configurable: true });
}
