/** Counts by datapolicy kind, since the sanitizer was installed or its metrics were last reset. */
export interface SanitizerMetrics {
  /** Values replaced by `[REDACTED:<kind>]` (mode `redact`); bound values count once, when bound. */
  readonly redacted: Readonly<Record<string, number>>;
  /** Entries replaced by Kubernetes' "Log message has been redacted." (mode `block`). */
  readonly blocked: Readonly<Record<string, number>>;
  /** Entries not written (mode `drop`). */
  readonly dropped: Readonly<Record<string, number>>;
}

/** The mutable counters behind {@link SanitizerMetrics}. */
export class MetricsCounter {
  // A box per kind: counting a redaction is one lookup, not a lookup and a store.
  #redacted = new Map<string, { n: number }>();
  #blocked = new Map<string, number>();
  #dropped = new Map<string, number>();

  /** One count per entry of `kinds[0 .. count)` (one per redacted value and kind). */
  redacted(kinds: readonly string[], count: number): void {
    const counts = this.#redacted;
    // Runs of one kind (the common case: one path or key name per secret) cost one lookup.
    for (let i = 0; i < count; ) {
      const kind = kinds[i];
      let run = 1;
      while (i + run < count && kinds[i + run] === kind) run++;
      const box = counts.get(kind);
      if (box === undefined) counts.set(kind, { n: run });
      else box.n += run;
      i += run;
    }
  }

  /** One entry blocked (or dropped): each of its kinds counts once. */
  stopped(kinds: readonly string[], how: 'blocked' | 'dropped'): void {
    const counts = how === 'blocked' ? this.#blocked : this.#dropped;
    for (const kind of new Set(kinds)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }

  snapshot(): SanitizerMetrics {
    return {
      redacted: Object.fromEntries([...this.#redacted].map(([kind, box]) => [kind, box.n])),
      blocked: Object.fromEntries(this.#blocked),
      dropped: Object.fromEntries(this.#dropped),
    };
  }

  reset(): void {
    this.#redacted = new Map();
    this.#blocked = new Map();
    this.#dropped = new Map();
  }
}
