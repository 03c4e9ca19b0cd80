// Pins what the filter (src/sanitizer-filter.ts) does with each part of an entry, in each mode, through its
// LogFilter methods: the message, the logger name, the error, the pairs, legacy operands, and which part is
// named when an entry is blocked.
import type { Entry } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { BLOCKED_MESSAGE, createSanitizer, installSanitizer, secret } from '../src/index.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

/** A JWT the detectors find (header `{"alg":"HS256"}`). */
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
const BEARER = 'Bearer abcdefgh12345678';

function entry(fields: Partial<Entry>): Entry {
  return {
    severity: 'I',
    verbosity: 0,
    message: 'Message',
    isError: false,
    err: undefined,
    name: undefined,
    bound: undefined,
    kv: [],
    timeMs: 0,
    timeNs: 0,
    caller: undefined,
    legacy: false,
    ...fields,
  };
}

describe('redact mode: each part of an entry', () => {
  it('redacts a token in the message and in the logger name, and counts both', () => {
    const sanitizer = createSanitizer({ detectors: true });
    const input = entry({ message: `Login ${BEARER}`, name: `svc ${JWT}` });
    expect(sanitizer.filter.filterEntry!(input)).toStrictEqual({ ...input, message: 'Login Bearer [REDACTED:token]', name: 'svc [REDACTED:token]' });
    expect(sanitizer.metrics().redacted).toStrictEqual({ token: 2 });
  });

  it('keeps a clean name, and an entry without a name, as they are', () => {
    const sanitizer = createSanitizer({ detectors: true });
    const named = entry({ message: BEARER, name: 'svc' });
    expect(sanitizer.filter.filterEntry!(named)).toStrictEqual({ ...named, message: 'Bearer [REDACTED:token]' });
    const unnamed = entry({ message: BEARER });
    expect(sanitizer.filter.filterEntry!(unnamed)).toStrictEqual({ ...unnamed, message: 'Bearer [REDACTED:token]' });
    const clean = entry({ message: 'Plain', name: 'svc', kv: ['a', 1] });
    expect(sanitizer.filter.filterEntry!(clean)).toBe(clean);
  });

  it('leaves message and name to the encoders when no detector is on', () => {
    const sanitizer = createSanitizer({ keys: true });
    const input = entry({ message: BEARER, name: JWT, kv: ['password', 'p'] });
    expect(sanitizer.filter.filterEntry!(input)).toStrictEqual({ ...input, kv: ['password', '[REDACTED:password]'] });
  });

  it('redacts an error through a copy, and keeps the original error unchanged', () => {
    const sanitizer = createSanitizer();
    const err = Object.assign(new Error('denied'), { creds: new Credentials() });
    const input = entry({ isError: true, err });
    const out = sanitizer.filter.filterEntry!(input)!;
    expect(out.err).not.toBe(err);
    expect((out.err as { creds: { password: string } }).creds.password).toBe('[REDACTED:password]');
    expect(err.creds.password).toBe('hunter2');
    expect({ ...out, err: undefined }).toStrictEqual({ ...input, err: undefined });
  });

  it('keeps a null error as it is', () => {
    const sanitizer = createSanitizer();
    const input = entry({ isError: true, err: null, kv: ['t', secret('x', 'token')] });
    expect(sanitizer.filter.filterEntry!(input)).toStrictEqual({ ...input, kv: ['t', '[REDACTED:token]'] });
  });
});

describe('an entry whose error is clean', () => {
  it('is written as it is, in every mode, with and without detectors', () => {
    for (const mode of ['redact', 'block', 'drop'] as const) {
      for (const detectors of [false, true]) {
        const sanitizer = createSanitizer({ mode, detectors });
        const input = entry({ isError: true, err: new Error('denied'), name: 'svc', kv: ['a', 1] });
        expect(sanitizer.filter.filterEntry!(input)).toBe(input);
        expect(sanitizer.metrics()).toStrictEqual({ redacted: {}, blocked: {}, dropped: {} });
      }
    }
  });
});

