// Pins failing closed (src/sanitizer-filter.ts, src/scanner.ts): a value that cannot be read is withheld as
// `[REDACTED:unreadable]` and counted; what could be read is kept, whichever rules are on.
import type { Entry } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer, secret, type SanitizerOptions } from '../src/index.js';
import { Credentials } from './fixtures.js';

const UNREADABLE = '[REDACTED:unreadable]';

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A record with a getter that throws (with the password in its message) next to a tagged field. */
function hostile(): { readonly b: unknown; c: Credentials } {
  return {
    get b(): unknown {
      throw new Error('boom hunter2');
    },
    c: new Credentials(),
  };
}

const HOSTILE_REDACTED = { b: UNREADABLE, c: { user: 'alice', password: '[REDACTED:password]' } };

/** Every way a pair reaches the scanner: values only, paths (by key and wildcard), key names. */
const RULES: readonly (SanitizerOptions & { readonly paths?: readonly string[] })[] = [{}, { paths: ['a.b'] }, { paths: ['*.b'] }, { paths: ['a.c.user'] }, { keys: true }];

function entry(kv: unknown[], legacy = false): Entry {
  return { severity: 'I', verbosity: 0, message: 'M', isError: false, err: undefined, name: undefined, bound: undefined, kv, timeMs: 0, timeNs: 0, caller: undefined, legacy };
}

describe('fail closed: what cannot be read is withheld, the rest is kept', () => {
  it('a revoked Proxy as a pair value, with every kind of rule', () => {
    for (const options of RULES) {
      const sanitizer = createSanitizer(options);
      expect(sanitizer.filter.filterValues!(['a', revoked(), 'k', 1])).toStrictEqual(['a', UNREADABLE, 'k', 1]);
      expect(sanitizer.metrics().redacted).toStrictEqual({ unreadable: 1 });
    }
  });

  it('a throwing getter inside a pair value: only that field, and the thrown text never', () => {
    for (const options of RULES) {
      const sanitizer = createSanitizer(options);
      const out = sanitizer.filter.filterValues!(['a', hostile(), 'k', 1]);
      expect(JSON.parse(JSON.stringify(out))).toStrictEqual(['a', options.paths?.[0] === 'a.c.user' ? { ...HOSTILE_REDACTED, c: { user: '[REDACTED:secret]', password: '[REDACTED:password]' } } : HOSTILE_REDACTED, 'k', 1]);
      expect(JSON.stringify(out)).not.toContain('hunter2');
    }
  });

  it('legacy operands: each unreadable operand alone', () => {
    for (const options of RULES) {
      const { filter } = createSanitizer(options);
      const out = filter.filterArgs!(['x', revoked(), hostile(), 2]);
      expect(out[0]).toBe('x');
      expect(out[1]).toBe(UNREADABLE);
      expect(JSON.stringify(out[2])).not.toContain('hunter2');
      expect(out[3]).toBe(2);
    }
  });

  it('a key that cannot be read is withheld with its value kept', () => {
    for (const options of RULES) {
      const { filter } = createSanitizer(options);
      expect(filter.filterValues!([revoked(), 'v', 'k', 1])).toStrictEqual([UNREADABLE, 'v', 'k', 1]);
    }
  });

  it('block mode names the unreadable value and every kind found in it', () => {
    for (const options of RULES) {
      const sanitizer = createSanitizer({ ...options, mode: 'block' });
      expect(sanitizer.filter.filterEntry!(entry(['ok', 1, 'a', revoked()]))!.kv).toStrictEqual(['key', 'a', 'types', ['unreadable']]);
      const kinds = options.paths?.[0] === 'a.c.user' ? ['password', 'secret', 'unreadable'] : ['password', 'unreadable'];
      expect(sanitizer.filter.filterEntry!(entry(['a', hostile(), 'z', secret('t', 'token')]))!.kv).toStrictEqual(['key', 'a', 'types', kinds]);
      expect(sanitizer.metrics().blocked).toStrictEqual(Object.fromEntries([['unreadable', 2], ...kinds.filter((k) => k !== 'unreadable').map((k) => [k, 1])]));
    }
  });

  it('sanitize() withholds an unreadable value too', () => {
    for (const options of RULES) {
      const sanitizer = createSanitizer(options);
      expect(sanitizer.sanitize(revoked())).toBe(UNREADABLE);
      expect(sanitizer.sanitize({ a: revoked(), n: 1 })).toStrictEqual({ a: UNREADABLE, n: 1 });
    }
  });
});
