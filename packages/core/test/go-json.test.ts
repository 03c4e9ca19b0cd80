import { describe, expect, it } from 'vitest';
import { KRef, marshalLog } from '@klog-ts/core';
import { goJSON, GoJSONError } from '../src/go/go-json.js';

describe("Go's encoding/json for JavaScript values", () => {
  it('sorts map keys by code point, as Go sorts UTF-8 bytes (an astral key after U+E000)', () => {
    expect(goJSON({ '😀': 1, '\ue000': 2, a: 3, B: 4, '10': 5, '9': 6 }, false)).toBe('{"10":5,"9":6,"B":4,"a":3,"\ue000":2,"😀":1}');
    // The same key sequence again takes the remembered order.
    expect(goJSON({ '😀': 0, '\ue000': 0, a: 0, B: 0, '10': 0, '9': 0 }, false)).toBe('{"10":0,"9":0,"B":0,"a":0,"\ue000":0,"😀":0}');
  });

  it('keeps a class instance\'s field order (a struct) and sorts Map keys', () => {
    class Pod { zeta = 1; alpha = 'x'; }
    expect(goJSON(new Pod(), false)).toBe('{"zeta":1,"alpha":"x"}');
    expect(goJSON(new Map<unknown, unknown>([[2, 'b'], [1, 'a']]), false)).toBe('{"1":"a","2":"b"}');
  });

  it('writes slices, bytes, dates, refs and toJSON as Go would', () => {
    expect(goJSON([new Set([1, 2]), new Uint16Array([3]), new Uint8Array([104, 105])], false)).toBe('[[1,2],[3],"aGk="]');
    expect(goJSON({ t: new Date('2024-03-07T09:05:03.010Z'), r: KRef('', 'n') }, false)).toBe('{"r":{"name":"n"},"t":"2024-03-07T09:05:03.01Z"}');
    expect(goJSON({ j: { toJSON: () => ['x'] }, m: { [marshalLog]: () => 'ignored when nested' } }, false)).toBe('{"j":["x"],"m":{}}');
    expect(goJSON({ z: -0, big: 2n ** 64n, f: 1e21, s: 1e-7, u: undefined }, false)).toBe('{"big":18446744073709551616,"f":1e+21,"s":1e-7,"u":null,"z":-0}');
  });

  it('escapes like Go, with and without HTML escaping', () => {
    expect(goJSON({ s: '<a>&\u2028\ud800"\\\n\b' }, true)).toBe('{"s":"\\u003ca\\u003e\\u0026\\u2028\\ufffd\\"\\\\\\n\\b"}');
    expect(goJSON({ s: '<a>&' }, false)).toBe('{"s":"<a>&"}');
  });

  it('reports what Go cannot encode, including cycles below its detection depth', () => {
    expect(() => goJSON({ n: Number.NaN }, false)).toThrow(new GoJSONError('json: unsupported value: NaN'));
    expect(() => goJSON({ f: () => 1 }, false)).toThrow('json: unsupported type: func()');
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 600; i++) at = (at.next = {});
    expect(goJSON(deep, false).length).toBeGreaterThan(600 * 8);
    at.next = deep;
    // A cycle this long may exhaust the stack before it is seen again: either way, an error, not a crash.
    expect(() => goJSON(deep, false)).toThrow(GoJSONError);
    const short: Record<string, unknown> = { a: {} };
    (short.a as Record<string, unknown>).back = short;
    expect(() => goJSON(short, false)).toThrow('json: unsupported value: encountered a cycle via map[string]interface {}');
  });
});

describe('a key sequence seen often gets a writer of its own', () => {
  it('writes exactly what the general path writes, for keys that need escaping too', () => {
    const make = (n: number): Record<string, unknown> => JSON.parse(
      `{"z\\"q":${n},"\\u2028line":"a<b","😀":[${n}],"__proto__":{"own":true},"a\\\\b":null,"10":"ten","constructor":"c"}`,
    ) as Record<string, unknown>;
    const expected = (n: number, html: boolean): string =>
      `{"10":"ten","__proto__":{"own":true},"a\\\\b":null,"constructor":"c","z\\"q":${n},"\\u2028line":"a${html ? '\\u003c' : '<'}b","😀":[${n}]}`;
    for (let n = 0; n < 20; n++) {
      expect(goJSON(make(n), false)).toBe(expected(n, false));
      expect(goJSON(make(n), true)).toBe(expected(n, true));
    }
  });
});

describe('boxed primitives', () => {
  it('are written as their primitive value, as JSON.stringify writes them', () => {
    expect(goJSON({ s: new String('a"b'), n: new Number(1.5), b: new Boolean(false) }, false)).toBe('{"b":false,"n":1.5,"s":"a\\"b"}');
  });
});
