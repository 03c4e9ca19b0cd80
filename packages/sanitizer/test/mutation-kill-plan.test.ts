// Pins how the scanner classifies a class (src/plan.ts): the base type of each built-in and of a subclass,
// prototypes directly and through a chain (one that ends in a null-prototype object too), and the nearer
// registration of a field winning over a farther one.
import { Format, Formatted, ObjectRef, ObjectRefList } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer, registerDataPolicy, secret, Secret } from '../src/index.js';
import { planFor, type PlanType } from '../src/plan.js';

const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };

describe('the plan of a class', () => {
  it('each built-in, by its own prototype and by a subclass', () => {
    const cases: [{ prototype: object }, PlanType][] = [
      [Date, 'leaf'],
      [RegExp, 'leaf'],
      [ArrayBuffer, 'leaf'],
      [SharedArrayBuffer, 'leaf'],
      [DataView, 'leaf'],
      [typedArray, 'leaf'],
      [Uint8Array, 'leaf'],
      [Float64Array, 'leaf'],
      [Buffer, 'leaf'],
      [Promise, 'leaf'],
      [WeakMap, 'leaf'],
      [WeakSet, 'leaf'],
      [WeakRef, 'leaf'],
      [ObjectRef, 'leaf'],
      [ObjectRefList, 'leaf'],
      [String, 'boxed'],
      [Number, 'boxed'],
      [Boolean, 'boxed'],
      [Formatted, 'formatted'],
      [Array, 'array'],
      [Map, 'map'],
      [Set, 'set'],
      [Error, 'error'],
      [TypeError, 'error'],
      [Headers, 'headers'],
      [Secret, 'secret'],
      [class Struct {}, 'struct'],
    ];
    for (const [type, expected] of cases) {
      expect([type, planFor(type.prototype).type]).toStrictEqual([type, expected]);
      const Sub = class extends (type as new () => object) {};
      expect([type, planFor(Sub.prototype).type]).toStrictEqual([type, expected]);
    }
    expect(planFor(Object.getPrototypeOf(Format('x')) as object).type).toBe('formatted');
    expect(planFor(Object.getPrototypeOf(secret('t', 'token')) as object).type).toBe('secret');
  });

  it('an object whose prototype chain ends in a null-prototype object is a struct, and is scanned', () => {
    const base = Object.create(null) as object;
    expect(planFor(base).type).toBe('struct');
    const value = Object.assign(Object.create(base) as object, { password: 'p', ok: 1 });
    const out = createSanitizer({ keys: true }).sanitize(value);
    expect(Object.getPrototypeOf(out)).toBe(base);
    expect({ ...out }).toStrictEqual({ password: '[REDACTED:password]', ok: 1 });
  });

  it('the nearer class in the chain wins, for fields and for the whole value', () => {
    class Base {
      a = 'a';
      b = 'b';
    }
    class Middle extends Base {}
    class Derived extends Middle {}
    const unregister = [registerDataPolicy(Base, { a: 'token', b: 'token' }), registerDataPolicy(Derived, { a: 'password' })];
    try {
      expect({ ...createSanitizer().sanitize(new Derived()) }).toStrictEqual({ a: '[REDACTED:password]', b: '[REDACTED:token]' });
      expect({ ...createSanitizer().sanitize(new Middle()) }).toStrictEqual({ a: '[REDACTED:token]', b: '[REDACTED:token]' });
      unregister.push(registerDataPolicy(Base, 'security-key'), registerDataPolicy(Middle, 'password'));
      expect(createSanitizer().sanitize([new Derived(), new Base()])).toStrictEqual(['[REDACTED:password]', '[REDACTED:security-key]']);
    } finally {
      for (const remove of unregister) remove();
    }
  });
});
