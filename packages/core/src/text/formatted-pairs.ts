/**
 * Pre-formatted pairs (bound values), as text lines join them: each key with its ` key=value` text, the
 * texts joined once, and whether a key repeats among them (then lines take the duplicate-resolving path).
 */
export class FormattedPairs {
  readonly keys: string[] = [];
  readonly texts: string[] = [];
  #joined: string | undefined;
  #repeats = false;

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
