import { describe, expect, it, vi } from 'vitest';
import * as first from '../src/index.js';

/** The process-wide slot every copy of the package shares. */
const SLOT = Symbol.for('klog-ts.sanitizer.registry');

/** Loads the package again, as a duplicate install would: new module instances, the same globalThis. */
async function secondCopy(): Promise<typeof first> {
  vi.resetModules();
  return import('../src/index.js');
}

describe('two copies of the package', () => {
  it('share registrations, matchers and legacy decorator tags, in both directions', async () => {
    const second = await secondCopy();
    expect(second.registerDataPolicy).not.toBe(first.registerDataPolicy);
    class Token {
      value = 'tok-shared-1';
    }
    class Session {
      id = 's-1';
      key = 'key-shared-1';
    }
    const undo = [
      second.registerDataPolicy(Token, 'token'),
      first.registerDataPolicy(Session, { key: 'security-key' }),
      second.registerDataPolicy({ name: 'has-pin', test: (value) => 'pin' in value }, { pin: 'password' }),
    ];
    try {
      expect(first.sanitize({ t: new Token(), pin: 1234 })).toEqual({ t: '[REDACTED:token]', pin: '[REDACTED:password]' });
      expect({ ...second.sanitize(new Session()) }).toEqual({ id: 's-1', key: '[REDACTED:security-key]' });
    } finally {
      for (const unregister of undo) unregister();
    }
    const token = new Token();
    expect(first.sanitize(token)).toBe(token);
    const legacy = {};
    (second.datapolicy('token') as (target: object, key: string) => void)(legacy, 'apiToken');
    expect(first.sanitize(Object.assign(Object.create(legacy) as object, { apiToken: 'tok-legacy' }))).toEqual({ apiToken: '[REDACTED:token]' });
  });

  it('with another registry version refuse to load, naming both versions', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, SLOT)!;
    expect((descriptor.value as { version: unknown }).version).toBe(1);
    Reflect.deleteProperty(globalThis, SLOT);
    Object.defineProperty(globalThis, SLOT, { value: { version: 99 }, configurable: true });
    try {
      await expect(secondCopy()).rejects.toThrow('@klog-ts/sanitizer: another copy of the package uses registry version 99; this copy uses version 1');
    } finally {
      Reflect.deleteProperty(globalThis, SLOT);
      Object.defineProperty(globalThis, SLOT, descriptor);
    }
  });
});
