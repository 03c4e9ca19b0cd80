import type { DataPolicy, DataPolicyMatcher } from './registry.js';

/** Field names and their datapolicy kinds, as decorators record them. */
export type TagMap = Map<string, readonly string[]>;

/** A registered matcher and its policy. */
export interface MatcherPolicy {
  readonly matcher: DataPolicyMatcher;
  readonly policy: DataPolicy;
}

/**
 * Everything that says what is secret, shared by every copy of the package loaded in the process (a
 * duplicate install must not see fewer secrets than the copy that registered them). Its layout is
 * {@link REGISTRY_VERSION}: a copy that expects another layout refuses to load.
 */
export interface RegistrySlot {
  readonly version: number;
  /** Registered classes by prototype (`registerDataPolicy(Class, …)`). */
  readonly classPolicies: Map<object, DataPolicy>;
  /** Registered matchers, in registration order. */
  readonly matcherPolicies: MatcherPolicy[];
  /** Bumped whenever what counts as a secret changes: cached plans older than it are rebuilt. */
  generation: number;
  /** Legacy (`experimentalDecorators`) field tags, by the prototype they were declared on. */
  readonly prototypeTags: WeakMap<object, TagMap>;
  /** Standard decorators run by a compiler that gives no metadata: tags by class, from its first instance. */
  readonly constructorTags: WeakMap<object, TagMap>;
  /** Instances built by a tagged class whose prototype chain does not lead to it (`Reflect.construct`). */
  readonly instanceTags: WeakMap<object, TagMap>;
  /** Whether {@link instanceTags} was ever written: until then scans do not look there. */
  instancesTagged: boolean;
  /**
   * Whether an object's policy can differ from its class's plan (a matcher is registered, or an instance
   * was tagged): until then plain data takes the scanner's hot path. One flag, read for every object.
   */
  objectPolicies: boolean;
  /**
   * Whether a class derived from Array was ever registered or tagged: until then an array is scanned as a
   * plain one without reading its prototype (which costs more than the rest of the check).
   */
  arrayClassesTagged: boolean;
}

/** The version of the slot's layout. Bump it when the layout changes incompatibly. */
export const REGISTRY_VERSION = 1;

const slotKey = Symbol.for('klog-ts.sanitizer.registry');

function openSlot(): RegistrySlot {
  const global = globalThis as unknown as Record<symbol, unknown>;
  const existing = global[slotKey] as { version?: unknown } | undefined;
  if (existing !== undefined) {
    if (existing?.version !== REGISTRY_VERSION) {
      throw new Error(
        `@klog-ts/sanitizer: another copy of the package uses registry version ${String(existing?.version)}; this copy uses version ${REGISTRY_VERSION}. ` +
          'Copies must share one registry so that none misses a registered secret: install a single version of @klog-ts/sanitizer.',
      );
    }
    return existing as RegistrySlot;
  }
  const slot: RegistrySlot = {
    version: REGISTRY_VERSION,
    classPolicies: new Map(),
    matcherPolicies: [],
    generation: 0,
    prototypeTags: new WeakMap(),
    constructorTags: new WeakMap(),
    instanceTags: new WeakMap(),
    instancesTagged: false,
    objectPolicies: false,
    // Stryker disable next-line BooleanLiteral: equivalent, starting true only makes the scanner read each array's prototype, and a plain array's finds no policy
    arrayClassesTagged: false,
  };
  Object.defineProperty(global, slotKey, { value: slot, configurable: true });
  return slot;
}

/** The process-wide registry (`globalThis[Symbol.for('klog-ts.sanitizer.registry')]`). */
export const registry: RegistrySlot = openSlot();

/**
 * Notes a prototype that was just registered or tagged: arrays are then told apart by their prototype. Only
 * a subclass's can be (registerDataPolicy refuses `Array` itself).
 */
export function noteTaggedPrototype(prototype: object): void {
  if (Object.prototype.isPrototypeOf.call(Array.prototype, prototype)) registry.arrayClassesTagged = true;
}
