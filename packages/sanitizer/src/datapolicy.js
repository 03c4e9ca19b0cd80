import { toKinds } from './kinds.js';
import { bumpPolicyGeneration } from './policy-generation.js';
/** Where field tags live in a class's decorator metadata (one own map per class, parents' copied in). */
const tagsKey = Symbol.for('klog-ts.sanitizer.datapolicy');
/** Node 20 has no `Symbol.metadata`; TypeScript only emits decorator metadata when it exists. */
const symbolMetadata = (Symbol.metadata ??= Symbol.for('Symbol.metadata'));
/** Classes whose metadata was unavailable: tagged from their first instance instead. */
const tagsByConstructor = new WeakMap();
function ownTags(holder) {
    if (Object.hasOwn(holder, tagsKey))
        return holder[tagsKey];
    const inherited = holder[tagsKey];
    const tags = new Map(inherited);
    holder[tagsKey] = tags;
    return tags;
}
/**
 * Tags a class field with the datapolicy kinds of what it holds (Kubernetes' `datapolicy:"password"`
 * struct tag), as a standard (TC39) field decorator. While the field holds a non-empty value, the
 * sanitizer replaces it with `[REDACTED:<kinds>]` (or blocks or drops the entry, by mode), wherever the
 * instance appears: a key/value pair, nested in an object, an array, a Map, an error, a bound value.
 *
 * @example
 * class Credentials {
 *   user = 'alice';
 *   @datapolicy('password') password = 'hunter2';
 * }
 */
export function datapolicy(...kinds) {
    const list = toKinds(kinds, '@datapolicy');
    return function datapolicyField(_value, context) {
        if (context?.kind !== 'field') {
            throw new TypeError(`@datapolicy(${list.join(', ')}) applies to class fields only, not to a ${String(context?.kind)}`);
        }
        // Static, private and symbol-keyed fields are never written by the encoders: nothing to redact
        // (the tag still documents the field for readers and the static checker).
        if (context.static || context.private || typeof context.name !== 'string')
            return;
        const name = context.name;
        // Typed as always present, but undefined where the compiler found no Symbol.metadata.
        const metadata = context.metadata;
        if (metadata !== undefined) {
            ownTags(metadata).set(name, list);
            bumpPolicyGeneration();
            return;
        }
        // A compiler that provides no metadata: tag the class when its first instance is built.
        context.addInitializer(function () {
            const ctor = this.constructor;
            if (typeof ctor !== 'function')
                return;
            let tags = tagsByConstructor.get(ctor);
            if (tags === undefined)
                tagsByConstructor.set(ctor, (tags = new Map()));
            if (tags.get(name) !== list) {
                tags.set(name, list);
                bumpPolicyGeneration();
            }
        });
    };
}
/** The fields a constructor's class (and its parents) tagged with `@datapolicy`. */
export function decoratedFields(ctor) {
    if (typeof ctor !== 'function')
        return undefined;
    const metadata = ctor[symbolMetadata];
    const fromMetadata = metadata?.[tagsKey];
    return fromMetadata ?? tagsByConstructor.get(ctor);
}
