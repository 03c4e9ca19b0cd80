/** A name (a key, a caller) met in the input, with what a converter made of it. */
export interface ByteName<T> {
  readonly bytes: Buffer;
  readonly hash: number;
  readonly text: string;
  readonly info: T;
}

/** The table's size (a power of two) and how many slots a name may take from the one its hash gives. */
const SLOTS = 4096;
const PROBES = 4;

/**
 * Names read from bytes (keys, callers), remembered by a hash of their bytes and checked byte for byte, so
 * that a line's names cost no string. `describe` says what a new name is, once. A fixed table (a slot and
 * the few after it): a log's names are few, and a name pushed out is only described again.
 */
export class ByteNames<T> {
  readonly #slots: (ByteName<T> | undefined)[] = new Array<ByteName<T> | undefined>(SLOTS).fill(undefined);
  readonly #describe: (text: string) => T;
  #evict = 0;

  constructor(describe: (text: string) => T) {
    this.#describe = describe;
  }

  /** The name at `bytes[start, end)`, `hash` being {@link hashBytes} of it. */
  get(bytes: Uint8Array, start: number, end: number, hash: number): ByteName<T> {
    const slots = this.#slots;
    let free = -1;
    for (let i = 0; i < PROBES; i++) {
      const slot = (hash + i) & (SLOTS - 1);
      const known = slots[slot];
      if (known === undefined) {
        free = slot;
        break;
      }
      if (known.hash === hash && sameBytes(known.bytes, bytes, start, end)) return known;
    }
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
    const name = { bytes: Buffer.from(text, 'latin1'), hash, text, info: this.#describe(text) };
    slots[free === -1 ? (hash + (this.#evict++ % PROBES)) & (SLOTS - 1) : free] = name;
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
