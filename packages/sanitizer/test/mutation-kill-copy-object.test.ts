// Pins the copies the sanitizer makes to redact in (src/copy-object.ts): each keeps the original's shape
// (an own `__proto__` key, accessors it could not read, a prototype without being an array, an array
// subclass's length, an Error's non-enumerable fields), and is writable where the original was frozen.
import { describe, expect, it } from 'vitest';
import { createSanitizer, installSanitizer, registerDataPolicy } from '../src/index.js';
import { resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

const TOKEN = 'Bearer abcdefghijklmnop';

describe('the copies the sanitizer redacts in', () => {
  it('a plain object with an own "__proto__" key keeps it as a key (a path reaches a sibling)', () => {
    const inner = JSON.parse('{"__proto__": {"x": 1}, "password": "p"}') as Record<string, unknown>;
    const [, out] = createSanitizer({ paths: ['a.password'] }).filter.filterValues!(['a', inner]) as [string, Record<string, unknown>];
    expect(out).not.toBe(inner);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toStrictEqual({ x: 1 });
    expect(out.password).toBe('[REDACTED:secret]');
    expect(inner.password).toBe('p');
  });

  it('a plain object whose getter throws is copied from its definitions: only that field is withheld', () => {
    const inner = {
      get boom(): string {
        throw new Error('boom');
      },
      password: 'p',
      ok: 1,
    };
    const [, out] = createSanitizer({ paths: ['a.password'] }).filter.filterValues!(['a', inner]) as [string, Record<string, unknown>];
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.entries(out)).toStrictEqual([['boom', '[REDACTED:unreadable]'], ['password', '[REDACTED:secret]'], ['ok', 1]]);
    expect(inner.password).toBe('p');
  });

  it('an object whose prototype is Array.prototype, without being an array, keeps its fields and stays a non-array', () => {
    const value = Object.setPrototypeOf({ password: 'p', n: 1 }, Array.prototype) as Record<string, unknown>;
    const out = createSanitizer({ keys: true }).sanitize(value);
    expect(Array.isArray(out)).toBe(false);
    expect(Object.getPrototypeOf(out)).toBe(Array.prototype);
    expect({ ...out }).toStrictEqual({ password: '[REDACTED:password]', n: 1 });
  });

  it('an array subclass keeps its class, its own fields and its length, holes included, without running its constructor', () => {
    let constructed = 0;
    class Batch extends Array<unknown> {
      constructor(...items: unknown[]) {
        super(...items);
        constructed++;
      }
    }
    const batch = new Batch();
    batch[1] = TOKEN;
    batch[2] = 'ok';
    batch.length = 5;
    Object.assign(batch, { note: 'kept' });
    constructed = 0;
    const out = createSanitizer({ detectors: true }).sanitize(batch);
    expect(constructed).toBe(0);
    expect(out).not.toBe(batch);
    expect(Array.isArray(out)).toBe(true);
    expect(out).toBeInstanceOf(Batch);
    expect(out.length).toBe(5);
    expect(0 in out).toBe(false);
    expect(out[1]).toBe('Bearer [REDACTED:token]');
    expect(out[2]).toBe('ok');
    expect(Object.keys(out)).toStrictEqual(['1', '2', 'note']);
    expect((out as unknown as { note: string }).note).toBe('kept');
  });

  it("a class instance is copied from its fields' values: an own getter becomes the value it had", () => {
    class Account {
      password = 'p';
      constructor() {
        Object.defineProperty(this, 'label', { get: () => 'acct', enumerable: true, configurable: true });
      }
    }
    const out = createSanitizer({ keys: true }).sanitize(new Account());
    expect(out).toBeInstanceOf(Account);
    expect(Object.getOwnPropertyDescriptor(out, 'label')).toStrictEqual({ value: 'acct', writable: true, enumerable: true, configurable: true });
    expect({ ...out }).toStrictEqual({ password: '[REDACTED:password]', label: 'acct' });
  });

  it('a class instance or an Error with an own "__proto__" field keeps its class and that field', () => {
    class Account {
      password = 'p';
    }
    const account = new Account();
    Object.defineProperty(account, '__proto__', { value: { note: 'n' }, enumerable: true, writable: true, configurable: true });
    const out = createSanitizer({ keys: true }).sanitize(account);
    expect(Object.getPrototypeOf(out)).toBe(Account.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toStrictEqual({ note: 'n' });
    expect(JSON.stringify(out)).toBe('{"password":"[REDACTED:password]","__proto__":{"note":"n"}}');
    // An Error is copied from its property definitions: the same field is kept there too.
    const error = Object.assign(new Error('failed'), { password: 'p' });
    Object.defineProperty(error, '__proto__', { value: { note: 'n' }, enumerable: true, writable: true, configurable: true });
    const copy = createSanitizer({ keys: true }).sanitize(error);
    expect(Object.getPrototypeOf(copy)).toBe(Error.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toStrictEqual({ note: 'n' });
    expect((copy as unknown as { password: string }).password).toBe('[REDACTED:password]');
  });

  it('a Proxy listing a key it has no property for: the copy leaves that key out', () => {
    const target = { a: 1, password: 'p' };
    const value = new Proxy(target, {
      ownKeys: () => ['ghost', 'a', 'password'],
      get(object, key): unknown {
        if (key === 'a') throw new Error('no a');
        return Reflect.get(object, key);
      },
    });
    const out = createSanitizer({ keys: true }).sanitize(value) as Record<string, unknown>;
    expect(out).toStrictEqual({ a: '[REDACTED:unreadable]', password: '[REDACTED:password]' });
    expect(Object.hasOwn(out, 'ghost')).toBe(false);
  });

  it('a frozen Error: the copy is writable and configurable, keeps message non-enumerable, has no length', () => {
    const error = Object.assign(new Error('it failed'), { password: 'p', code: 7 });
    Object.freeze(error);
    const out = createSanitizer({ keys: true }).sanitize(error);
    expect(out).not.toBe(error);
    expect(out).toBeInstanceOf(Error);
    expect((out as unknown as Record<string, unknown>).password).toBe('[REDACTED:password]');
    expect(Object.isFrozen(out)).toBe(false);
    const message = Object.getOwnPropertyDescriptor(out, 'message');
    expect(message).toMatchObject({ value: 'it failed', writable: true, configurable: true, enumerable: false });
    expect(Object.getOwnPropertyDescriptor(out, 'code')).toStrictEqual({ value: 7, writable: true, configurable: true, enumerable: true });
    expect(Object.getOwnPropertyDescriptor(out, 'password')).toStrictEqual({ value: '[REDACTED:password]', writable: true, configurable: true, enumerable: true });
    expect(Object.hasOwn(out, 'length')).toBe(false);
    expect(error.password).toBe('p');
  });

  it('a Map subclass keeps its class and members', () => {
    class Registry extends Map<string, unknown> {}
    const map = new Registry([['password', 'p'], ['ok', 1]]);
    const out = createSanitizer({ keys: true }).sanitize(map);
    expect(out).not.toBe(map);
    expect(out).toBeInstanceOf(Registry);
    expect([...out]).toStrictEqual([['password', '[REDACTED:password]'], ['ok', 1]]);
    expect(map.get('password')).toBe('p');
  });
});

describe('copies made by another sanitizer', () => {
  resetFilterAfterEach();

  it('are scanned again even when made in a pass with the same number', () => {
    const other = createSanitizer();
    const copy = other.sanitize(new Credentials());
    expect({ ...copy }).toStrictEqual({ user: 'alice', password: '[REDACTED:password]' });
    const installed = installSanitizer({ scan: 'objects' });
    // One pass, so that the installed filter's pass number is the one the copy was made in.
    expect(installed.sanitize('x')).toBe('x');
    expect({ ...(installed.filter.filterObject!(copy) as object) }).toStrictEqual({ user: 'alice', password: '[REDACTED:password]' });
    expect(installed.metrics().redacted).toStrictEqual({ password: 1 });
  });

  it("a plain array's copy holds its items only: named fields, which no encoder writes, are not copied", () => {
    const list = Object.assign([TOKEN, 'ok'], { note: 'n' });
    const out = createSanitizer({ detectors: true }).sanitize(list);
    expect(Object.keys(out)).toStrictEqual(['0', '1']);
    expect(out).toStrictEqual(['Bearer [REDACTED:token]', 'ok']);
  });

  it("a field that shadows a base class's accessor stays in the copy, and the accessor's setter never runs", () => {
    let setterCalls = 0;
    class Base {
      get name(): unknown {
        return 'from the getter';
      }
      set name(_value: unknown) {
        setterCalls++;
      }
    }
    class Login extends Base {
      constructor(public password: string) {
        super();
        // A class field under [[Define]] semantics (TypeScript's ES2022 default), written out.
        Object.defineProperty(this, 'name', { value: 'alice', enumerable: true, writable: true, configurable: true });
      }
    }
    const unregister = registerDataPolicy(Login, { password: 'password' });
    try {
      const out = createSanitizer().sanitize<Login>(new Login('p-secret-2'));
      expect(Object.getPrototypeOf(out)).toBe(Login.prototype);
      expect(Object.getOwnPropertyDescriptor(out, 'name')?.value).toBe('alice');
      expect({ ...out }).toStrictEqual({ password: '[REDACTED:password]', name: 'alice' });
      expect(setterCalls).toBe(0);
    } finally {
      unregister();
    }
  });

  it("a field shadowing its prototype's setter is redacted in the copy without reaching the setter with the secret", () => {
    class Account {
      stored: unknown = undefined;
      set password(value: unknown) {
        this.stored = value;
      }
    }
    const account = new Account();
    Object.defineProperty(account, 'password', { value: 'p-secret-1', enumerable: true, writable: true, configurable: true });
    const out = createSanitizer({ keys: true }).sanitize(account);
    expect(JSON.stringify(out)).not.toContain('p-secret-1');
    expect(account.password).toBe('p-secret-1');
  });
});
