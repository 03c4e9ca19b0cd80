// Pins the one emptiness rule (src/is-empty.ts) shared by key names, redaction paths and tagged fields.
import { describe, expect, it } from 'vitest';
import { createSanitizer, datapolicy, type Sanitizer } from '../src/index.js';

class Tagged {
  @datapolicy('password') password: unknown;

  constructor(password: unknown) {
    this.password = password;
  }
}

/** Values that hold nothing a log line could reveal: kept as they are. */
const EMPTY: readonly [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ["''", ''],
  ['[]', []],
  ['an empty Map', new Map()],
  ['an empty Set', new Set()],
];

/** Values that are not empty, however little they hold: redacted. */
const NOT_EMPTY: readonly [string, unknown][] = [
  ['0', 0],
  ['false', false],
  ['NaN', Number.NaN],
  ["' '", ' '],
  ["'0'", '0'],
  ['[undefined]', [undefined]],
  ['[[]]', [[]]],
  ['{}', {}],
  ['{ size: 0 } (not a Map or a Set)', { size: 0 }],
  ['{ length: 0 } (not an array)', { length: 0 }],
  ['a Map with an entry', new Map([['k', undefined]])],
  ['a Set with a member', new Set([undefined])],
  ['a WeakMap', new WeakMap()],
  ['a Date', new Date(0)],
  ['a function', () => undefined],
  ['a symbol', Symbol('s')],
  ['0n', 0n],
];

/**
 * A sanitizer with the default key names, and one with a wildcard path. Built inside each test: code that runs
 * while vitest collects the tests would make its mutants static for Stryker (slower, and run by every test).
 */
function sanitizers(): { keys: Sanitizer; paths: Sanitizer } {
  return { keys: createSanitizer({ keys: true }), paths: createSanitizer({ paths: ['*.pin'] }) };
}

describe('emptiness: key names, paths and tagged fields keep an empty value and redact anything else', () => {
  for (const [name, value] of EMPTY) {
    it(`keeps ${name}`, () => {
      const { keys, paths } = sanitizers();
      const nested = { user: { password: value, pin: 1 } };
      expect(keys.sanitize(nested).user.password).toBe(value);
      expect(keys.filter.filterValues!(['password', value])).toStrictEqual(['password', value]);
      const pinned = { pin: value };
      expect(paths.sanitize(pinned)).toBe(pinned);
      const tagged = new Tagged(value);
      expect(keys.sanitize(tagged)).toBe(tagged);
    });
  }

  for (const [name, value] of NOT_EMPTY) {
    it(`redacts ${name}`, () => {
      const { keys, paths } = sanitizers();
      expect(keys.sanitize({ user: { password: value } })).toStrictEqual({ user: { password: '[REDACTED:password]' } });
      expect(keys.filter.filterValues!(['password', value])).toStrictEqual(['password', '[REDACTED:password]']);
      expect(paths.sanitize({ pin: value })).toStrictEqual({ pin: '[REDACTED:secret]' });
      expect({ ...keys.sanitize(new Tagged(value)) }).toStrictEqual({ password: '[REDACTED:password]' });
    });
  }
});
