// Pins how the sources of an object's policy combine (src/field-tags.ts, src/object-policy.ts): a field tagged
// by several sources gets all their kinds, case-insensitive names add to exact ones, a whole-value policy wins
// over fields and several unite, and the cached combinations follow registrations that come and go.
import { describe, expect, it } from 'vitest';
import { createSanitizer, datapolicy, registerDataPolicy, type DataPolicyMatcher } from '../src/index.js';

function hasKey(key: string): DataPolicyMatcher {
  return { name: `has-${key}`, test: (value) => Object.hasOwn(value, key) };
}

/** Runs `fn` with the registrations made by `register`, removed afterwards. */
function registered(register: () => (() => void)[], fn: () => void): void {
  const removers = register();
  try {
    fn();
  } finally {
    for (const remove of removers) remove();
  }
}

describe('several policy sources for one object', () => {
  it('a registration and a decorator on the same field: both kinds', () => {
    class Login {
      @datapolicy('token') pin = '1';
      user = 'u';
    }
    registered(
      () => [registerDataPolicy(Login, { pin: 'password' })],
      () => expect({ ...createSanitizer().sanitize(new Login()) }).toStrictEqual({ pin: '[REDACTED:password,token]', user: 'u' }),
    );
  });

  it('a case-insensitive registration adds its kinds to exact names, and tags other cases alone', () => {
    class Env {
      @datapolicy('token') pin = '1';
      PIN = '2';
      other = '3';
    }
    registered(
      () => [registerDataPolicy(Env, { Pin: 'api-key' }, { caseInsensitive: true })],
      () => expect({ ...createSanitizer().sanitize(new Env()) }).toStrictEqual({ pin: '[REDACTED:api-key,token]', PIN: '[REDACTED:api-key]', other: '3' }),
    );
  });

  it('two case-insensitive sources unite their kinds', () => {
    class Env {
      Key = '1';
    }
    class Child extends Env {}
    registered(
      () => [registerDataPolicy(Env, { KEY: 'token' }, { caseInsensitive: true }), registerDataPolicy(hasKey('Key'), { key: 'api-key' }, { caseInsensitive: true })],
      () => expect({ ...createSanitizer().sanitize(new Child()) }).toStrictEqual({ Key: '[REDACTED:api-key,token]' }),
    );
  });

  it('a matcher and a class registration: fields unite, a whole-value policy wins, two whole-value policies unite', () => {
    class Account {
      key = 'k';
      pin = 'p';
      user = 'u';
    }
    registered(
      () => [registerDataPolicy(Account, { key: 'password' }), registerDataPolicy(hasKey('key'), { key: 'token', pin: 'password' })],
      () => expect({ ...createSanitizer().sanitize(new Account()) }).toStrictEqual({ key: '[REDACTED:password,token]', pin: '[REDACTED:password]', user: 'u' }),
    );
    registered(
      () => [registerDataPolicy(Account, { key: 'password' }), registerDataPolicy(hasKey('pin'), 'security-key')],
      () => expect(createSanitizer().sanitize([new Account()])).toStrictEqual(['[REDACTED:security-key]']),
    );
    registered(
      () => [registerDataPolicy(Account, 'password'), registerDataPolicy(hasKey('pin'), 'security-key'), registerDataPolicy(hasKey('user'), ['password'])],
      () => expect(createSanitizer().sanitize([new Account()])).toStrictEqual(['[REDACTED:password,security-key]']),
    );
  });

  it('the combination follows a matcher that is removed and one that is added', () => {
    registered(
      () => [registerDataPolicy(hasKey('a'), { a: 'token' })],
      () => {
        const value = { a: '1', b: '2' };
        const unregisterB = registerDataPolicy(hasKey('b'), { b: 'password', a: 'password' });
        expect(createSanitizer().sanitize(value)).toStrictEqual({ a: '[REDACTED:password,token]', b: '[REDACTED:password]' });
        unregisterB();
        expect(createSanitizer().sanitize(value)).toStrictEqual({ a: '[REDACTED:token]', b: '2' });
        registered(
          () => [registerDataPolicy(hasKey('b'), { b: 'api-key' })],
          () => expect(createSanitizer().sanitize(value)).toStrictEqual({ a: '[REDACTED:token]', b: '[REDACTED:api-key]' }),
        );
      },
    );
  });

  it('an instance built outside its class and matched by a matcher: both apply', () => {
    class Login {
      @datapolicy('password') password = 'p';
      token = 't';
    }
    class Unrelated {}
    const built = Reflect.construct(Login, [], Unrelated) as object;
    registered(
      () => [registerDataPolicy(hasKey('token'), { token: 'token' })],
      () => expect({ ...createSanitizer().sanitize(built) }).toStrictEqual({ password: '[REDACTED:password]', token: '[REDACTED:token]' }),
    );
  });
});
