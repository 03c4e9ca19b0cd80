/**
 * fast-check arbitraries for log entries, each value with what each format reads back: the round-trip and
 * schema tests share them.
 */
import fc from 'fast-check';
import { KObjSlice, KRef } from '@klog-ts/core';
import { DEFAULT_OBJECT_KEYS, type LogValue } from '@klog-ts/ingest';

/** A value to log, and the value each format gives back. */
export interface GenValue {
  readonly value: unknown;
  readonly text: LogValue;
  readonly json: LogValue;
}

/** klog prints "a\nb" and "a\nb\n" alike in text; the reader gives the form with the final line feed. */
export function textString(s: string): string {
  // A string with a line feed and no other line break or control character is printed in klog's multi-line
  // form, which reads back with a final line feed; any other is quoted, and reads back exactly.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
  const multiLine = s.includes('\n') && !/[\u0000-\u0008\u000b-\u001f\u0080-\u009f\u2028\u2029]/.test(s);
  return multiLine && !s.endsWith('\n') ? `${s}\n` : s;
}

const special = fc.constantFrom('\n', '\t', '"', '\\', '\r', '\x00', '\x07', '\x1b', '\x7f', '\u2028', '\u00a0', 'é', '日', '🚀', ' ', '<', '>', '&', '=', '%');
/** Any well-formed string, with the characters that need escaping or multi-line printing made likely. */
export const anyString = fc.string({ unit: fc.oneof(special, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 });

const same = (value: LogValue, original: unknown = value): GenValue => ({ value: original, text: value, json: value });

const stringValue = anyString.map((s): GenValue => ({ value: s, text: textString(s), json: s }));
const errorValue = anyString.map((s): GenValue => ({ value: new Error(s), text: textString(s), json: s }));
const doubleValue = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => same(n));
const intValue = fc.integer().map((n) => same(n));
const safeBigint = fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }).map((b) => same(Number(b), b));
// Integers of Go's int64/uint64 range that no double prints back: they must come back as bigints.
const bigBigint = fc
  .tuple(fc.constantFrom(2n ** 63n - 1n, -(2n ** 63n) + 1n, 2n ** 64n - 1n), fc.bigInt({ min: 0n, max: 1000n }))
  .map(([edge, k]) => {
    const b = edge > 0n ? edge - 2n * k : edge + 2n * k;
    return same(b);
  });
const literalValue = fc.constantFrom(true, false, null).map((v) => same(v));
const undefinedValue = fc.constant<GenValue>({ value: undefined, text: null, json: null });
// Maps and slices of JSON data (Go's encoding/json in both formats): nested numbers stay within doubles.
const jsonData = fc
  .jsonValue({ maxDepth: 3, depthSize: 'small' })
  .filter((v) => typeof v === 'object' && v !== null)
  .map((v) => same(v as LogValue));

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/);
export const objectRef = fc.tuple(fc.oneof(fc.constant(''), dnsLabel), dnsLabel).map(([ns, name]) => KRef(ns, name));
const refValue = objectRef.map((ref): GenValue => ({ value: ref, text: ref, json: ref }));
const refListValue = fc.array(fc.option(objectRef, { nil: null }), { maxLength: 4 }).map((refs): GenValue => ({
  value: KObjSlice(refs),
  text: refs,
  json: refs,
}));

/** A value for an ordinary key. */
export const plainValue: fc.Arbitrary<GenValue> = fc.oneof(
  stringValue,
  errorValue,
  doubleValue,
  intValue,
  safeBigint,
  bigBigint,
  literalValue,
  undefinedValue,
  jsonData,
);

const objectKeySet = new Set(DEFAULT_OBJECT_KEYS);
const reserved = new Set(['ts', 'caller', 'msg', 'v', 'err', 'logger']);
const plainKey = fc
  .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,12}$/)
  .filter((k) => !reserved.has(k) && !objectKeySet.has(k) && !(k.endsWith('s') && objectKeySet.has(k.slice(0, -1))) && !objectKeySet.has(k.replace(/es$/, '')));

/** A key and its value: ordinary keys, object keys with a reference, plural keys with a list of them. */
export const pair: fc.Arbitrary<readonly [string, GenValue]> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(plainKey, plainValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DEFAULT_OBJECT_KEYS), refValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('pods', 'nodes', 'services'), refListValue) },
);

/** One log call: the logger (name, bound values), the call, and where and when it was made. */
export interface GenEntry {
  readonly nanos: bigint;
  readonly pid: number;
  readonly caller: { file: string; line: number } | undefined;
  readonly names: readonly string[];
  readonly bound: readonly (readonly [string, GenValue])[];
  readonly pairs: readonly (readonly [string, GenValue])[];
  readonly kind: 'info' | 'error';
  readonly v: number;
  readonly msg: string;
  readonly err: string | null;
}

const fileName = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/), fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}\.ts$/));

export const entry: fc.Arbitrary<GenEntry> = fc
  .record({
    // 2000-01-01 to 2099-12-31.
    nanos: fc.bigInt({ min: 946_684_800_000_000_000n, max: 4_102_444_799_999_999_999n }),
    pid: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    caller: fc.option(fc.record({ path: fileName, depth: fc.nat(3), line: fc.integer({ min: 1, max: 99_999 }) }), { nil: undefined }),
    names: fc.array(anyString.filter((s) => s !== ''), { maxLength: 2 }),
    pairs: fc.uniqueArray(pair, { selector: ([key]) => key, maxLength: 8 }),
    boundCount: fc.nat(8),
    kind: fc.constantFrom('info' as const, 'error' as const),
    v: fc.nat(9),
    msg: anyString,
    err: fc.option(anyString, { nil: null }),
  })
  .map(({ caller, pairs, boundCount, ...rest }) => ({
    ...rest,
    caller: caller === undefined ? undefined : { file: `/srv/${'a/'.repeat(caller.depth)}${caller.path[0]}/${caller.path[1]}`, line: caller.line },
    bound: pairs.slice(0, Math.min(boundCount, pairs.length)),
    pairs: pairs.slice(Math.min(boundCount, pairs.length)),
  }));

