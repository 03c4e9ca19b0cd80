import { toKinds, type DataPolicyKind } from './kinds.js';
import { bumpPolicyGeneration } from './policy-generation.js';
import { registry } from './registry-slot.js';

/** Where field tags live in a class's decorator metadata (one own map per class, parents' copied in). */
const tagsKey: unique symbol = Symbol.for('klog-ts.sanitizer.datapolicy');

/** Node 20 has no `Symbol.metadata`; TypeScript only emits decorator metadata when it exists. */
const symbolMetadata: symbol = ((Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata'));

type FieldTags = Map<string, readonly string[]>;

function ownTags(holder: Record<PropertyKey, unknown>): FieldTags {
  if (Object.hasOwn(holder, tagsKey)) return holder[tagsKey] as FieldTags;
  const inherited = holder[tagsKey] as FieldTags | undefined;
  const tags: FieldTags = new Map(inherited);
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
export function datapolicy(...kinds: DataPolicyKind[]): <This, Value>(value: undefined, context: ClassFieldDecoratorContext<This, Value>) => void {
  const list = toKinds(kinds, '@datapolicy');
  return function datapolicyField<This, Value>(_value: undefined, context: ClassFieldDecoratorContext<This, Value>): void {
    if (context?.kind !== 'field') {
      throw new TypeError(`@datapolicy(${list.join(', ')}) applies to class fields only, not to a ${String(context?.kind)}`);
    }
    // Static, private and symbol-keyed fields are never written by the encoders: nothing to redact
    // (the tag still documents the field for readers and the static checker).
    if (context.static || context.private || typeof context.name !== 'string') return;
    const name = context.name;
    // Typed as always present, but undefined where the compiler found no Symbol.metadata.
    const metadata: Record<PropertyKey, unknown> | undefined = context.metadata;
    if (metadata !== undefined) {
      ownTags(metadata).set(name, list);
      bumpPolicyGeneration();
      return;
    }
    // A compiler that provides no metadata: tag the class when its first instance is built.
    context.addInitializer(function (this: This) {
      const ctor = (this as { constructor?: unknown }).constructor;
      if (typeof ctor !== 'function') return;
      let tags = registry.constructorTags.get(ctor);
      if (tags === undefined) registry.constructorTags.set(ctor, (tags = new Map<string, readonly string[]>()));
      if (tags.get(name) !== list) {
        tags.set(name, list);
        bumpPolicyGeneration();
      }
    });
  };
}

/** The fields a constructor's class (and its parents) tagged with `@datapolicy`. */
export function decoratedFields(ctor: unknown): FieldTags | undefined {
  if (typeof ctor !== 'function') return undefined;
  const metadata = (ctor as unknown as Record<PropertyKey, unknown>)[symbolMetadata] as Record<PropertyKey, unknown> | null | undefined;
  const fromMetadata = metadata?.[tagsKey] as FieldTags | undefined;
  return fromMetadata ?? registry.constructorTags.get(ctor);
}
