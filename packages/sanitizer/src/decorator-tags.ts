import { bumpPolicyGeneration } from './policy-generation.js';
import { noteTaggedPrototype, registry, type TagMap } from './registry-slot.js';

/** Where field tags live in a class's decorator metadata (one own map per class, parents' copied in). */
const tagsKey: unique symbol = Symbol.for('klog-ts.sanitizer.datapolicy');
/** Set in a class's metadata once its instances are checked for being built outside its prototype chain. */
const watchedKey: unique symbol = Symbol.for('klog-ts.sanitizer.datapolicy.watched');

/** Node 20 has no `Symbol.metadata`; TypeScript only emits decorator metadata when it exists. */
const symbolMetadata: symbol = ((Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata'));

type Holder = Record<PropertyKey, unknown>;

function ownTags(metadata: Holder): TagMap {
  if (Object.hasOwn(metadata, tagsKey)) return metadata[tagsKey] as TagMap;
  const tags: TagMap = new Map(metadata[tagsKey] as TagMap | undefined);
  metadata[tagsKey] = tags;
  return tags;
}

/**
 * Whether an instance that `metadata`'s class is building lies outside that class's prototype chain
 * (`Reflect.construct(Class, args, Other)`), so that its prototypes cannot lead the sanitizer to the
 * class's tags. Otherwise its constructor is the class or a subclass, whose metadata inherits the class's.
 */
function builtOffChain(instance: unknown, metadata: object): boolean {
  try {
    // Stryker disable next-line OptionalChaining: equivalent, without a constructor this throws, and the catch returns true as for undefined metadata
    const own = (instance as { constructor?: Holder }).constructor?.[symbolMetadata];
    return own !== metadata && !(typeof own === 'object' && own !== null && Object.prototype.isPrototypeOf.call(metadata, own));
  } catch {
    return true;
  }
}

function tagInstance(instance: object, tags: TagMap): void {
  registry.instanceTags.set(instance, tags);
  registry.instancesTagged = true;
  registry.objectPolicies = true;
}

/**
 * A standard decorator's tag, kept in its class's metadata. The class's first tag also watches its
 * instances: one built outside the class's prototype chain is tagged itself, and one that is an array
 * makes the scanner tell arrays apart by prototype from then on. Where the compiler gives no metadata,
 * the class is tagged when its first instance is built.
 */
export function tagClassField(context: ClassFieldDecoratorContext, name: string, kinds: readonly string[]): void {
  // Typed as always present, but undefined where the compiler found no Symbol.metadata.
  const metadata: Holder | undefined = context.metadata;
  if (metadata === undefined) {
    context.addInitializer(function (this: unknown) {
      if (Array.isArray(this)) registry.arrayClassesTagged = true;
      const ctor = (this as { constructor?: unknown }).constructor;
      if (typeof ctor !== 'function') return;
      let tags = registry.constructorTags.get(ctor);
      if (tags === undefined) registry.constructorTags.set(ctor, (tags = new Map<string, readonly string[]>()));
      if (tags.get(name) !== kinds) {
        tags.set(name, kinds);
        bumpPolicyGeneration();
      }
    });
    return;
  }
  const tags = ownTags(metadata);
  tags.set(name, kinds);
  bumpPolicyGeneration();
  if (Object.hasOwn(metadata, watchedKey)) return;
  // Stryker disable next-line BooleanLiteral: equivalent, only whether the key is an own one is asked
  metadata[watchedKey] = true;
  context.addInitializer(function (this: unknown) {
    if (builtOffChain(this, metadata)) tagInstance(this as object, tags);
    // Standard decorators do not see their class: an instance tells whether it derives from Array.
    if (Array.isArray(this)) registry.arrayClassesTagged = true;
  });
}

/** A legacy (`experimentalDecorators`) decorator's tag, kept for the prototype it was declared on. */
export function tagPrototypeField(prototype: object, name: string, kinds: readonly string[]): void {
  let tags = registry.prototypeTags.get(prototype);
  if (tags === undefined) registry.prototypeTags.set(prototype, (tags = new Map<string, readonly string[]>()));
  tags.set(name, kinds);
  noteTaggedPrototype(prototype);
  bumpPolicyGeneration();
}

function ownConstructor(prototype: object): unknown {
  try {
    // Stryker disable next-line OptionalChaining: equivalent, reading a missing descriptor throws, and the catch below returns undefined
    return Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value;
  }
  // Stryker disable next-line BlockStatement: equivalent, an empty catch returns undefined too (Stryker reads this as the catch clause's leading comment)
  catch {
    return undefined;
  }
}

/**
 * The fields tagged at one level of a prototype chain: by the decorators of the class whose prototype it
 * is (standard ones include its parents' tags) and by legacy decorators declared on it.
 */
export function decoratedTags(prototype: object): TagMap | undefined {
  const ctor = ownConstructor(prototype);
  const ofClass = typeof ctor === 'function' ? (((ctor as unknown as Holder)[symbolMetadata] as Holder | null | undefined)?.[tagsKey] as TagMap | undefined) ?? registry.constructorTags.get(ctor) : undefined;
  const ofPrototype = registry.prototypeTags.get(prototype);
  if (ofClass === undefined || ofPrototype === undefined) return ofClass ?? ofPrototype;
  return new Map([...ofClass, ...ofPrototype]);
}

/** The tags of the class that built `instance` outside its own prototype chain, if one did. */
export function instanceTags(instance: object): TagMap | undefined {
  return registry.instancesTagged ? registry.instanceTags.get(instance) : undefined;
}
