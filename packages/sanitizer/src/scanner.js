import { Format, marshalLog } from '@klog-ts/core';
import { copyObject, setOwn } from './copy-object.js';
import { redactionMarker, TOO_DEEP_KIND, UNREADABLE_KIND } from './kinds.js';
import { planFor } from './plan.js';
import { matcherPolicies } from './registry.js';
/** What a back-reference becomes when a cyclic value had to be copied. */
export const CIRCULAR = '[Circular]';
const UNREADABLE = Object.freeze([UNREADABLE_KIND]);
const TOO_DEEP = Object.freeze([TOO_DEEP_KIND]);
const ERROR_EXTRAS = ['message', 'cause', 'errors'];
/** Thrown on the first pass when a value nests deeper than maxDepth: a cycle, or just deep data. */
const RESTART = new Error('restart with cycle tracking');
/** Empty values do not count as secrets (Kubernetes' datapol checks IsZero): nothing is revealed. */
function isEmpty(value) {
    if (value === undefined || value === null || value === '')
        return true;
    if (typeof value !== 'object')
        return false;
    if (Array.isArray(value))
        return value.length === 0;
    if (value instanceof Map || value instanceof Set)
        return value.size === 0;
    return false;
}
/**
 * Walks one value looking for secrets and returns it unchanged (the same reference, nothing allocated)
 * or a copy in which each secret is replaced by `[REDACTED:<kinds>]`. The caller's objects are never
 * changed. Kinds found are appended to {@link Scanner.found}. Never throws: a value that cannot be
 * inspected (a throwing getter or Proxy) is redacted as `unreadable`, and anything nested deeper than
 * `maxDepth` as `too-deep` (fail closed).
 *
 * The hot path (plain data, nothing found) reads each property once, with no try block per property
 * and no allocation; a throw sends that one object through a careful, property-by-property pass.
 */
