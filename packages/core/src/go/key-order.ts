import { goJSONString } from './json-string.js';

/** How an object's keys are written: the order (indices into its own key list) and each key quoted. */
export interface KeyOrder {
  readonly order: readonly number[];
  /** The quoted keys, in output order, for encoding/json without and with HTML escaping. */
  readonly quoted: readonly [plain: readonly string[], html: readonly string[]];
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
  return { order, quoted: [sorted.map((k) => goJSONString(k, false)), sorted.map((k) => goJSONString(k, true))] };
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
