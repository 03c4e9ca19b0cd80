import { addKinds, unionKinds } from './kinds.js';

/** Field names and their kinds. */
type Tags = ReadonlyMap<string, readonly string[]>;

/** `into` with every tag of `from` added (kinds of a name in both are united); names lowercased if `fold`. */
function addTags(into: Map<string, readonly string[]>, from: Tags, fold: boolean): void {
  for (const [name, kinds] of from) addKinds(into, fold ? name.toLowerCase() : name, kinds);
}

/**
 * The tagged fields of one kind of object, from every source that applies to it (class registrations,
 * decorators, matchers, the class that built it): a field tagged by several sources gets all their kinds.
 * Case-insensitive sources (`registerDataPolicy(…, { caseInsensitive: true })`) match a name in any case.
 * Immutable, built when a plan is computed, so a lookup allocates nothing.
 */
export class FieldTags {
  /** Exact names; each already has the kinds a case-insensitive source gives it. */
  readonly #exact: Tags;
  /** Lowercase names from case-insensitive sources, for names not in `#exact`. */
  readonly #folded: Tags | undefined;

  private constructor(exact: Tags, folded: Tags | undefined) {
    this.#exact = exact;
    this.#folded = folded;
  }

  /** The tags of exact-name sources and of case-insensitive ones; undefined when they tag nothing. */
  static of(exact: readonly (Tags | undefined)[], folded: readonly (Tags | undefined)[]): FieldTags | undefined {
    const byName = new Map<string, readonly string[]>();
    for (const tags of exact) if (tags !== undefined) addTags(byName, tags, false);
    let byLowerName: Map<string, readonly string[]> | undefined;
    for (const tags of folded) if (tags !== undefined && tags.size > 0) addTags((byLowerName ??= new Map<string, readonly string[]>()), tags, true);
    if (byLowerName !== undefined) {
      for (const [name, kinds] of byName) {
        const more = byLowerName.get(name.toLowerCase());
        if (more !== undefined) byName.set(name, unionKinds(kinds, more));
      }
    }
    return byName.size === 0 && byLowerName === undefined ? undefined : new FieldTags(byName, byLowerName);
  }

  /** Every tag of `a` and of `b`. */
  static union(a: FieldTags, b: FieldTags): FieldTags {
    return FieldTags.of([a.#exact, b.#exact], [a.#folded, b.#folded])!;
  }

  /** The kinds of the field `name`, or undefined when nothing tags it. */
  kindsOf(name: string): readonly string[] | undefined {
    const kinds = this.#exact.get(name);
    return kinds !== undefined || this.#folded === undefined ? kinds : this.#folded.get(name.toLowerCase());
  }
}
