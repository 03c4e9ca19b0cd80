// Pins datapolicy kinds (src/kinds.ts): which names are kinds, how lists are normalized, and the marker text.
import { describe, expect, it, vi } from 'vitest';
import { createSanitizer, datapolicy, redactionMarker, secret } from '../src/index.js';
import { expectConfigError, invalidKind, thrownBy } from './mutation-helpers.js';

/** The TypeError that `secret(value, kind)` throws for a bad kind. */
function secretKindError(kind: unknown): unknown {
  return thrownBy(() => secret('v', kind as never));
}

describe('kinds: names', () => {
  it('accepts a lowercase letter followed by lowercase letters, digits and dashes', () => {
    for (const kind of ['a', 'password', 'token', 'security-key', 'api-key', 'x9', 'a-', 'a--b', 'k8s-token']) {
      expect(String(secret('v', kind))).toBe(`[REDACTED:${kind}]`);
    }
  });

  it('rejects anything else, quoting the kind (TypeError naming where)', () => {
    for (const kind of ['', 'Bad', 'bAd', '1abc', '-abc', 'abc!', 'a_b', 'a b', 'a.b', ' abc', 'abc ', 'abc\n', 'é']) {
      const error = secretKindError(kind);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toBe(`secret(): ${invalidKind(JSON.stringify(kind))}`);
    }
  });

  it('quotes a kind that is not a string as JSON, or by String() when JSON has nothing to say', () => {
    expect((secretKindError(5) as Error).message).toBe(`secret(): ${invalidKind('5')}`);
    expect((secretKindError(null) as Error).message).toBe(`secret(): ${invalidKind('null')}`);
    expect((secretKindError({ a: 1 }) as Error).message).toBe(`secret(): ${invalidKind('{"a":1}')}`);
    expect((secretKindError(Symbol('k')) as Error).message).toBe(`secret(): ${invalidKind('Symbol(k)')}`);
    expect((thrownBy(() => datapolicy(undefined as never)) as Error).message).toBe(`@datapolicy: ${invalidKind('undefined')}`);
  });

  it('requires at least one kind', () => {
    expect(thrownBy(() => datapolicy())).toBeInstanceOf(TypeError);
    expect((thrownBy(() => datapolicy()) as Error).message).toBe('@datapolicy: at least one datapolicy kind is required');
    expect((secretKindError([]) as Error).message).toBe('secret(): at least one datapolicy kind is required');
  });

  it('checks every kind of a list, not only the first', () => {
    expect((thrownBy(() => datapolicy('password', 'Token')) as Error).message).toBe(`@datapolicy: ${invalidKind('"Token"')}`);
  });
});

describe('kinds: lists are sorted and without duplicates', () => {
  it('whatever order and repetition they were given in', () => {
    class Account {
      @datapolicy('token', 'password', 'token') key = 'k';
    }
    expect({ ...createSanitizer().sanitize(new Account()) }).toStrictEqual({ key: '[REDACTED:password,token]' });
    expect(createSanitizer({ keys: { pin: ['token', 'password', 'password'] } }).sanitize({ pin: 1 })).toStrictEqual({ pin: '[REDACTED:password,token]' });
    expect(createSanitizer({ paths: { 'a.b': ['zz', 'aa', 'mm'] } }).sanitize({ b: 1 })).toStrictEqual({ b: 1 });
    expect(createSanitizer({ paths: { '*.b': ['zz', 'aa', 'mm'] } }).sanitize({ b: 1 })).toStrictEqual({ b: '[REDACTED:aa,mm,zz]' });
  });
});

describe('kinds: options give a ConfigError naming the setting', () => {
  it('for a key and for a path', () => {
    expectConfigError(() => createSanitizer({ keys: { pin: 5 as never } }), 'sanitizer key "pin"', 5, invalidKind('5'));
    const sym = Symbol('k');
    expectConfigError(() => createSanitizer({ keys: { pin: sym as never } }), 'sanitizer key "pin"', sym, invalidKind('Symbol(k)'));
    const list = ['token', 'Bad'];
    expectConfigError(() => createSanitizer({ paths: { 'a.b': list } }), 'sanitizer path "a.b"', list, invalidKind('"Bad"'));
    const none: string[] = [];
    expectConfigError(() => createSanitizer({ paths: { 'a.b': none } }), 'sanitizer path "a.b"', none, 'at least one datapolicy kind is required');
  });
});

