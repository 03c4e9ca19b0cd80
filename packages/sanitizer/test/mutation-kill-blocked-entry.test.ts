/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
// Pins the entry that block mode writes instead (src/blocked-entry.ts), as Kubernetes' sanitizer did.
import { configure, info, infof, type BoundValues, type Entry } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { BLOCKED_MESSAGE, createSanitizer, installSanitizer, secret } from '../src/index.js';
import { captured, plainOptions, resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

function entry(fields: Partial<Entry>): Entry {
  return {
    severity: 'I',
    verbosity: 2,
    message: 'Message',
    isError: false,
    err: undefined,
    name: 'component',
    bound: undefined,
    kv: [],
    timeMs: 7,
    timeNs: 8,
    caller: undefined,
    legacy: false,
    ...fields,
  };
}

/** Bound values as the filter sees them: only the lists it returned when they were bound are read. */
function boundValues(...filtered: (readonly unknown[])[]): BoundValues {
  return { filtered } as unknown as BoundValues;
}

describe('block mode: the entry written instead', () => {
  resetFilterAfterEach();

  it('is Kubernetes\' message', () => {
    expect(BLOCKED_MESSAGE).toBe('Log message has been redacted.');
  });

  it('keeps severity, verbosity, name, time and caller; names the key and the kinds; drops bound values', () => {
    const { filter } = createSanitizer({ mode: 'block' });
    const cleanBound = filter.filterValues!(['ok', 1]);
    const input = entry({ severity: 'W', kv: ['a', 1, 'user', { c: new Credentials(), t: secret('t', 'token') }], bound: boundValues(cleanBound) });
    expect(filter.filterEntry!(input)).toStrictEqual({ ...input, message: BLOCKED_MESSAGE, err: undefined, bound: undefined, kv: ['key', 'user', 'types', ['password', 'token']] });
  });

  it('names the index when the key itself was the secret', () => {
    const { filter } = createSanitizer({ mode: 'block' });
    const input = entry({ kv: ['a', 1, secret('k', 'security-key'), 'v'] });
    expect(filter.filterEntry!(input)).toStrictEqual({ ...input, message: BLOCKED_MESSAGE, bound: undefined, kv: ['key_index', 2, 'types', ['security-key']] });
  });

  it('keeps a clean error and drops one that held the secret', () => {
    const { filter } = createSanitizer({ mode: 'block' });
    const clean = new Error('clean');
    const withClean = entry({ isError: true, err: clean, kv: ['token', secret('t', 'token')] });
    expect(filter.filterEntry!(withClean)).toStrictEqual({ ...withClean, message: BLOCKED_MESSAGE, err: clean, kv: ['key', 'token', 'types', ['token']] });
    const dirty = Object.assign(new Error('dirty'), { creds: new Credentials() });
    const withDirty = entry({ isError: true, err: dirty });
    expect(filter.filterEntry!(withDirty)).toStrictEqual({ ...withDirty, message: BLOCKED_MESSAGE, err: undefined, kv: ['key', 'err', 'types', ['password']] });
  });

  it('blocks a legacy entry whose message held the secret, with the bare message and nothing else', () => {
    const { filter } = createSanitizer({ mode: 'block', detectors: ['slack-token'] });
    const input = entry({ legacy: true, message: 'token xoxb-1234567890-abcdefghij\n', kv: ['x', 1] });
    expect(filter.filterEntry!(input)).toStrictEqual({ ...input, message: BLOCKED_MESSAGE, err: undefined, bound: undefined, kv: [] });
  });

  it('blocks a legacy entry of a logger whose bound values held the secret, with the bare message', () => {
    const { filter } = createSanitizer({ mode: 'block' });
    const offending = filter.filterValues!(['user', new Credentials()]);
    const input = entry({ legacy: true, message: 'Plain\n', bound: boundValues(['ok', 1], offending) });
    expect(filter.filterEntry!(input)).toStrictEqual({ ...input, message: BLOCKED_MESSAGE, bound: undefined, kv: [] });
  });

  it('gives a legacy call the operand index and every kind of that operand, as Go prints a []string', () => {
    installSanitizer({ mode: 'block' });
    const text = captured();
    configure(plainOptions('text', text.output));
    info('Login ', 'alice', ' ', { a: new Credentials(), t: secret('t', 'token') });
    infof('Key %v', secret('k', 'security-key'));
    expect(text.take()).toBe(
      'Log message has been redacted. Log argument #3 contains: [password token]\n' +
        'Log message has been redacted. Log argument #0 contains: [security-key]\n',
    );
    const json = captured();
    configure(plainOptions('json', json.output));
    info('Login ', new Credentials());
    expect(json.take()).toBe('{"ts":0,"msg":"Log message has been redacted. Log argument #1 contains: [password]","v":0}\n');
  });

  it('writes the bare message for a legacy call whose format string held the secret', () => {
    installSanitizer({ mode: 'block', detectors: true });
    const sink = captured();
    configure(plainOptions('json', sink.output));
    infof('Token xoxb-1234567890-abcdefghij');
    expect(sink.take()).toBe('{"ts":0,"msg":"Log message has been redacted.","v":0}\n');
  });
});
