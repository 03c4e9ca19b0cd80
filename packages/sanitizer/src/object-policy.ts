import { instanceTags } from './decorator-tags.js';
import { FieldTags } from './field-tags.js';
import { unionKinds } from './kinds.js';
import { registry, type TagMap } from './registry-slot.js';
import { matcherPolicies, type DataPolicy } from './registry.js';

/** What is secret in an object: all of it (`whole`, which wins over fields), or some of its fields. */
export interface Policy {
  readonly whole: readonly string[] | undefined;
  readonly fields: FieldTags | undefined;
}

/** Matchers' policies and instances' tags in the scanner's form, and combinations of policies, cached. */
let cachedGeneration = registry.generation;
let converted = new WeakMap<DataPolicy | TagMap, Policy>();
let combined = new WeakMap<Policy, WeakMap<Policy, Policy>>();

function convert(source: DataPolicy | TagMap): Policy {
  let policy = converted.get(source);
  if (policy === undefined) {
    if (source instanceof Map) policy = { whole: undefined, fields: FieldTags.of([source], []) };
    else if (source.fields === undefined) policy = { whole: source.whole, fields: undefined };
    else policy = { whole: source.whole, fields: source.caseInsensitive ? FieldTags.of([], [source.fields]) : FieldTags.of([source.fields], []) };
    converted.set(source, policy);
  }
  return policy;
}

function combine(a: Policy, b: Policy): Policy {
  let withA = combined.get(a);
  if (withA === undefined) combined.set(a, (withA = new WeakMap()));
  let both = withA.get(b);
  if (both === undefined) {
    const whole = a.whole === undefined || b.whole === undefined ? (a.whole ?? b.whole) : unionKinds(a.whole, b.whole);
    const fields = a.fields === undefined || b.fields === undefined ? (a.fields ?? b.fields) : FieldTags.union(a.fields, b.fields);
    withA.set(b, (both = { whole, fields }));
  }
  return both;
}

/**
 * The policy of one object: its class's plan, plus every registered matcher that matches it, plus the
 * tags of the class that built it when that class is not on its prototype chain (`Reflect.construct`).
 * Every source applies: a field tagged by several gets all their kinds, and a whole-value policy from any
 * of them wins. Only called while a matcher is registered or an instance was tagged.
 */
export function objectPolicy(value: object, plan: Policy): Policy {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, each cache maps sources that never change once built (a registration's policy, a defined class's tags) to the same result, so clearing it only costs time
  if (cachedGeneration !== registry.generation) {
    converted = new WeakMap();
    combined = new WeakMap();
    cachedGeneration = registry.generation;
  }
  let policy = plan;
  for (const { matcher, policy: registered } of matcherPolicies) {
    if (matcher.test(value)) policy = combine(policy, convert(registered));
  }
  const tags = instanceTags(value);
  return tags === undefined ? policy : combine(policy, convert(tags));
}

/** Whether objects need {@link objectPolicy} beyond their class's plan. */
export function objectPoliciesInUse(): boolean {
  return registry.objectPolicies;
}