describe('kinds: the redaction marker', () => {
  it('is [REDACTED:<kinds>], the kinds joined by commas in the order given', () => {
    expect(redactionMarker('password')).toBe('[REDACTED:password]');
    expect(redactionMarker('api-key')).toBe('[REDACTED:api-key]');
    expect(redactionMarker(['token'])).toBe('[REDACTED:token]');
    expect(redactionMarker(['password', 'token'])).toBe('[REDACTED:password,token]');
    expect(redactionMarker(['token', 'password', 'x'])).toBe('[REDACTED:token,password,x]');
    expect(redactionMarker(Object.freeze(['password', 'token']))).toBe('[REDACTED:password,token]');
  });

  // Before the next test, which fills the marker cache past its limit (a full cache caches nothing more).
  it('follows a list that is not frozen when it changes', () => {
    const kinds = ['password'];
    expect(redactionMarker(kinds)).toBe('[REDACTED:password]');
    kinds[0] = 'token';
    expect(redactionMarker(kinds)).toBe('[REDACTED:token]');
    kinds.push('x');
    expect(redactionMarker(kinds)).toBe('[REDACTED:token,x]');
  });

  it('is the same text when asked again (cached), for strings and frozen lists alike', () => {
    const frozen = Object.freeze(['a', 'b']);
    expect(redactionMarker(frozen)).toBe('[REDACTED:a,b]');
    expect(redactionMarker(frozen)).toBe('[REDACTED:a,b]');
    expect(redactionMarker('c')).toBe('[REDACTED:c]');
    expect(redactionMarker('c')).toBe('[REDACTED:c]');
    for (let i = 0; i < 1100; i++) expect(redactionMarker(`k${i}`)).toBe(`[REDACTED:k${i}]`);
    expect(redactionMarker('k1099')).toBe('[REDACTED:k1099]');
  });

  it('keeps at most 1024 markers of single kinds cached, however many kinds it is asked for', () => {
    // redactionMarker is public, so its kinds are not only those of the options. The cache is a Map, looked
    // up for every kind: find it by the kinds asked for, and read its size afterwards (earlier tests may have filled it).
    const get = vi.spyOn(Map.prototype, 'get');
    const caches = new Set<Map<unknown, unknown>>();
    try {
      for (let i = 0; i < 1100; i++) expect(redactionMarker(`many-kinds-${i}`)).toBe(`[REDACTED:many-kinds-${i}]`);
      for (const [index, [key]] of get.mock.calls.entries()) {
        if (typeof key === 'string' && key.startsWith('many-kinds-')) caches.add(get.mock.contexts[index] as Map<unknown, unknown>);
      }
    } finally {
      get.mockRestore();
    }
    expect(caches.size).toBe(1);
    for (const cache of caches) expect(cache.size).toBeLessThanOrEqual(1024);
  });
});

describe('kinds: a tagged field that already holds a marker', () => {
  class Login {
    @datapolicy('password') password: unknown;

    constructor(password: unknown) {
      this.password = password;
    }
  }

  it('is kept only when it is already the marker of its own kinds; a copy the sanitizer made is kept as it is', () => {
    const sanitizer = createSanitizer();
    const own = new Login('[REDACTED:password]');
    expect(sanitizer.sanitize(own)).toBe(own);
    // A marker of other kinds is a value like any other (a secret may be shaped like a marker).
    for (const marker of ['[REDACTED:token]', '[REDACTED:]', '[REDACTED:]]']) {
      expect({ ...sanitizer.sanitize(new Login(marker)) }).toStrictEqual({ password: '[REDACTED:password]' });
    }
    const copy = sanitizer.sanitize(new Login('hunter2'));
    expect(sanitizer.sanitize(copy)).toBe(copy);
  });

  it('is redacted when it only looks like a marker, or is not a string', () => {
    const sanitizer = createSanitizer();
    for (const value of ['[REDACTED:password', 'REDACTED:password]', ' [REDACTED:password]', '[REDACTED:password] ', '[redacted:password]', '[REDACTED', 42, ['[REDACTED:password]']]) {
      expect({ ...sanitizer.sanitize(new Login(value)) }).toStrictEqual({ password: '[REDACTED:password]' });
    }
  });
});

describe('kinds made by the sanitizer', () => {
  it('names a listed key or path "secret", an unreadable value "unreadable" and one too deep "too-deep"', () => {
    expect(createSanitizer({ keys: ['pin'], paths: ['*.code'] }).sanitize({ pin: 1, code: 2 })).toStrictEqual({ pin: '[REDACTED:secret]', code: '[REDACTED:secret]' });
    const hostile = {
      get boom(): never {
        throw new Error('no');
      },
    };
    expect(createSanitizer().sanitize({ hostile })).toStrictEqual({ hostile: { boom: '[REDACTED:unreadable]' } });
    expect(createSanitizer({ maxDepth: 1 }).sanitize({ a: { b: 1 } })).toStrictEqual({ a: '[REDACTED:too-deep]' });
  });
});
