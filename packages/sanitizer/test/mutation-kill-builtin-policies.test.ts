// Pins the built-in policies (src/builtin-policies.ts): a runtime without fetch's Headers still gets the others.
import { createSecretKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { registerBuiltinPolicies } from '../src/builtin-policies.js';
import { sanitize } from '../src/index.js';

const headers = Object.getOwnPropertyDescriptor(globalThis, 'Headers');

afterEach(() => {
  if (headers !== undefined) Object.defineProperty(globalThis, 'Headers', headers);
});

describe('built-in policies', () => {
  it('register without fetch Headers (a runtime that has none), a KeyObject still a security key', () => {
    Reflect.deleteProperty(globalThis, 'Headers');
    expect(typeof globalThis.Headers).toBe('undefined');
    expect(() => registerBuiltinPolicies()).not.toThrow();
    const key = createSecretKey(new Uint8Array(16));
    expect(sanitize({ key })).toStrictEqual({ key: '[REDACTED:security-key]' });
  });
});
