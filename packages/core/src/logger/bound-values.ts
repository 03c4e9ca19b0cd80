/**
 * The key/value lists bound to a logger with `withValues`, one list per call, in call order. Immutable:
 * a child gets a new instance. Encoders keep their pre-encoded form here, computed once per encoder.
 */
export class BoundValues {
  /** The bound key/value lists, oldest first. */
  readonly lists: readonly (readonly unknown[])[];
  #encodedFor: object | undefined;
  #encoded: unknown;

  constructor(lists: readonly (readonly unknown[])[]) {
    this.lists = lists;
  }

  /** These lists plus one more (the parent is unchanged). */
  with(list: readonly unknown[]): BoundValues {
    return new BoundValues([...this.lists, list]);
  }

  /** The pre-encoded form for `owner` (an encoder), built on first use and kept. */
  encodedFor<T>(owner: object, encode: (lists: readonly (readonly unknown[])[]) => T): T {
    if (this.#encodedFor !== owner) {
      this.#encoded = encode(this.lists);
      this.#encodedFor = owner;
    }
    return this.#encoded as T;
  }
}
