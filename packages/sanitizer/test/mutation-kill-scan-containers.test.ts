// Pins how the scanner copies Maps, Sets and klog's Format (src/scan-containers.ts): which keys are scanned,
// a redacted own field surviving the member pass, the original left untouched, a clean wrapper kept.
import { Format } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../src/index.js';

const BEARER = 'Bearer abcdefghijklmnopqrstuvwxyz012345';
const PASSWORD_MARKER = '[REDACTED:password]';

describe('containers', () => {
  it('keeps string and number Map keys as they are: only object keys are scanned, and only string keys name a field', () => {
    const map = new Map<unknown, unknown>([
      [BEARER, 1],
      [7, 'seven'],
      [null, 'none'],
    ]);
    expect(createSanitizer({ detectors: true, keys: true }).sanitize({ map }).map).toBe(map);
  });

  it("keeps a Map's or a Set's redacted own field when a member is redacted too, and leaves the originals alone", () => {
    const sanitizer = createSanitizer({ keys: true, detectors: true });
    const map = Object.assign(new Map([['token', 't']]), { password: 'p' });
    const outMap = sanitizer.sanitize(map);
    expect([...outMap]).toStrictEqual([['token', '[REDACTED:token]']]);
    expect(outMap.password).toBe(PASSWORD_MARKER);
    const set = Object.assign(new Set([BEARER]), { password: 'p' });
    const outSet = sanitizer.sanitize(set);
    expect([...outSet]).toStrictEqual(['Bearer [REDACTED:token]']);
    expect(outSet.password).toBe(PASSWORD_MARKER);
    // A Set without own fields: its members are redacted in a copy, never in the caller's Set.
    const plainSet = new Set([BEARER, 'ok']);
    expect([...sanitizer.sanitize(plainSet)]).toStrictEqual(['Bearer [REDACTED:token]', 'ok']);
    expect([...plainSet]).toStrictEqual([BEARER, 'ok']);
    expect(map.password).toBe('p');
    expect([...set]).toStrictEqual([BEARER]);
  });

  it('returns a clean Format(value) itself', () => {
    const formatted = Format({ name: 'a' });
    expect(createSanitizer({ keys: true }).sanitize({ formatted }).formatted).toBe(formatted);
  });
});