describe('block mode: the part named is the first one that held a secret', () => {
  it('pairs before the error, the error before the message, the message before the logger name', () => {
    const { filter } = createSanitizer({ mode: 'block', detectors: true });
    const dirtyErr = new Error(`failed with ${BEARER}`);
    const all = entry({ message: BEARER, name: JWT, err: dirtyErr, kv: ['t', secret('x', 'password')] });
    expect(filter.filterEntry!(all)!.kv).toStrictEqual(['key', 't', 'types', ['password']]);
    expect(filter.filterEntry!({ ...all, kv: [] })!.kv).toStrictEqual(['key', 'err', 'types', ['token']]);
    expect(filter.filterEntry!({ ...all, kv: [], err: undefined })!.kv).toStrictEqual(['key', 'msg', 'types', ['token']]);
    expect(filter.filterEntry!({ ...all, kv: [], err: undefined, message: 'Plain' })).toStrictEqual({
      ...all,
      message: BLOCKED_MESSAGE,
      err: undefined,
      kv: ['key', 'logger', 'types', ['token']],
    });
  });

  it('names the kinds of the offending part only, sorted and without duplicates', () => {
    const { filter } = createSanitizer({ mode: 'block', detectors: true });
    const input = entry({ message: `${JWT} ${BEARER} ${JWT}`, kv: ['ok', 1, 'later', secret('x', 'password')] });
    expect(filter.filterEntry!(input)!.kv).toStrictEqual(['key', 'later', 'types', ['password']]);
    const pair = entry({ kv: ['both', [secret('a', 'token'), secret('b', 'api-key'), secret('c', 'token')]] });
    expect(filter.filterEntry!(pair)!.kv).toStrictEqual(['key', 'both', 'types', ['api-key', 'token']]);
  });

  it('counts a blocked entry by the kinds of the part named, and drop mode likewise', () => {
    for (const mode of ['block', 'drop'] as const) {
      const sanitizer = createSanitizer({ mode });
      const input = entry({ kv: ['a', secret('x', 'token'), 'b', secret('y', 'password')] });
      const out = sanitizer.filter.filterEntry!(input);
      if (mode === 'drop') expect(out).toBeUndefined();
      else expect(out!.kv).toStrictEqual(['key', 'a', 'types', ['token']]);
      const other = mode === 'block' ? 'dropped' : 'blocked';
      expect(sanitizer.metrics()[mode === 'block' ? 'blocked' : 'dropped']).toStrictEqual({ token: 1 });
      expect(sanitizer.metrics()[other]).toStrictEqual({});
      expect(sanitizer.metrics().redacted).toStrictEqual({});
    }
  });
});

describe('legacy calls: operands are redacted first, the entry that follows is blocked', () => {
  it('redacts the operands even in block mode, and blocks only the next legacy entry', () => {
    const { filter } = createSanitizer({ mode: 'block' });
    const args = ['Login ', new Credentials(), ' ', secret('t', 'token')];
    const out = filter.filterArgs!(args);
    expect(out).not.toBe(args);
    expect(out[0]).toBe('Login ');
    expect({ ...(out[1] as object) }).toStrictEqual({ user: 'alice', password: '[REDACTED:password]' });
    expect(out.slice(2)).toStrictEqual([' ', '[REDACTED:token]']);
    // A structured entry in between is not the legacy call's entry.
    const structured = entry({ kv: ['a', 1] });
    expect(filter.filterEntry!(structured)).toBe(structured);
    const legacy = entry({ legacy: true, message: 'Login ...\n' });
    expect(filter.filterEntry!(legacy)!.message).toBe(`${BLOCKED_MESSAGE} Log argument #1 contains: [password]`);
    // Used once: the next legacy entry without a filterArgs call of its own is written.
    expect(filter.filterEntry!(legacy)).toBe(legacy);
  });

  it('forgets an offending call when the next call is clean', () => {
    const { filter } = createSanitizer({ mode: 'drop' });
    filter.filterArgs!([secret('t', 'token')]);
    const clean = ['a', 1];
    expect(filter.filterArgs!(clean)).toBe(clean);
    const legacy = entry({ legacy: true, message: 'a1\n' });
    expect(filter.filterEntry!(legacy)).toBe(legacy);
  });

  it('redacts operands and counts them in redact mode, and the entry is then written', () => {
    const sanitizer = createSanitizer();
    expect(sanitizer.filter.filterArgs!(['k=', secret('t', 'token'), secret('p', 'password')])).toStrictEqual(['k=', '[REDACTED:token]', '[REDACTED:password]']);
    expect(sanitizer.metrics().redacted).toStrictEqual({ password: 1, token: 1 });
    const legacy = entry({ legacy: true, message: 'k=[REDACTED:token]\n' });
    expect(sanitizer.filter.filterEntry!(legacy)).toBe(legacy);
  });

  it('applies a wildcard path to each operand', () => {
    const { filter } = createSanitizer({ paths: ['*.pin'] });
    expect(filter.filterArgs!([{ pin: 1234, id: 1 }, 'x'])).toStrictEqual([{ pin: '[REDACTED:secret]', id: 1 }, 'x']);
  });
});

