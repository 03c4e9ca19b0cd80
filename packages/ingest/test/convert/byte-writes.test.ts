import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalMillis, move, put, putShortest, putTextTime, secondDigits } from '../../src/convert/byte-writes.js';

const LOW = 2 ** 40;
const HIGH = 2 ** 41;
/** A whole millisecond from 2004 to 2039 (fc.integer stops at 2^31). */
const wholeMillis = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((x) => LOW + Math.floor(x * (HIGH - LOW)));
const millis = fc.tuple(wholeMillis, fc.integer({ min: 0, max: 4095 })).map(([whole, k]) => whole + k / 4096);

function shortest(n: number): string {
  const bytes = new Uint8Array(64);
  return Buffer.from(bytes.subarray(0, putShortest(bytes, 0, n))).toString('latin1');
}

describe('bytes copied', () => {
  it('move copies the input to the output, and put a constant, byte for byte at any length and offset', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), fc.nat(7), fc.nat(7), (bytes, from, at) => {
        const b = Buffer.alloc(200, 0xee);
        b.set(bytes, from);
        expect(move(b, 100 + at, from, from + bytes.length)).toBe(100 + at + bytes.length);
        expect([...b.subarray(100 + at, 100 + at + bytes.length)]).toEqual([...bytes]);
        expect(b[100 + at + bytes.length]).toBe(0xee);
        expect(put(b, at, bytes)).toBe(at + bytes.length);
        expect([...b.subarray(at, at + bytes.length)]).toEqual([...bytes]);
      }),
      { numRuns: 2000, seed: 44 },
    );
  });
});

describe('numbers written and read without strings', () => {
  it('putShortest writes what String(n) writes (epoch milliseconds, and any other number)', () => {
    fc.assert(fc.property(millis, (n) => {
      expect(shortest(n)).toBe(String(n));
    }), { numRuns: 20_000, seed: 40 });
    fc.assert(fc.property(fc.double({ noNaN: true }), (n) => {
      expect(shortest(n)).toBe(String(n));
    }), { numRuns: 2000, seed: 41 });
    // Every 4096th of one millisecond, and microseconds as Kubernetes' ts makes them (float64(UnixNano)/1e6).
    for (let k = 0; k < 4096; k++) expect(shortest(1709802303012 + k / 4096)).toBe(String(1709802303012 + k / 4096));
    for (let us = 1709802303012000; us < 1709802303022000; us++) expect(shortest((us * 1000) / 1e6)).toBe(String((us * 1000) / 1e6));
  });

  it('putTextTime writes what String(n) writes for float64(UnixNano)/1e6 of a text time (2004-2039, and outside)', () => {
    const textTime = (secondMs: number, micros: number): string => {
      const bytes = new Uint8Array(64);
      return Buffer.from(bytes.subarray(0, putTextTime(bytes, 0, secondMs, secondDigits(secondMs), micros))).toString('latin1');
    };
    const second = wholeMillis.map((ms) => ms - (ms % 1000));
    fc.assert(fc.property(second, fc.integer({ min: 0, max: 999_999 }), (secondMs, micros) => {
      expect(textTime(secondMs, micros)).toBe(String(((secondMs * 1000 + micros) * 1000) / 1e6));
    }), { numRuns: 20_000, seed: 43 });
    for (const secondMs of [1709802303000, 946684800000, 4102444799000]) {
      for (let micros = 0; micros < 1_000_000; micros += 7) expect(textTime(secondMs, micros)).toBe(String(((secondMs * 1000 + micros) * 1000) / 1e6));
    }
  });

  it('decimalMillis reads a decimal as JSON.parse does, and declines what it cannot', () => {
    fc.assert(
      fc.property(wholeMillis, fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (whole, digits, at) => {
        const fraction = Math.min(10 ** digits - 1, Math.floor(at * 10 ** digits));
        const text = `${whole}.${String(fraction).padStart(digits, '0')}`;
        expect(decimalMillis(whole, fraction, digits)).toBe(JSON.parse(text));
      }),
      { numRuns: 20_000, seed: 42 },
    );
    expect(decimalMillis(12, 5, 1)).toBeUndefined();
    expect(decimalMillis(LOW, 5, 13)).toBeUndefined();
  });
});
