// Pins how a matcher's case-insensitive field policy becomes an object's policy (src/object-policy.ts): every
// case of a tagged name is redacted, and names it does not tag are kept.
import { describe, expect, it } from 'vitest';
import { createSanitizer, registerDataPolicy } from '../src/index.js';

describe('object policies from matchers', () => {
  it('a case-insensitive field policy redacts a tagged name in any case and keeps the others', () => {
    const unregister = registerDataPolicy({ name: 'has-marker', test: (value) => 'marker' in value }, { a: 'token', s: 'password' }, { caseInsensitive: true });
    try {
      const out = createSanitizer().sanitize({ marker: 1, a: 'x', A: 'y', s: 'z', S: 'w', t: 'kept', r: 'kept' });
      expect({ ...out }).toStrictEqual({
        marker: 1,
        a: '[REDACTED:token]',
        A: '[REDACTED:token]',
        s: '[REDACTED:password]',
        S: '[REDACTED:password]',
        t: 'kept',
        r: 'kept',
      });
    } finally {
      unregister();
    }
  });
});
