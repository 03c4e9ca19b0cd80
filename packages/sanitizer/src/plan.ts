import { Formatted, ObjectRef, ObjectRefList } from '@klog-ts/core';
import { registerBuiltinPolicies } from './builtin-policies.js';
import { decoratedTags } from './decorator-tags.js';
import { FieldTags } from './field-tags.js';
import type { Policy } from './object-policy.js';
import { registry, type TagMap } from './registry-slot.js';
import { classPolicies } from './registry.js';
import { secretBrand } from './secret.js';

/**
 * How the scanner treats instances of one class: `secret` (a Secret: its marker), `leaf` (nothing inside
 * is written but the value itself: Date, bytes, ObjectRef, …), `boxed` (a String, Number or Boolean
 * object: its primitive), `struct` (own enumerable fields, as the encoders write a class instance),
 * `plain` (a plain object: a Go map), `array`, `map`, `set` (their members and own fields), `error`
 * (own fields plus `message`, `cause`, `errors` and `stack`), `headers` (fetch Headers: entries),
 * `formatted` (klog's Format(value): the value inside).
 */
export type PlanType = 'secret' | 'leaf' | 'boxed' | 'struct' | 'plain' | 'array' | 'map' | 'set' | 'error' | 'headers' | 'formatted';

/**
 * What the scanner does with an instance of one class, computed once per prototype: its type, and its
 * policy from the registrations and decorator tags along its prototype chain.
 */
export interface Plan extends Policy {
  readonly type: PlanType;
}

registerBuiltinPolicies();

type AnyClass = abstract new (...args: never[]) => unknown;

const typedArray = Object.getPrototypeOf(Uint8Array) as AnyClass;
const leafTypes: readonly AnyClass[] = [Date, RegExp, ArrayBuffer, SharedArrayBuffer, DataView, typedArray, Promise, WeakMap, WeakSet, WeakRef, ObjectRef, ObjectRefList];
const boxedTypes: readonly AnyClass[] = [String, Number, Boolean];

/** The plans of plain objects and arrays, which are never registered or decorated. */
export const PLAIN_PLAN: Plan = Object.freeze({ type: 'plain', whole: undefined, fields: undefined });
export const ARRAY_PLAN: Plan = Object.freeze({ type: 'array', whole: undefined, fields: undefined });
const SECRET_PLAN: Plan = Object.freeze({ type: 'secret', whole: undefined, fields: undefined });

function inherits(proto: object, type: AnyClass): boolean {
  const base: unknown = type.prototype;
  return proto === base || Object.prototype.isPrototypeOf.call(base, proto);
}

function baseType(proto: object): PlanType {
  if ((proto as { [secretBrand]?: unknown })[secretBrand] === true) return 'secret';
  if (leafTypes.some((type) => inherits(proto, type))) return 'leaf';
  if (boxedTypes.some((type) => inherits(proto, type))) return 'boxed';
  if (inherits(proto, Formatted)) return 'formatted';
  if (inherits(proto, Array)) return 'array';
  if (inherits(proto, Map)) return 'map';
  if (inherits(proto, Set)) return 'set';
  if (inherits(proto, Error)) return 'error';
  if (typeof globalThis.Headers === 'function' && inherits(proto, globalThis.Headers)) return 'headers';
  return 'struct';
}

/**
 * The prototypes from `proto` up to Object.prototype (excluded), farthest first. It ends: baseType walked
 * the chain first, and V8 throws there (a RangeError) for one that never ends (a Proxy that is its own
 * prototype).
 */
function chainFrom(proto: object): object[] {
  const chain: object[] = [];
  for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) chain.push(p);
  return chain.reverse();
}

/** `tags` over `under`: the nearer definition of a field wins. */
function overlay(under: TagMap | undefined, tags: ReadonlyMap<string, readonly string[]>): TagMap {
  return new Map([...(under ?? []), ...tags]);
}

function computePlan(proto: object): Plan {
  const type = baseType(proto);
  if (type === 'secret') return SECRET_PLAN;
  // Registrations and decorator tags along the whole chain (the nearest definition of a field wins within
  // each source, and every source applies); built-ins and their subclasses included.
  let whole: readonly string[] | undefined;
  let registered: TagMap | undefined;
  let registeredAnyCase: TagMap | undefined;
  let decorated: TagMap | undefined;
  for (const p of chainFrom(proto)) {
    const policy = classPolicies.get(p);
    if (policy?.whole !== undefined) whole = policy.whole;
    else if (policy?.fields !== undefined) {
      if (policy.caseInsensitive) registeredAnyCase = overlay(registeredAnyCase, policy.fields);
      else registered = overlay(registered, policy.fields);
    }
    const tags = decoratedTags(p);
    if (tags !== undefined) decorated = overlay(decorated, tags);
  }
  return { type, whole, fields: FieldTags.of([registered, decorated], [registeredAnyCase]) };
}

let plans = new WeakMap<object, Plan>();
let plansGeneration = registry.generation;

/**
 * The plan for instances of a prototype (not Object.prototype or Array.prototype), cached until a class
 * is tagged or registered. Throws if the prototype chain cannot be read.
 */
export function planFor(proto: object): Plan {
  if (plansGeneration !== registry.generation) {
    plans = new WeakMap();
    plansGeneration = registry.generation;
  }
  let plan = plans.get(proto);
  if (plan === undefined) {
    plan = computePlan(proto);
    plans.set(proto, plan);
  }
  return plan;
}
