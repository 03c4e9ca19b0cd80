import type { GoJSONOptions } from './go-json.js';
import { goJSONString } from './json-string.js';

/** Encodes one value of a map (the Go-JSON encoder's own value function, passed in). */
export type ValueEncoder = (value: unknown, options: GoJSONOptions, depth: number, path: Set<object> | undefined) => string;

/** A map writer for one key sequence: `{"a":…,"b":…}` with the keys in Go's order. */
export type MapWriter = (record: Record<string, unknown>, encodeValue: ValueEncoder, options: GoJSONOptions, depth: number, path: Set<object> | undefined) => string;

/** How an object's keys are written: the order (indices into its own key list) and each key quoted. */
export interface KeyOrder {
  readonly order: readonly number[];
  /** The quoted keys, in output order, for encoding/json without and with HTML escaping. */
  readonly quoted: readonly [plain: readonly string[], html: readonly string[]];
  /** A writer made for this key sequence, once it has been seen a few times (see {@link mapWriter}). */
  writers: [plain: MapWriter | undefined, html: MapWriter | undefined];
  uses: number;
}

interface Node {
  readonly next: Map<string, Node>;
  order?: KeyOrder;
}

/** Code point order (Go sorts map keys by UTF-8 bytes): an astral character sorts after every BMP one. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff ? x + 0x10000 : x;
    const ys = y >= 0xd800 && y <= 0xdfff ? y + 0x10000 : y;
    return xs < ys ? -1 : 1;
  }
  return a.length - b.length;
}

function sortedOrder(keys: readonly string[]): KeyOrder {
  const order = keys.map((_, i) => i).sort((a, b) => compareCodePoints(keys[a], keys[b]));
  const sorted = order.map((i) => keys[i]);
  return { order, quoted: [sorted.map((k) => goJSONString(k, false)), sorted.map((k) => goJSONString(k, true))], writers: [undefined, undefined], uses: 0 };
}

/** A key sequence seen this often gets a writer of its own. */
const WRITER_AFTER_USES = 8;

/**
 * A function that writes maps of exactly this key sequence with constant property names, so that V8 reads
 * them as fast as a class's fields (the way fast-json-stringify compiles a schema). Keys are embedded as
 * JSON string literals, which are valid JavaScript literals: no key can inject code. Undefined until the
 * sequence has been seen WRITER_AFTER_USES times, or where code generation is not allowed.
 */
export function mapWriter(keys: readonly string[], keyOrder: KeyOrder, html: boolean): MapWriter | undefined {
  const slot = html ? 1 : 0;
  const made = keyOrder.writers[slot];
  if (made !== undefined || ++keyOrder.uses < WRITER_AFTER_USES) return made;
  const quoted = keyOrder.quoted[slot];
  const parts = keyOrder.order.map((index, i) => `${JSON.stringify(`${i === 0 ? '{' : ','}${quoted[i]}:`)} + ev(r[${JSON.stringify(keys[index])}], h, d, p)`);
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see above: only JSON literals are spliced in.
    const writer = new Function('r', 'ev', 'h', 'd', 'p', `return ${parts.join(' + ')} + '}';`) as MapWriter;
    keyOrder.writers[slot] = writer;
    return writer;
  } catch {
    keyOrder.uses = -Infinity;
    return undefined;
  }
}

let root: Node = { next: new Map() };
let nodes = 0;
const MAX_NODES = 50_000;

/**
 * The sorted order of a map's keys, remembered per key sequence: objects built by the same code have the
 * same keys in the same order, so after the first one, writing an object in Go's key order costs one
 * lookup per key instead of a sort. A trie over the keys in their own order finds it; it is bounded, so
 * that keys made from data cannot grow it without end.
 */
export function keyOrder(keys: readonly string[]): KeyOrder {
  let node = root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (child === undefined) {
      if (++nodes > MAX_NODES) {
        root = { next: new Map() };
        nodes = 0;
        return sortedOrder(keys);
      }
      child = { next: new Map() };
      node.next.set(key, child);
    }
    node = child;
  }
  return (node.order ??= sortedOrder(keys));
}
