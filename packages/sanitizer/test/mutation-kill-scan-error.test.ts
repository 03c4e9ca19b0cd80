// Pins how the scanner reads an Error (src/scan-error.ts): non-enumerable extras only when they are its own,
// a key name for `stack` applying to the stack, a stack that is not a string kept as it is.
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../src/index.js';

const BEARER = 'Bearer abcdefghijklmnopqrstuvwxyz012345';

describe('errors', () => {
  it("does not read a `cause` the error only inherits (it is not written)", () => {
    class WrappedError extends Error {
      override get cause(): unknown {
        return { password: 'p' };
      }
    }
    const error = new WrappedError('failed');
    expect(createSanitizer({ keys: true }).sanitize(error)).toBe(error);
  });

  it('redacts the stack when a key name covers `stack`, even with nothing else found', () => {
    const error = new Error('failed');
    const out = createSanitizer({ keys: ['stack'] }).sanitize(error);
    expect(Object.getOwnPropertyDescriptor(out, 'stack')?.value).toBe('[REDACTED:secret]');
    expect(out.message).toBe('failed');
  });

  it('keeps a stack that is not a string as it is when the message is redacted', () => {
    const error = new Error(`failed with ${BEARER}`);
    Object.defineProperty(error, 'stack', { value: 42, writable: true, configurable: true });
    const out = createSanitizer({ detectors: true }).sanitize(error);
    expect(out.message).toBe('failed with Bearer [REDACTED:token]');
    expect(out.stack).toBe(42);
  });
});
