// Pins what @datapolicy (src/datapolicy.ts) accepts, what it tags and what it refuses, as a standard and as a legacy decorator.
import { describe, expect, it } from 'vitest';
import { datapolicy, sanitize } from '../src/index.js';

/** `@datapolicy(...kinds)` called as a legacy decorator is: (target, key, descriptor). */
function legacy(...kinds: string[]): (target: unknown, key: string | symbol, descriptor?: unknown) => void {
  return datapolicy(...kinds) as unknown as (target: unknown, key: string | symbol, descriptor?: unknown) => void;
}

/** A class with no tags of its own, for a legacy decorator to tag by hand. */
function untagged(): new () => { pin: string } {
  return class {
    pin = '1234';
  };
}

describe('@datapolicy as a legacy decorator: what it applies to', () => {
  it('refuses a parameter (its third argument is the index), naming it and the kinds', () => {
    const Cls = untagged();
    expect(() => legacy('password')(Cls.prototype, 'method', 0)).toThrow(new TypeError('@datapolicy(password) applies to class fields only, not to a parameter'));
  });

  it('refuses a setter-only accessor, like a getter', () => {
    const Cls = untagged();
    expect(() => legacy('token')(Cls.prototype, 'pin', { set: () => undefined, enumerable: false, configurable: true })).toThrow(
      new TypeError('@datapolicy(token) applies to class fields only, not to an accessor'),
    );
  });

  it('names every kind, sorted and joined by ", ", in the message', () => {
    const Cls = untagged();
    expect(() => legacy('token', 'password')(Cls.prototype, 'm', { value: () => 1, writable: true, enumerable: false, configurable: true })).toThrow(
      new TypeError('@datapolicy(password, token) applies to class fields only, not to a method'),
    );
  });

  it("tags a field given Babel's legacy field descriptor (an initializer, no value) or a null descriptor", () => {
    const Babel = untagged();
    legacy('password')(Babel.prototype, 'pin', { configurable: true, enumerable: true, writable: true, initializer: () => '1234' });
    expect(sanitize(new Babel()).pin).toBe('[REDACTED:password]');
    const Nulled = untagged();
    legacy('token')(Nulled.prototype, 'pin', null);
    expect(sanitize(new Nulled()).pin).toBe('[REDACTED:token]');
  });

  it("ignores a static field's target (the constructor): not even an object made from it is tagged", () => {
    const Cls = untagged();
    legacy('password')(Cls, 'pin');
    const made = Object.assign(Object.create(Cls) as object, { pin: '1234' });
    expect(sanitize(made)).toBe(made);
    expect(sanitize(new Cls()).pin).toBe('1234');
  });

  it('ignores a target that is not an object, as a hand-made call may pass', () => {
    expect(() => legacy('password')(null, 'pin')).not.toThrow();
    expect(() => legacy('password')(undefined, 'pin')).not.toThrow();
  });

  it('accepts a symbol-keyed field without effect', () => {
    const Cls = untagged();
    const key = Symbol('pin');
    expect(() => legacy('password')(Cls.prototype, key)).not.toThrow();
    const value = new Cls();
    expect(sanitize(value)).toBe(value);
  });
});

describe('@datapolicy as a standard decorator: what it applies to', () => {
  it('refuses a call without a decorator context, saying so', () => {
    expect(() => (datapolicy('password') as unknown as (value: undefined, context: undefined) => void)(undefined, undefined)).toThrow(
      new TypeError('@datapolicy(password) applies to class fields only, and was called without a decorator context'),
    );
  });

  it('leaves an instance field alone when only the static field of that name is tagged', () => {
    class Shared {
      @datapolicy('password') static pin = 'static';
      pin = 'instance';
    }
    const value = new Shared();
    expect(sanitize(value)).toBe(value);
    expect(Shared.pin).toBe('static');
  });
});
