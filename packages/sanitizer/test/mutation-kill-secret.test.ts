// Pins how a Secret is recognized (src/secret.ts, src/plan.ts): by the registered brand, from any copy of the
// package, and never by shape; isSecret answers false for every primitive, null and undefined included.
import { describe, expect, it } from 'vitest';
import { createSanitizer, isSecret, secret } from '../src/index.js';

/** A Secret as another copy of the package defines it: its own class, the registered brand on the prototype. */
class ForeignSecret {
  get [Symbol.for('klog-ts.sanitizer.secret')](): true {
    return true;
  }

  get kind(): string {
    return 'api-key';
  }
}

describe('recognizing a Secret', () => {
  it('isSecret: false for primitives, null, undefined, functions and look-alikes', () => {
    for (const value of [undefined, null, 0, 1, '', 'token', true, 10n, Symbol('s'), () => 1, { kind: 'token' }]) {
      expect(isSecret(value)).toBe(false);
    }
    expect(isSecret({ [Symbol.for('klog-ts.sanitizer.secret')]: 'true' })).toBe(false);
    expect(isSecret({ [Symbol.for('klog-ts.sanitizer.secret')]: 1 })).toBe(false);
  });

  it("isSecret and the sanitizer: true for this package's Secrets and for another copy's", () => {
    expect(isSecret(secret('v', 'token'))).toBe(true);
    expect(isSecret(new ForeignSecret())).toBe(true);
    expect(createSanitizer().sanitize({ a: new ForeignSecret(), b: secret('v', 'token'), c: 'ok' })).toStrictEqual({ a: '[REDACTED:api-key]', b: '[REDACTED:token]', c: 'ok' });
  });
});
