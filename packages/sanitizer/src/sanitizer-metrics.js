/** The mutable counters behind {@link SanitizerMetrics}. */
export class MetricsCounter {
    #redacted = new Map();
    #blocked = new Map();
    #dropped = new Map();
    redacted(kinds) {
        for (const kind of kinds)
            this.#redacted.set(kind, (this.#redacted.get(kind) ?? 0) + 1);
    }
    /** One entry blocked (or dropped): each of its kinds counts once. */
    stopped(kinds, how) {
        const counts = how === 'blocked' ? this.#blocked : this.#dropped;
        for (const kind of new Set(kinds))
            counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    snapshot() {
        return {
            redacted: Object.fromEntries(this.#redacted),
            blocked: Object.fromEntries(this.#blocked),
            dropped: Object.fromEntries(this.#dropped),
        };
    }
    reset() {
        this.#redacted = new Map();
        this.#blocked = new Map();
        this.#dropped = new Map();
    }
}
