import { Formatted, ObjectRef, ObjectRefList } from '@klog-ts/core';
import { decoratedTags } from './decorator-tags.js';
import { registerBuiltinPolicies } from './builtin-policies.js';
import { registry } from './registry-slot.js';
import { classPolicies } from './registry.js';
import { secretBrand } from './secret.js';

/**
 * How the scanner treats instances of one class: `leaf` (nothing inside can be tagged: Date, bytes,
 * ObjectRef, …), `secret` (a Secret: its marker), `whole` (a registered secret type such as KeyObject),
 * `struct` (own enumerable fields, as the encoders write a class instance), `array`, `map`, `set`,
 * `error` (own fields plus `message` and `cause`), `headers` (fetch Headers: entries), `formatted`
 * (klog's Format(value): the value inside).
 */
export type PlanType = 'leaf' | 'secret' | 'whole' | 'struct' | 'array' | 'map' | 'set' | 'error' | 'headers' | 'formatted';

/** What the scanner does with an instance of one class, computed once per prototype. */
export interface Plan {
  readonly type: PlanType;
  /** Tagged fields (`@datapolicy` and registrations), lowercase if `caseInsensitive`. */
  readonly fields: ReadonlyMap<string, readonly string[]> | undefined;
  readonly caseInsensitive: boolean;
  /** Kinds of the whole value, for `whole`. */
  readonly whole: readonly string[] | undefined;
}

registerBuiltinPolicies();

type AnyClass = abstract new (...args: never[]) => unknown;

const typedArray = Object.getPrototypeOf(Uint8Array) as AnyClass;
const leafTypes: readonly AnyClass[] = [
  Date, RegExp, ArrayBuffer, SharedArrayBuffer, DataView, typedArray, Promise, WeakMap, WeakSet, WeakRef,
  Boolean, Number, String, ObjectRef, ObjectRefList,
];

function inherits(proto: object, type: AnyClass): boolean {
  const base: unknown = type.prototype;
  return proto === base || Object.prototype.isPrototypeOf.call(base, proto);
}

function baseType(proto: object): PlanType {
  if ((proto as { [secretBrand]?: unknown })[secretBrand] === true) return 'secret';
  if (leafTypes.some((type) => inherits(proto, type))) return 'leaf';
  if (inherits(proto, Formatted)) return 'formatted';
  if (inherits(proto, Array)) return 'array';
  if (inherits(proto, Map)) return 'map';
  if (inherits(proto, Set)) return 'set';
  if (inherits(proto, Error)) return 'error';
  if (typeof globalThis.Headers === 'function' && inherits(proto, globalThis.Headers)) return 'headers';
  return 'struct';
}

function computePlan(proto: object): Plan {
  let type = baseType(proto);
  if (type === 'secret' || type === 'leaf' || type === 'formatted') return { type, fields: undefined, caseInsensitive: false, whole: undefined };
  // Registrations and decorator tags along the whole prototype chain; the nearest class wins for a field.
  let fields: Map<string, readonly string[]> | undefined;
  let decorated: Map<string, readonly string[]> | undefined;
  let whole: readonly string[] | undefined;
  let caseInsensitive = false;
  const chain: object[] = [];
  for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) chain.push(p);
  for (const p of chain.reverse()) {
    const policy = classPolicies.get(p);
    if (policy?.whole !== undefined) whole = policy.whole;
    if (policy?.fields !== undefined) {
      fields = new Map([...(fields ?? []), ...policy.fields]);
      caseInsensitive ||= policy.caseInsensitive;
    }
    const tags = decoratedTags(p);
    if (tags !== undefined) decorated = new Map([...(decorated ?? []), ...tags]);
  }
  if (decorated !== undefined && decorated.size > 0) fields = new Map([...(fields ?? []), ...decorated]);
  if (whole !== undefined) type = 'whole';
  if (caseInsensitive && fields !== undefined) fields = new Map([...fields].map(([name, kinds]) => [name.toLowerCase(), kinds]));
  return { type, fields, caseInsensitive, whole };
}

let plans = new WeakMap<object, Plan>();
let plansGeneration = registry.generation;

/** The plan for instances of a prototype, cached until a class is tagged or registered. */
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