describe('keys that are not strings', () => {
  it('are scanned as values with paths or key names on too, and named by their index', () => {
    for (const options of [{ mode: 'block' as const, keys: true }, { mode: 'block' as const, paths: ['a.b'] }, { mode: 'block' as const }]) {
      const { filter } = createSanitizer(options);
      const input = entry({ kv: ['ok', 1, secret('k', 'token'), 'v'] });
      expect(filter.filterEntry!(input)!.kv).toStrictEqual(['key_index', 2, 'types', ['token']]);
    }
  });

  it('are redacted in place, their value kept, even as the last element of an odd list', () => {
    for (const options of [{ keys: true }, { paths: ['a.b'] }, {}]) {
      const sanitizer = createSanitizer(options);
      expect(sanitizer.filter.filterValues!(['ok', 1, secret('k', 'token'), 'v'])).toStrictEqual(['ok', 1, '[REDACTED:token]', 'v']);
      expect(sanitizer.filter.filterValues!(['ok', 1, secret('k', 'token')])).toStrictEqual(['ok', 1, '[REDACTED:token]']);
      expect(sanitizer.filter.filterValues!(['ok', 1, 'dangling'])).toStrictEqual(['ok', 1, 'dangling']);
    }
  });
});

describe('string keys with detectors on', () => {
  resetFilterAfterEach();

  it('go through the detectors with every other rule too (a value passed where its key belongs is written as a key)', () => {
    for (const options of [{ detectors: true }, { detectors: true, keys: true }, { detectors: true, paths: ['a.b'] }]) {
      const sanitizer = createSanitizer(options);
      expect(sanitizer.filter.filterValues!(['user', 'alice', BEARER])).toStrictEqual(['user', 'alice', 'Bearer [REDACTED:token]']);
      expect(sanitizer.filter.filterValues!([BEARER, 1, 'ok', 2])).toStrictEqual(['Bearer [REDACTED:token]', 1, 'ok', 2]);
      const clean = ['user', 'alice', 'ok'];
      expect(sanitizer.filter.filterValues!(clean)).toBe(clean);
    }
  });

  it('are left alone without detectors, and a key holding a token is named by its index in block mode', () => {
    expect(createSanitizer({ keys: true }).filter.filterValues!(['user', 'alice', BEARER])).toStrictEqual(['user', 'alice', BEARER]);
    const { filter } = createSanitizer({ mode: 'block', detectors: true });
    expect(filter.filterEntry!(entry({ kv: ['user', 'alice', BEARER] }))!.kv).toStrictEqual(['key_index', 2, 'types', ['token']]);
  });

  it('never reach a text or JSON line with the token', () => {
    installSanitizer({ detectors: true });
    for (const format of ['text', 'json'] as const) {
      const { logger, take } = captureLogger(format);
      logger.infoS('Request', 'user', 'alice', BEARER);
      logger.withValues(BEARER).infoS('Bound');
      const lines = take();
      expect(lines).not.toContain('abcdefgh12345678');
      expect(lines.match(/Bearer \[REDACTED:token\]/g)).toHaveLength(2);
    }
  });
});
