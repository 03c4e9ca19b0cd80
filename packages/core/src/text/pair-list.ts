/**
 * The pairs of one text line with klog's duplicate rule, applied in order over err, logger, bound values
 * and call-site pairs: a pair whose key was seen with the same formatted text is dropped; with a different
 * text the earlier one is removed and the later one kept at its own position.
 */
export class PairList {
  readonly #keys: string[] = [];
  readonly #texts: string[] = [];
  readonly #dedupe: boolean;

  /** With `dedupe` false the list only records pairs (bound values, resolved when they join a line). */
  constructor(dedupe: boolean) {
    this.#dedupe = dedupe;
  }

  add(key: string, text: string): void {
    if (!this.#dedupe) {
      this.#keys.push(key);
      this.#texts.push(text);
      return;
    }
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

  /** Adds another list's pairs, in order. */
  addAll(other: PairList): void {
    for (let i = 0; i < other.#keys.length; i++) this.add(other.#keys[i], other.#texts[i]);
  }

  toString(): string {
    let out = '';
    for (const text of this.#texts) out += text;
    return out;
  }
}
