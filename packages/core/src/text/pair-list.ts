/**
 * The pairs of one text line with klog's duplicate rule, applied in order over err, logger, bound values
 * and call-site pairs: a pair whose key was seen with the same formatted text is dropped; with a different
 * text the earlier one is removed and the later one kept at its own position.
 */
export class PairList {
  readonly #keys: string[] = [];
  readonly #texts: string[] = [];

  add(key: string, text: string): void {
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) {
      // A removed pair keeps its key but has an empty text (a live one always has ` key=`).
      if (keys[i] !== key || this.#texts[i] === '') continue;
      if (this.#texts[i] === text) return;
      this.#texts[i] = '';
      break;
    }
    keys.push(key);
    this.#texts.push(text);
  }

  /** Adds pre-formatted pairs, in order. */
  addAll(keys: readonly string[], texts: readonly string[]): void {
    for (let i = 0; i < keys.length; i++) this.add(keys[i], texts[i]);
  }

  toString(): string {
    let out = '';
    for (const text of this.#texts) out += text;
    return out;
  }
}
