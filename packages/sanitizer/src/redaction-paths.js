import { ConfigError } from '@klog-ts/core';
import fastRedact from 'fast-redact';
import { copyObject, setOwn } from './copy-object.js';
import { configKinds, GENERIC_KIND } from './kinds.js';
/** fast-redact's own validator and tokenizer, which its type declarations do not describe. */
const { validator, rx } = fastRedact;
const validate = validator();
function node() {
    return { children: new Map(), list: [], wildcard: undefined, kinds: undefined };
}
/** A path's segments, exactly as fast-redact reads them (`a.b`, `a["b-c"]`, `a[0]`, `*`, `a[*]`). */
function segments(path) {
    return (path.match(rx) ?? []).map((token) => {
        const bare = token.replace(/'|"|`/g, '');
        return bare.startsWith('[') ? bare.slice(1, -1) : bare;
    });
}
/**
 * Redaction paths in pino's syntax, validated with fast-redact and compiled once into a trie keyed by
 * segment. Applying them never changes the caller's objects: containers on the way to a redacted value
 * are copied, everything else is shared, and nothing is copied when no path matches. (fast-redact's own
 * redactor writes the censor into the object and restores it afterwards, which would be a mutation.)
 */
export class RedactionPaths {
    #root = node();
    constructor(option) {
        const entries = Array.isArray(option)
            ? option.map((path) => [path, GENERIC_KIND])
            : Object.entries(option);
        for (const [path, kinds] of entries) {
            try {
                validate({ paths: [path] });
            }
            catch {
                throw new ConfigError('sanitizer path', path, 'is not a redaction path in pino\'s syntax (a.b, a["b-c"], a[0], *.b, a.*)');
            }
            const list = configKinds(kinds, `sanitizer path ${JSON.stringify(path)}`);
            let at = this.#root;
            for (const segment of segments(path)) {
                if (segment === '*')
                    at = at.wildcard ??= node();
                else {
                    let next = at.children.get(segment);
                    if (next === undefined) {
                        at.children.set(segment, (next = node()));
                        at.list.push({ key: segment, node: next });
                    }
                    at = next;
                }
            }
            at.kinds = list;
        }
    }
    /** The paths for the value of a key/value pair with this key (undefined when none can match). */
    forKey(key) {
        return typeof key === 'string' ? this.#root.children.get(key) : undefined;
    }
    /** The paths that start with a wildcard: they apply to every value, and to legacy operands. */
    get wildcard() {
        return this.#root.wildcard;
    }
    /** Applies the paths below `at` to `value`: the value itself, or a copy with the matches replaced. */
    apply(at, value, sink) {
        if (at.kinds !== undefined)
            return value === undefined || value === null ? value : sink.redact(at.kinds);
        if (typeof value !== 'object' || value === null)
            return value;
        let copy;
        const list = at.list;
        for (let i = 0; i < list.length; i++) {
            const { key, node: child } = list[i];
            if (!Object.hasOwn(value, key))
                continue;
            const current = (copy ?? value);
            const before = current[key];
            const after = this.apply(child, before, sink);
            if (after !== before)
                setOwn((copy ??= copyObject(value)), key, after);
        }
        const wildcard = at.wildcard;
        if (wildcard !== undefined) {
            for (const key of Object.keys(value)) {
                const current = (copy ?? value);
                const before = current[key];
                const after = this.apply(wildcard, before, sink);
                if (after !== before)
                    setOwn((copy ??= copyObject(value)), key, after);
            }
        }
        return copy ?? value;
    }
}
