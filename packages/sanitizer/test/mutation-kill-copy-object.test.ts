// Pins the copies the sanitizer makes to redact in (src/copy-object.ts): each keeps the original's shape
// (an own `__proto__` key, accessors it could not read, a prototype without being an array, an array
// subclass's length, an Error's non-enumerable fields), and is writable where the original was frozen.
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../src/index.js';

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

  it('an array subclass keeps its class and its length, trailing holes included', () => {
    class Batch extends Array<unknown> {}
    const batch = new Batch();
    batch[0] = TOKEN;
    batch[1] = 'ok';
    batch.length = 4;
    const out = createSanitizer({ detectors: true }).sanitize(batch);
    expect(out).not.toBe(batch);
    expect(Array.isArray(out)).toBe(true);
    expect(out).toBeInstanceOf(Batch);
    expect(out.length).toBe(4);
    expect(out[0]).toBe('Bearer [REDACTED:token]');
    expect(out[1]).toBe('ok');
    expect(Object.keys(out)).toStrictEqual(['0', '1']);
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
