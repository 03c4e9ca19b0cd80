// Pins who inspects an entry's values with `scan: 'objects'` (src/sanitizer-filter.ts): the encoders, through
// filterObject, only while nothing can make plain data secret and this filter is the installed one;
// otherwise the filter stage walks the entry itself.
import { setLogFilter, type Entry } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer, installSanitizer, registerDataPolicy } from '../src/index.js';
import { resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

const REDACTED = { user: 'alice', password: '[REDACTED:password]' };

function entry(kv: unknown[]): Entry {
  return { severity: 'I', verbosity: 0, message: 'M', isError: false, err: undefined, name: undefined, bound: undefined, kv, timeMs: 0, timeNs: 0, caller: undefined, legacy: false };
}

/** Whether the filter stage walked an entry the encoders will write (`encoded`), judged by a tagged value. */
function walksEncoded(filter: ReturnType<typeof createSanitizer>['filter']): boolean {
  const input = entry(['c', new Credentials()]);
  const out = filter.filterEntry!(input, true)!;
  if (out === input) return false;
  expect({ ...(out.kv[1] as object) }).toStrictEqual(REDACTED);
  return true;
}

describe("scan: 'objects': the encoders inspect objects while nothing makes plain data secret", () => {
  resetFilterAfterEach();

  it('installed: an encoded entry is left to filterObject, which redacts and counts a tagged object', () => {
    const sanitizer = installSanitizer({ scan: 'objects' });
    expect(walksEncoded(sanitizer.filter)).toBe(false);
    const creds = new Credentials();
    expect({ ...(sanitizer.filter.filterObject!(creds) as object) }).toStrictEqual(REDACTED);
    const plain = { a: 1 };
    expect(sanitizer.filter.filterObject!(plain)).toBe(plain);
    expect(sanitizer.metrics().redacted).toStrictEqual({ password: 1 });
  });

  it('an entry for a sink that serializes values itself (not encoded) is walked in full', () => {
    const sanitizer = installSanitizer({ scan: 'objects' });
    const out = sanitizer.filter.filterEntry!(entry(['c', new Credentials()]))!;
    expect({ ...(out.kv[1] as object) }).toStrictEqual(REDACTED);
  });

  it('not installed, or composed inside another filter: the filter stage walks, filterObject passes', () => {
    const sanitizer = createSanitizer({ scan: 'objects' });
    expect(walksEncoded(sanitizer.filter)).toBe(true);
    const creds = new Credentials();
    expect(sanitizer.filter.filterObject!(creds)).toBe(creds);
    setLogFilter({ filterEntry: (e: Entry, encoded?: boolean) => sanitizer.filter.filterEntry!(e, encoded) });
    expect(walksEncoded(sanitizer.filter)).toBe(true);
  });

  it("scan: 'entry' always walks", () => {
    expect(walksEncoded(installSanitizer({ scan: 'entry' }).filter)).toBe(true);
  });

  it('walks while a matcher is registered, or Date, Uint8Array or Buffer itself, and stops again after', () => {
    const sanitizer = installSanitizer({ scan: 'objects' });
    const unregisterMatcher = registerDataPolicy({ name: 'anything', test: () => false }, 'token');
    expect(walksEncoded(sanitizer.filter)).toBe(true);
    unregisterMatcher();
    expect(walksEncoded(sanitizer.filter)).toBe(false);
    for (const builtin of [Date, Uint8Array, Buffer]) {
      const unregister = registerDataPolicy(builtin, 'token');
      expect(walksEncoded(sanitizer.filter)).toBe(true);
      const value: object = builtin === Date ? new Date(0) : builtin === Buffer ? Buffer.from([1]) : Uint8Array.from([1]);
      expect(sanitizer.filter.filterEntry!(entry(['v', value]), true)!.kv).toStrictEqual(['v', '[REDACTED:token]']);
      unregister();
      expect(walksEncoded(sanitizer.filter)).toBe(false);
    }
    const unregisterFields = registerDataPolicy(Date, { secret: 'token' });
    expect(walksEncoded(sanitizer.filter)).toBe(true);
    unregisterFields();
    expect(walksEncoded(sanitizer.filter)).toBe(false);
  });
});
