import { addKinds, toKinds, type DataPolicyKinds } from './kinds.js';
import { bumpPolicyGeneration } from './policy-generation.js';
import { noteTaggedPrototype, registry, type MatcherPolicy } from './registry-slot.js';

/** Recognizes values of a type that has no class to register (a shape, a brand, a foreign realm's class). */
export interface DataPolicyMatcher {
  /** Names the matcher in errors and docs. */
  readonly name: string;
  /** Whether `value` is of the type. Called for every object the sanitizer inspects: keep it cheap. */
  test(value: object): boolean;
}

/** A class (even one with a private constructor, such as KeyObject); it matches its subclasses too. */
export interface DataPolicyClass {
  readonly prototype: object;
}

/** A class or a matcher. */
export type DataPolicyTarget = DataPolicyClass | DataPolicyMatcher;

/** `{ field: kinds }`: the fields of the type that hold secrets, and their datapolicy kinds. */
export type DataPolicyFields = Readonly<Record<string, DataPolicyKinds>>;

/** Options of {@link registerDataPolicy}. */
export interface RegisterDataPolicyOptions {
  /** Match field names case-insensitively (HTTP header names). Default false. */
  readonly caseInsensitive?: boolean;
}

/** A registered policy, validated: either the whole value is secret, or some of its fields. */
export interface DataPolicy {
  /** Kinds of the whole value (`registerDataPolicy(KeyObject, 'security-key')`). */
  readonly whole: readonly string[] | undefined;
  /** Tagged fields; lowercase names when `caseInsensitive` (the kinds of two spellings of one name united). */
  readonly fields: ReadonlyMap<string, readonly string[]> | undefined;
  readonly caseInsensitive: boolean;
}

/** Registered classes by prototype, so a plan finds its class's and its parents' policies (every copy's). */
export const classPolicies: Map<object, DataPolicy> = registry.classPolicies;
/** Registered matchers, in registration order (every copy's). */
export const matcherPolicies: MatcherPolicy[] = registry.matcherPolicies;

function toPolicy(policy: unknown, options: RegisterDataPolicyOptions, where: string): DataPolicy {
  const caseInsensitive = options.caseInsensitive === true;
  if (typeof policy === 'string' || Array.isArray(policy)) {
    return { whole: toKinds(policy, where), fields: undefined, caseInsensitive };
  }
  if (typeof policy !== 'object' || policy === null) {
    throw new TypeError(`${where}: the policy must be kinds ("security-key") or { field: kinds }, not ${typeof policy}`);
  }
  const fields = new Map<string, readonly string[]>();
  for (const [field, kinds] of Object.entries(policy as Record<string, unknown>)) {
    // Two spellings of one case-insensitive name (`Token`, `TOKEN`) both apply.
    addKinds(fields, caseInsensitive ? field.toLowerCase() : field, toKinds(kinds, `${where} field ${JSON.stringify(field)}`));
  }
  if (fields.size === 0) throw new TypeError(`${where}: the field policy names no field`);
  return { whole: undefined, fields, caseInsensitive };
}

function targetName(target: unknown): string {
  if (typeof target === 'function') return target.name || 'anonymous class';
  const name = (target as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' ? name : typeof target;
}

/**
 * Declares where secrets live in a type you cannot decorate (Kubernetes' GlobalDatapolicyMapping):
 * a class (its subclasses too, built-ins such as Buffer, Date or Map included) or a
 * {@link DataPolicyMatcher}, and either the kinds of the whole value or `{ field: kinds }`. Every
 * applicable source applies to an object (its classes' registrations and decorators, every matching
 * matcher), and a whole-value policy from any of them wins over fields. A later registration for the same
 * class replaces the earlier one. Registrations are process-wide, shared by every copy of the package.
 * Returns a function that removes the registration.
 *
 * @example
 * registerDataPolicy(V1Secret, { data: 'security-key', stringData: 'security-key' });
 * registerDataPolicy(KeyObject, 'security-key');
 * registerDataPolicy({ name: 'basic-auth', test: (v) => 'user' in v && 'pass' in v }, { pass: 'password' });
 */
export function registerDataPolicy(
  target: DataPolicyTarget,
  policy: DataPolicyKinds | DataPolicyFields,
  options: RegisterDataPolicyOptions = {},
): () => void {
  const where = `registerDataPolicy(${targetName(target)})`;
  const validated = toPolicy(policy, options, where);
  if (typeof target === 'function') {
    const proto = (target as { prototype?: unknown }).prototype;
    if (typeof proto !== 'object' || proto === null) throw new TypeError(`${where}: a class (with a prototype) or a matcher is required`);
    // Plain objects and arrays are data, written field by field: a policy on their own class would take in every one.
    if (proto === Object.prototype || proto === Array.prototype) {
      throw new TypeError(`${where}: plain objects and arrays cannot be registered as a class; register a subclass, or a matcher that picks the values`);
    }
    classPolicies.set(proto, validated);
    noteTaggedPrototype(proto);
    bumpPolicyGeneration();
    return () => {
      if (classPolicies.get(proto) === validated) {
        classPolicies.delete(proto);
        bumpPolicyGeneration();
      }
    };
  }
  if (typeof target !== 'object' || target === null || typeof (target as Partial<DataPolicyMatcher>).test !== 'function') {
    throw new TypeError(`${where}: the target must be a class or an object with test(value)`);
  }
  const entry: MatcherPolicy = { matcher: target as DataPolicyMatcher, policy: validated };
  matcherPolicies.push(entry);
  registry.objectPolicies = true;
  bumpPolicyGeneration();
  return () => {
    const at = matcherPolicies.indexOf(entry);
    if (at !== -1) {
      matcherPolicies.splice(at, 1);
      registry.objectPolicies = matcherPolicies.length !== 0 || registry.instancesTagged;
      bumpPolicyGeneration();
    }
  };
}
