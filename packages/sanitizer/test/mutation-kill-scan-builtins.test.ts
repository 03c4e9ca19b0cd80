// Pins how the scanner reads String, Number and Boolean objects and tagged built-ins it does not copy
// (src/scan-builtins.ts): each boxed type's own primitive, a throwing field getter, the order of the kinds.
import { describe, expect, it } from 'vitest';
import { createSanitizer, datapolicy } from '../src/index.js';

describe('boxed primitives and opaque built-ins', () => {
  it('keeps Number and Boolean objects as they are, with and without detectors', () => {
    // Each boxed type is read through its own valueOf (another type's would throw: unreadable).
    for (const detectors of [true, false] as const) {
      const value = { n: new Number(5), b: new Boolean(true), s: new String('plain') };
      expect(createSanitizer({ detectors }).sanitize(value)).toBe(value);
    }
  });

  it('turns a Number object whose own field cannot be read into its primitive', () => {
    // A throwing getter on a named field counts as redacted (unreadable): the object is replaced by its primitive.
    const n = new Number(7);
    Object.defineProperty(n, 'extra', {
      enumerable: true,
      get(): never {
        throw new Error('no');
      },
    });
    expect(createSanitizer().sanitize({ n })).toEqual({ n: 7 });
  });

  it('lists the kinds of a redacted opaque built-in sorted, whatever the order of its fields', () => {
    class Stamp extends Date {
      @datapolicy('token') first = 'tok-1';
      @datapolicy('password') second = 'pin-1';
    }
    expect(createSanitizer().sanitize({ stamp: new Stamp(0) })).toEqual({ stamp: '[REDACTED:password,token]' });
  });
});
