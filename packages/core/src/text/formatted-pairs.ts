/**
 * Pre-formatted pairs (bound values), as text lines join them: each key with its ` key=value` text, the
 * texts joined once, and whether a key repeats among them (then lines take the duplicate-resolving path).
 */
export class FormattedPairs {
  readonly keys: string[];
  readonly texts: string[];
  #joined: string | undefined;
  #repeats: boolean;

  /** Empty, or a copy of `parent` to add to (the parent is not changed). */
  constructor(parent?: FormattedPairs) {
    this.keys = parent === undefined ? [] : [...parent.keys];
    this.texts = parent === undefined ? [] : [...parent.texts];
    this.#repeats = parent === undefined ? false : parent.#repeats;
  }

  add(key: string, text: string): void {
    if (!this.#repeats && this.keys.includes(key)) this.#repeats = true;
    this.keys.push(key);
    this.texts.push(text);
    this.#joined = undefined;
  }

  get joined(): string {
    return (this.#joined ??= this.texts.join(''));
  }

  get hasRepeatedKey(): boolean {
    return this.#repeats;
  }
}
