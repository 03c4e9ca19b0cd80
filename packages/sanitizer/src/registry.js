import { toKinds } from './kinds.js';
import { bumpPolicyGeneration } from './policy-generation.js';
/** Registered classes by prototype, so a plan finds its class's and its parents' policies. */
export const classPolicies = new Map();
/** Registered matchers, in registration order. */
export const matcherPolicies = [];
function toPolicy(policy, options, where) {
    const caseInsensitive = options.caseInsensitive === true;
    if (typeof policy === 'string' || Array.isArray(policy)) {
        return { whole: toKinds(policy, where), fields: undefined, caseInsensitive };
    }
    if (typeof policy !== 'object' || policy === null) {
        throw new TypeError(`${where}: the policy must be kinds ("security-key") or { field: kinds }, not ${typeof policy}`);
    }
    const fields = new Map();
    for (const [field, kinds] of Object.entries(policy)) {
        fields.set(caseInsensitive ? field.toLowerCase() : field, toKinds(kinds, `${where} field ${JSON.stringify(field)}`));
    }
    if (fields.size === 0)
        throw new TypeError(`${where}: the field policy names no field`);
    return { whole: undefined, fields, caseInsensitive };
}
function targetName(target) {
    if (typeof target === 'function')
        return target.name || 'anonymous class';
    if (typeof target === 'object' && target !== null && typeof target.name === 'string') {
        return target.name;
    }
    return typeof target;
}
/**
 * Declares where secrets live in a type you cannot decorate (Kubernetes' GlobalDatapolicyMapping):
 * a class (its subclasses too) or a {@link DataPolicyMatcher}, and either the kinds of the whole value
 * or `{ field: kinds }`. A later registration for the same class replaces the earlier one. Returns a
 * function that removes the registration.
 *
 * @example
 * registerDataPolicy(V1Secret, { data: 'security-key', stringData: 'security-key' });
 * registerDataPolicy(KeyObject, 'security-key');
 * registerDataPolicy({ name: 'basic-auth', test: (v) => 'user' in v && 'pass' in v }, { pass: 'password' });
 */
export function registerDataPolicy(target, policy, options = {}) {
    const where = `registerDataPolicy(${targetName(target)})`;
    const validated = toPolicy(policy, options, where);
    if (typeof target === 'function') {
        const proto = target.prototype;
        if (typeof proto !== 'object' || proto === null)
            throw new TypeError(`${where}: a class (with a prototype) or a matcher is required`);
        classPolicies.set(proto, validated);
        bumpPolicyGeneration();
        return () => {
            if (classPolicies.get(proto) === validated) {
                classPolicies.delete(proto);
                bumpPolicyGeneration();
            }
        };
    }
    if (typeof target !== 'object' || target === null || typeof target.test !== 'function') {
        throw new TypeError(`${where}: the target must be a class or an object with test(value)`);
    }
    const entry = { matcher: target, policy: validated };
    matcherPolicies.push(entry);
    bumpPolicyGeneration();
    return () => {
        const at = matcherPolicies.indexOf(entry);
        if (at !== -1) {
            matcherPolicies.splice(at, 1);
            bumpPolicyGeneration();
        }
    };
}
