// Pins registerDataPolicy (src/registry.ts): how a target is named in errors, which targets and policies are
// refused, case-insensitive names, and what each unregister function removes (only its own registration,
// once).
import { describe, expect, it } from 'vitest';
import { createSanitizer, registerDataPolicy, type DataPolicyMatcher } from '../src/index.js';

function matcher(name: string, key: string): DataPolicyMatcher {
  return { name, test: (value) => Object.hasOwn(value, key) };
}

describe('registerDataPolicy errors name the target', () => {
  it('a named class, an anonymous class, a matcher, and anything else by its type', () => {
    class Named {}
    const Anonymous = (() => class {})();
    expect(() => registerDataPolicy(Named, {})).toThrow(new TypeError('registerDataPolicy(Named): the field policy names no field'));
    expect(() => registerDataPolicy(Anonymous, {})).toThrow(new TypeError('registerDataPolicy(anonymous class): the field policy names no field'));
    expect(() => registerDataPolicy(matcher('m', 'a'), {})).toThrow(new TypeError('registerDataPolicy(m): the field policy names no field'));
    const noName = { name: 5, test: () => true } as unknown as DataPolicyMatcher;
    expect(() => registerDataPolicy(noName, {})).toThrow(new TypeError('registerDataPolicy(object): the field policy names no field'));
    expect(() => registerDataPolicy(null as never, 'token')).toThrow(new TypeError('registerDataPolicy(object): the target must be a class or an object with test(value)'));
    expect(() => registerDataPolicy(7 as never, 'token')).toThrow(new TypeError('registerDataPolicy(number): the target must be a class or an object with test(value)'));
    expect(() => registerDataPolicy('C' as never, 'token')).toThrow(new TypeError('registerDataPolicy(string): the target must be a class or an object with test(value)'));
    expect(() => registerDataPolicy(undefined as never, 'token')).toThrow(new TypeError('registerDataPolicy(undefined): the target must be a class or an object with test(value)'));
    expect(() => registerDataPolicy({ name: 'x', test: true } as never, 'token')).toThrow(new TypeError('registerDataPolicy(x): the target must be a class or an object with test(value)'));
  });

  it('a policy that is neither kinds nor fields, by its type', () => {
    class C {}
    expect(() => registerDataPolicy(C, null as never)).toThrow(new TypeError('registerDataPolicy(C): the policy must be kinds ("security-key") or { field: kinds }, not object'));
    expect(() => registerDataPolicy(C, 42 as never)).toThrow(new TypeError('registerDataPolicy(C): the policy must be kinds ("security-key") or { field: kinds }, not number'));
    expect(() => registerDataPolicy(C, undefined as never)).toThrow(new TypeError('registerDataPolicy(C): the policy must be kinds ("security-key") or { field: kinds }, not undefined'));
  });

  it('a function without an object prototype', () => {
    const arrow = (): void => undefined;
    function nullPrototype(): void {}
    nullPrototype.prototype = null;
    for (const target of [arrow, nullPrototype]) {
      expect(() => registerDataPolicy(target as never, 'token')).toThrow(new TypeError(`registerDataPolicy(${target.name}): a class (with a prototype) or a matcher is required`));
    }
  });

  it('Object and Array themselves, which plain data has as its class; their subclasses are accepted', () => {
    for (const target of [Object, Array]) {
      for (const policy of ['token', { owner: 'token' }] as const) {
        expect(() => registerDataPolicy(target, policy)).toThrow(
          new TypeError(`registerDataPolicy(${target.name}): plain objects and arrays cannot be registered as a class; register a subclass, or a matcher that picks the values`),
        );
      }
    }
    class Tokens extends Array<string> {}
    const unregister = registerDataPolicy(Tokens, 'token');
    try {
      expect(createSanitizer().sanitize({ list: Tokens.from(['t1']), plain: ['p1'] })).toStrictEqual({ list: '[REDACTED:token]', plain: ['p1'] });
    } finally {
      unregister();
    }
  });
});

describe('registered policies', () => {
  it('a list of kinds marks the whole value', () => {
    class Pair {
      a = 1;
    }
    const unregister = registerDataPolicy(Pair, ['token', 'password']);
    try {
      expect(createSanitizer().sanitize({ p: new Pair() })).toStrictEqual({ p: '[REDACTED:password,token]' });
    } finally {
      unregister();
    }
  });

  it('field names are matched exactly unless caseInsensitive is true', () => {
    class Env {
      Token = 't';
      token = 'u';
    }
    const exact = registerDataPolicy(Env, { Token: 'token' }, { caseInsensitive: false });
    try {
      expect({ ...createSanitizer().sanitize(new Env()) }).toStrictEqual({ Token: '[REDACTED:token]', token: 'u' });
    } finally {
      exact();
    }
    const loose = registerDataPolicy(Env, { TOKEN: 'token' }, { caseInsensitive: true });
    try {
      expect({ ...createSanitizer().sanitize(new Env()) }).toStrictEqual({ Token: '[REDACTED:token]', token: '[REDACTED:token]' });
    } finally {
      loose();
    }
    const truthy = registerDataPolicy(Env, { TOKEN: 'token' }, { caseInsensitive: 1 as never });
    try {
      expect(createSanitizer().sanitize(new Env())).toStrictEqual(new Env());
    } finally {
      truthy();
    }
  });

  it('two spellings of one case-insensitive name both apply, and names outside ASCII fold as they are', () => {
    class Form {
      token = 't';
      straße = 's';
    }
    const unregister = registerDataPolicy(Form, { Token: 'token', TOKEN: 'password', 'straße': 'security-key' }, { caseInsensitive: true });
    try {
      expect({ ...createSanitizer().sanitize(new Form()) }).toStrictEqual({ token: '[REDACTED:password,token]', straße: '[REDACTED:security-key]' });
    } finally {
      unregister();
    }
  });

  it("a class's unregister removes only its own registration, and only once", () => {
    class Account {
      pin = '1234';
      key = 'k';
    }
    const first = registerDataPolicy(Account, { pin: 'password' });
    const second = registerDataPolicy(Account, { key: 'token' });
    try {
      first();
      expect({ ...createSanitizer().sanitize(new Account()) }).toStrictEqual({ pin: '1234', key: '[REDACTED:token]' });
    } finally {
      second();
    }
    const account = new Account();
    expect(createSanitizer().sanitize(account)).toBe(account);
  });

  it("a matcher's unregister removes only its own matcher, and a second call removes nothing", () => {
    const unregisterPin = registerDataPolicy(matcher('has-pin', 'pin'), { pin: 'password' });
    const unregisterKey = registerDataPolicy(matcher('has-key', 'key'), { key: 'token' });
    try {
      unregisterPin();
      unregisterPin();
      expect(createSanitizer().sanitize({ pin: '1', key: 'k' })).toStrictEqual({ pin: '1', key: '[REDACTED:token]' });
      expect(createSanitizer().sanitize([{ key: 'k' }])).toStrictEqual([{ key: '[REDACTED:token]' }]);
    } finally {
      unregisterKey();
    }
    const plain = { pin: '1', key: 'k' };
    expect(createSanitizer().sanitize(plain)).toBe(plain);
  });
});
