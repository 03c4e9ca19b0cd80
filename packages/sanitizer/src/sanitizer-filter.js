import { blockedEntry } from './blocked-entry.js';
import { Scanner } from './scanner.js';
function sortedKinds(found, from) {
    return [...new Set(found.slice(from))].sort();
}
/** In redact mode only whether something was found matters: this stands for every offender. */
const FOUND = Object.freeze({ key: undefined, keyIndex: undefined, kinds: [] });
/**
 * The sanitizer as klog-ts's process-wide LogFilter: bound values are checked once when bound, call
 * values and errors on every entry, legacy operands before they are formatted. Nothing is allocated
 * for an entry without secrets: the same entry object goes on to the encoder.
 */
export class SanitizerFilter {
    rules;
    metrics;
    scanner;
    /** Block and drop modes: bound lists that held a secret, and what it was. */
    offendingLists = new WeakMap();
    /** Block and drop modes: the offender found in a legacy call's operands, for the entry that follows. */
    pendingLegacy;
    /** Where `list` found the first secret of the list it last returned. */
    listOffender;
    constructor(rules, metrics) {
        this.rules = rules;
        this.metrics = metrics;
        this.scanner = new Scanner(rules);
    }
    filterValues(kv) {
        const scanner = this.acquire();
        try {
            const list = this.list(kv, scanner);
            const offender = this.listOffender;
            if (offender === undefined)
                return list;
            if (this.rules.mode === 'redact')
                this.metrics.redacted(scanner.found);
            else
                this.offendingLists.set(list, offender);
            return list;
        }
        finally {
            this.release(scanner);
        }
    }
    filterEntry(entry) {
        const mode = this.rules.mode;
        if (mode !== 'redact') {
            const stopped = this.stoppedByBound(entry) ?? (entry.legacy ? this.takePending() : undefined);
            if (stopped !== undefined)
                return this.stop(entry, stopped, undefined);
        }
        const scanner = this.acquire();
        try {
            const kv = entry.kv.length === 0 ? entry.kv : this.list(entry.kv, scanner);
            let offender = kv === entry.kv ? undefined : this.listOffender;
            const err = entry.err;
            let cleanErr = err;
            if (err !== undefined && err !== null) {
                const mark = scanner.found.length;
                cleanErr = scanner.scan(err);
                if (cleanErr !== err)
                    offender ??= this.offender('err', undefined, scanner, mark);
            }
            let message = entry.message;
            if (this.rules.detectors !== undefined) {
                const mark = scanner.found.length;
                message = scanner.scan(message);
                if (message !== entry.message)
                    offender ??= this.offender('msg', undefined, scanner, mark);
            }
            if (offender === undefined)
                return entry;
            if (mode === 'redact') {
                this.metrics.redacted(scanner.found);
                return { ...entry, message, kv, err: cleanErr };
            }
            return this.stop(entry, offender, cleanErr === err ? err : undefined);
        }
        finally {
            this.release(scanner);
        }
    }
    filterArgs(args) {
        this.pendingLegacy = undefined;
        const scanner = this.acquire();
        try {
            const wildcard = this.rules.paths?.wildcard;
            let copy;
            let offender;
            for (let i = 0; i < args.length; i++) {
                const before = args[i];
                const mark = scanner.found.length;
                let after = wildcard === undefined ? before : this.rules.paths.apply(wildcard, before, scanner);
                after = scanner.scan(after);
                if (after === before)
                    continue;
                (copy ??= args.slice())[i] = after;
                offender ??= this.rules.mode === 'redact' ? FOUND : { key: undefined, keyIndex: undefined, kinds: sortedKinds(scanner.found, mark), argIndex: i };
            }
            if (offender === undefined)
                return args;
            if (this.rules.mode === 'redact')
                this.metrics.redacted(scanner.found);
            else
                this.pendingLegacy = offender;
            // Redacted operands even when the entry will be blocked: nothing secret reaches the formatter.
            return copy;
        }
        finally {
            this.release(scanner);
        }
    }
    /** Sanitizes one value outside logging, with the same rules; counts nothing. */
    sanitize(value) {
        const scanner = this.acquire();
        try {
            const wildcard = this.rules.paths?.wildcard;
            return scanner.scan(wildcard === undefined ? value : this.rules.paths.apply(wildcard, value, scanner));
        }
        finally {
            this.release(scanner);
        }
    }
    /** A key/value list with its secrets replaced; where the first one was is left in `listOffender`. */
    list(kv, scanner) {
        const { paths, keyNames } = this.rules;
        if (paths === undefined && keyNames === undefined)
            return this.valuesOnly(kv, scanner);
        let copy;
        let offender;
        for (let i = 0; i < kv.length; i += 2) {
            const key = kv[i];
            let mark = scanner.found.length;
            // A key is normally a string; anything else (even a Secret used as a key) is scanned as a value.
            if (typeof key !== 'string') {
                const cleanKey = scanner.scan(key);
                if (cleanKey !== key) {
                    (copy ??= kv.slice())[i] = cleanKey;
                    offender ??= this.offender(undefined, i, scanner, mark);
                    mark = scanner.found.length;
                }
            }
            if (i + 1 >= kv.length)
                break;
            const before = kv[i + 1];
            let after = before;
            const named = keyNames !== undefined && typeof key === 'string' ? keyNames(key) : undefined;
            if (named !== undefined && before !== undefined && before !== null && before !== '')
                after = scanner.redact(named);
            else {
                if (paths !== undefined) {
                    const byKey = paths.forKey(key);
                    if (byKey !== undefined)
                        after = paths.apply(byKey, after, scanner);
                    const wildcard = paths.wildcard;
                    if (wildcard !== undefined)
                        after = paths.apply(wildcard, after, scanner);
                }
                after = scanner.scan(after);
            }
            if (after === before)
                continue;
            (copy ??= kv.slice())[i + 1] = after;
            offender ??= this.offender(key, undefined, scanner, mark);
        }
        this.listOffender = offender;
        return copy ?? kv;
    }
    /**
     * {@link list} when no rule looks at keys (no paths, no key names): only objects, and strings if
     * detectors are on, need a look, keys included (a key that is not a string is scanned as a value).
     */
    valuesOnly(kv, scanner) {
        const strings = this.rules.detectors !== undefined;
        let copy;
        let offender;
        for (let i = 0; i < kv.length; i++) {
            const before = kv[i];
            if (typeof before === 'object' ? before === null : typeof before !== 'string' || !strings || i % 2 === 0)
                continue;
            const mark = scanner.found.length;
            const after = scanner.scan(before);
            if (after === before)
                continue;
            (copy ??= kv.slice())[i] = after;
            offender ??= i % 2 === 0 ? this.offender(undefined, i, scanner, mark) : this.offender(kv[i - 1], undefined, scanner, mark);
        }
        this.listOffender = offender;
        return copy ?? kv;
    }
    /** Where a secret was found (block and drop modes name it); kinds are those found since `mark`. */
    offender(key, keyIndex, scanner, mark) {
        return this.rules.mode === 'redact' ? FOUND : { key, keyIndex, kinds: sortedKinds(scanner.found, mark) };
    }
    stoppedByBound(entry) {
        const lists = entry.bound?.lists;
        if (lists === undefined)
            return undefined;
        for (const list of lists) {
            const offender = this.offendingLists.get(list);
            if (offender !== undefined)
                return offender;
        }
        return undefined;
    }
    takePending() {
        const pending = this.pendingLegacy;
        this.pendingLegacy = undefined;
        return pending;
    }
    stop(entry, offender, err) {
        if (this.rules.mode === 'drop') {
            this.metrics.stopped(offender.kinds, 'dropped');
            return undefined;
        }
        this.metrics.stopped(offender.kinds, 'blocked');
        return blockedEntry(entry, offender, err);
    }
    /** The shared scanner, or a fresh one if a getter logged while it was busy (re-entry). */
    acquire() {
        const shared = this.scanner;
        const scanner = shared.busy ? new Scanner(this.rules) : shared;
        scanner.busy = true;
        if (scanner.found.length !== 0)
            scanner.found.length = 0;
        return scanner;
    }
    release(scanner) {
        scanner.busy = false;
    }
}