export class Scanner {
    /** The kinds of every value redacted since the caller last emptied it. */
    found = [];
    /** True while a scan runs: a getter that logs re-enters the filter, which then needs its own scanner. */
    busy = false;
    keyNames;
    detectors;
    maxDepth;
    stack = [];
    depth = 0;
    /** Off on the first pass: cycles then show up as depth overflow, which restarts the scan with it on. */
    tracking = false;
    sawCycle = false;
    breakCycles = false;
    constructor(rules) {
        this.keyNames = rules.keyNames;
        this.detectors = rules.detectors;
        this.maxDepth = rules.maxDepth;
    }
    /** Scans a top-level value (a key/value pair's value, an error, a legacy operand). */
    scan(value) {
        if (typeof value === 'string')
            return this.detectors === undefined ? value : this.string(value);
        if (typeof value !== 'object' || value === null)
            return value;
        const mark = this.found.length;
        // First pass: no cycle bookkeeping (plain data has no cycles; a cycle overflows maxDepth).
        try {
            return this.object(value);
        }
        catch (thrown) {
            this.depth = 0;
            this.found.length = mark;
            if (thrown !== RESTART)
                return this.redact(UNREADABLE);
        }
        this.tracking = true;
        this.sawCycle = false;
        try {
            let out = this.guarded(value, mark);
            if (out !== value && this.sawCycle) {
                // The copy would point back at the original (unredacted) ancestors: redo it with cycles cut.
                this.found.length = mark;
                this.breakCycles = true;
                out = this.guarded(value, mark);
            }
            return out;
        }
        finally {
            this.tracking = false;
            this.breakCycles = false;
        }
    }
    /** Replaces a value by the marker for its kinds. */
    redact(kinds) {
        for (let i = 0; i < kinds.length; i++)
            this.found.push(kinds[i]);
        return redactionMarker(kinds);
    }
    /** A Secret (of any copy of the package) becomes the marker of its kind. */
    redactSecret(value) {
        const kind = String(value.kind);
        this.found.push(kind);
        return redactionMarker(kind);
    }
    guarded(value, mark) {
        try {
            return this.object(value);
        }
        catch {
            this.unwind(0);
            this.found.length = mark;
            return this.redact(UNREADABLE);
        }
    }
    /** Restores the cycle stack to `depth` after a throw skipped the frames above it. */
    unwind(depth) {
        while (this.depth > depth)
            this.stack[--this.depth] = undefined;
    }
    /** After a throw inside a container: the restart signal goes on up, anything else is handled here. */
    recover(thrown, depth) {
        if (thrown === RESTART)
            throw RESTART;
        this.unwind(depth);
    }
    string(text) {
        const detectors = this.detectors;
        if (text.length < detectors.minLength)
            return text;
        const hit = detectors.detect(text);
        if (hit === undefined)
            return text;
        for (const kind of hit.kinds)
            this.found.push(kind);
        return hit.text;
    }
    /** A value below the top: objects scanned, strings through the detectors, the rest kept. */
    child(value) {
        if (typeof value === 'object')
            return value === null ? value : this.object(value);
        if (typeof value === 'string' && this.detectors !== undefined)
            return this.string(value);
        return value;
    }
    /** The value of a field or key named `key`: tagged, a secret's name, or scanned. */
    field(key, value, fields, caseInsensitive) {
        if (fields !== undefined) {
            const kinds = fields.get(caseInsensitive ? key.toLowerCase() : key);
            if (kinds !== undefined)
                return isEmpty(value) ? value : this.redact(kinds);
        }
        if (this.keyNames !== undefined) {
            const kinds = this.keyNames(key);
            if (kinds !== undefined)
                return isEmpty(value) ? value : this.redact(kinds);
        }
        return this.child(value);
    }
    object(value) {
        if (!this.tracking && matcherPolicies.length === 0) {
            // The hot path, for plain data: arrays and plain objects, no cycle bookkeeping.
            if (Array.isArray(value)) {
                const depth = this.enter();
                const out = this.array(value);
                this.depth = depth;
                return out;
            }
            const proto = Object.getPrototypeOf(value);
            if (proto === Object.prototype || proto === null) {
                const depth = this.enter();
                const out = this.record(value, undefined, false, true);
                this.depth = depth;
                return out;
            }
            return this.typed(value, proto);
        }
        return this.typed(value, Object.getPrototypeOf(value));
    }
    /** One level deeper on the first pass; beyond maxDepth, restart with cycle tracking. */
    enter() {
        const depth = this.depth;
        if (depth >= this.maxDepth)
            throw RESTART;
        this.depth = depth + 1;
        return depth;
    }
    /** Any object, by its class's plan (and matchers); with cycle tracking on the second pass. */
    typed(value, proto) {
        let plan;
        if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
            plan = planFor(proto);
            switch (plan.type) {
                case 'leaf': return value;
                case 'secret': return this.redactSecret(value);
                case 'whole': return this.redact(plan.whole);
            }
        }
        const matched = matcherPolicies.length === 0 ? undefined : this.matched(value);
        if (matched?.whole !== undefined)
            return this.redact(matched.whole);
        const depth = this.depth;
        if (depth >= this.maxDepth) {
            if (!this.tracking)
                throw RESTART;
            return this.redact(TOO_DEEP);
        }
        if (this.tracking) {
            const stack = this.stack;
            for (let i = 0; i < depth; i++) {
                if (stack[i] === value) {
                    this.sawCycle = true;
                    return this.breakCycles ? CIRCULAR : value;
                }
            }
            stack[depth] = value;
        }
        this.depth = depth + 1;
        let out;
        if (plan === undefined) {
            out = proto === Array.prototype ? this.array(value) : this.record(value, matched?.fields, matched?.caseInsensitive ?? false, true);
        }
        else {
            const fields = matched?.fields ?? plan.fields;
            const caseInsensitive = matched?.caseInsensitive ?? plan.caseInsensitive;
            switch (plan.type) {
                case 'array':
                    out = this.array(value);
                    break;
                case 'map':
                    out = this.map(value, fields, caseInsensitive);
                    break;
                case 'set':
                    out = this.set(value);
                    break;
                case 'error':
                    out = this.error(value, fields, caseInsensitive);
                    break;
                case 'headers':
                    out = this.headers(value, fields);
                    break;
                case 'formatted':
                    out = this.formatted(value);
                    break;
                default: out = this.record(value, fields, caseInsensitive, false);
            }
        }
        if (this.tracking)
            this.stack[depth] = undefined;
        this.depth = depth;
        return out;
    }
    matched(value) {
        for (const { matcher, policy } of matcherPolicies)
            if (matcher.test(value))
                return policy;
        return undefined;
    }
    /**
     * A plain object (a Go map: `for in`, fastest) or a class instance (a Go struct: own enumerable
     * fields, as the encoders write it). If anything throws, the object is redone property by property.
     */
    record(value, fields, caseInsensitive, plain) {
        const depth = this.depth;
        const mark = this.found.length;
        try {
            let copy;
            const keys = plain ? undefined : Object.keys(value);
            const n = keys === undefined ? 0 : keys.length;
            if (keys === undefined && fields === undefined && this.keyNames === undefined) {
                // The common case, kept lean: plain data with no field or key-name rules.
                const detectors = this.detectors;
                for (const key in value) {
                    const before = value[key];
                    let after;
                    if (typeof before === 'object') {
                        if (before === null)
                            continue;
                        after = this.object(before);
                    }
                    else if (typeof before === 'string' && detectors !== undefined)
                        after = this.string(before);
                    else
                        continue;
                    if (after !== before)
                        setOwn((copy ??= copyObject(value)), key, after);
                }
            }
            else if (keys === undefined) {
                for (const key in value) {
                    const before = value[key];
                    const after = this.field(key, before, fields, caseInsensitive);
                    if (after !== before)
                        setOwn((copy ??= copyObject(value)), key, after);
                }
            }
            else {
                for (let i = 0; i < n; i++) {
                    const key = keys[i];
                    const before = value[key];
                    const after = this.field(key, before, fields, caseInsensitive);
                    if (after !== before)
                        setOwn((copy ??= copyObject(value)), key, after);
                }
            }
            return copy ?? value;
        }
        catch (thrown) {
            this.recover(thrown, depth);
            this.found.length = mark;
            return this.carefulRecord(value, fields, caseInsensitive);
        }
    }
    /** The slow path of {@link record}: each property in its own try; a throwing one is redacted. */
    carefulRecord(value, fields, caseInsensitive) {
        const depth = this.depth;
        let copy;
        let keys;
        try {
            keys = Object.keys(value);
        }
        catch (thrown) {
            this.recover(thrown, depth);
            return this.redact(UNREADABLE);
        }
        for (const key of keys) {
            let before;
            let after;
            try {
                before = value[key];
                after = this.field(key, before, fields, caseInsensitive);
            }
            catch (thrown) {
                this.recover(thrown, depth);
                after = this.redact(UNREADABLE);
            }
            if (after !== before)
                setOwn((copy ??= copyObject(value)), key, after);
        }
        return copy ?? value;
    }
    array(value) {
        let copy;
        const depth = this.depth;
        for (let i = 0; i < value.length; i++) {
            let before;
            let after;
            try {
                before = value[i];
                after = this.child(before);
            }
            catch (thrown) {
                this.recover(thrown, depth);
                after = this.redact(UNREADABLE);
            }
            if (after !== before)
                (copy ??= copyObject(value))[i] = after;
        }
        return copy ?? value;
    }
    map(value, fields, caseInsensitive) {
        let changed;
        const depth = this.depth;
        for (const [key, before] of value) {
            let after;
            try {
                after = typeof key === 'string' ? this.field(key, before, fields, caseInsensitive) : this.child(before);
            }
            catch (thrown) {
                this.recover(thrown, depth);
                after = this.redact(UNREADABLE);
            }
            if (after !== before)
                (changed ??= new Map()).set(key, after);
        }
        if (changed === undefined)
            return value;
        const copy = new Map();
        for (const [key, before] of value)
            copy.set(key, changed.has(key) ? changed.get(key) : before);
        return copy;
    }
    set(value) {
        let changed = false;
        const items = [];
        const depth = this.depth;
        for (const before of value) {
            let after;
            try {
                after = this.child(before);
            }
            catch (thrown) {
                this.recover(thrown, depth);
                after = this.redact(UNREADABLE);
            }
            changed ||= after !== before;
            items.push(after);
        }
        return changed ? new Set(items) : value;
    }
    /** An Error: its own enumerable fields (axios keeps `config.headers` there), `message`, `cause`, `errors`. */
    error(value, fields, caseInsensitive) {
        let out = this.record(value, fields, caseInsensitive, false);
        const depth = this.depth;
        for (const key of ERROR_EXTRAS) {
            if (!Object.hasOwn(value, key) || Object.prototype.propertyIsEnumerable.call(value, key))
                continue;
            let before;
            let after;
            try {
                before = value[key];
                after = this.child(before);
            }
            catch (thrown) {
                this.recover(thrown, depth);
                after = this.redact(UNREADABLE);
            }
            if (after !== before) {
                if (out === value)
                    out = copyObject(value);
                setOwn(out, key, after);
            }
        }
        return out;
    }
    /** fetch Headers: each header by name (case-insensitive); a redacted copy is a new Headers. */
    headers(value, fields) {
        const entries = [];
        let changed = false;
        for (const [name, before] of value) {
            const after = this.field(name, before, fields, true);
            changed ||= after !== before;
            entries.push([name, String(after)]);
        }
        if (!changed)
            return value;
        const copy = new Headers();
        for (const [name, text] of entries)
            copy.append(name, text);
        return copy;
    }
    /** klog's Format(value): the wrapped value is what gets written, so it is what gets scanned. */
    formatted(value) {
        const inner = value[marshalLog]();
        const after = this.child(inner);
        return after === inner ? value : Format(after);
    }
}
