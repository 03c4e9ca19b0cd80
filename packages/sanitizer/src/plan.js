import { Formatted, ObjectRef, ObjectRefList } from '@klog-ts/core';
import { decoratedFields } from './datapolicy.js';
import { registerBuiltinPolicies } from './builtin-policies.js';
import { policyState } from './policy-generation.js';
import { classPolicies } from './registry.js';
import { secretBrand } from './secret.js';
registerBuiltinPolicies();
const typedArray = Object.getPrototypeOf(Uint8Array);
const leafTypes = [
    Date, RegExp, ArrayBuffer, SharedArrayBuffer, DataView, typedArray, Promise, WeakMap, WeakSet, WeakRef,
    Boolean, Number, String, ObjectRef, ObjectRefList,
];
function inherits(proto, type) {
    const base = type.prototype;
    return proto === base || Object.prototype.isPrototypeOf.call(base, proto);
}
function baseType(proto) {
    if (proto[secretBrand] === true)
        return 'secret';
    if (leafTypes.some((type) => inherits(proto, type)))
        return 'leaf';
    if (inherits(proto, Formatted))
        return 'formatted';
    if (inherits(proto, Array))
        return 'array';
    if (inherits(proto, Map))
        return 'map';
    if (inherits(proto, Set))
        return 'set';
    if (inherits(proto, Error))
        return 'error';
    if (typeof globalThis.Headers === 'function' && inherits(proto, globalThis.Headers))
        return 'headers';
    return 'struct';
}
function constructorOf(proto) {
    try {
        return Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    }
    catch {
        return undefined;
    }
}
function computePlan(proto) {
    let type = baseType(proto);
    if (type === 'secret' || type === 'leaf' || type === 'formatted')
        return { type, fields: undefined, caseInsensitive: false, whole: undefined };
    // Registrations and decorators along the prototype chain; the nearest class wins for a field.
    let fields;
    let whole;
    let caseInsensitive = false;
    const chain = [];
    for (let p = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p))
        chain.push(p);
    for (const p of chain.reverse()) {
        const policy = classPolicies.get(p);
        if (policy?.whole !== undefined)
            whole = policy.whole;
        if (policy?.fields !== undefined) {
            fields = new Map([...(fields ?? []), ...policy.fields]);
            caseInsensitive ||= policy.caseInsensitive;
        }
    }
    const decorated = decoratedFields(constructorOf(proto));
    if (decorated !== undefined && decorated.size > 0)
        fields = new Map([...(fields ?? []), ...decorated]);
    if (whole !== undefined)
        type = 'whole';
    if (caseInsensitive && fields !== undefined)
        fields = new Map([...fields].map(([name, kinds]) => [name.toLowerCase(), kinds]));
    return { type, fields, caseInsensitive, whole };
}
let plans = new WeakMap();
let plansGeneration = policyState.generation;
/** The plan for instances of a prototype, cached until a class is tagged or registered. */
export function planFor(proto) {
    if (plansGeneration !== policyState.generation) {
        plans = new WeakMap();
        plansGeneration = policyState.generation;
    }
    let plan = plans.get(proto);
    if (plan === undefined) {
        plan = computePlan(proto);
        plans.set(proto, plan);
    }
    return plan;
}
