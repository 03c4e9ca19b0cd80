/** A name (a key, a caller) met in the input, with what a converter made of it. */
export interface ByteName<T> {
  readonly bytes: Buffer;
  readonly text: string;
  readonly info: T;
}

/**
 * Names read from bytes (keys, callers), remembered by a hash of their bytes and checked byte for byte, so
 * that a line's names cost no string. `describe` says what a new name is, once.
 */
export class ByteNames<T> {
  readonly #names = new Map<number, ByteName<T>>();
  readonly #describe: (text: string) => T;

  constructor(describe: (text: string) => T) {
    this.#describe = describe;
  }

  /** The name at `bytes[start, end)`, `hash` being {@link hashBytes} of it. */
  get(bytes: Uint8Array, start: number, end: number, hash: number): ByteName<T> {
    const known = this.#names.get(hash);
    if (known !== undefined && sameBytes(known.bytes, bytes, start, end)) return known;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
    const name = { bytes: Buffer.from(text, 'latin1'), text, info: this.#describe(text) };
    // The names of a log are few; bounded all the same.
    if (this.#names.size > 10_000) this.#names.clear();
    this.#names.set(hash, name);
    return name;
  }
}

function sameBytes(known: Buffer, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[start + i]) return false;
  return true;
}

/** FNV-1a of `bytes[start, end)`. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash;
}
