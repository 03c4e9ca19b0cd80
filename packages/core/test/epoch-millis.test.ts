import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochMillis, unixNanos } from '../src/json/epoch-millis.js';

describe('the JSON ts of a time with nanoseconds', () => {
  it('rounds UnixNano to a float64 once, as Go does (checked against exact bigint arithmetic)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 42), max: 2 ** 43 }), fc.integer({ min: 0, max: 999_999 }), (ms, ns) => {
        expect(unixNanos(ms, ns)).toBe(Number(BigInt(ms) * 1_000_000n + BigInt(ns)));
      }),
      { seed: 20_261_207, numRuns: 20_000 },
    );
  });

  it('prints the shortest digits without an exponent', () => {
    expect(epochMillis(1_709_802_303_012, 345_678)).toBe('1709802303012.3457');
    expect(epochMillis(0, 123)).toBe('0.000123');
    expect(epochMillis(1_735_689_599_000, 0)).toBe('1735689599000');
  });
});
