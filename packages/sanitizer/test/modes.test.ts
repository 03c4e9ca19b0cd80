/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { configure, infof, info, infoS, errorS } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { BLOCKED_MESSAGE, installSanitizer, secret } from '../src/index.js';
import { captured, captureLogger, plainOptions, resetFilterAfterEach } from './capture.js';
import { Credentials, PASSWORD } from './fixtures.js';

const creds = new Credentials();

describe('mode redact (the default)', () => {
  resetFilterAfterEach();

  it('replaces only the offending field; the rest of the entry survives', () => {
    const sanitizer = installSanitizer();
    const { logger, take } = captureLogger('text');
    logger.withName('auth').errorS(new Error('denied'), 'Login failed', 'user', creds, 'attempt', 3, 'token', secret('t0k3n', 'token'));
    expect(take()).toBe('"Login failed" err="denied" logger="auth" user={"user":"alice","password":"[REDACTED:password]"} attempt=3 token="[REDACTED:token]"\n');
    expect(sanitizer.metrics()).toEqual({ redacted: { password: 1, token: 1 }, blocked: {}, dropped: {} });
  });

  it('leaves an entry without secrets as it is (the same entry object reaches the encoder)', () => {
    const sanitizer = installSanitizer();
    const entry = { severity: 'I', verbosity: 0, message: 'Plain', isError: false, err: undefined, name: undefined, bound: undefined, kv: ['a', { b: [1, 'x'] }], timeMs: 0, timeNs: 0, caller: undefined, legacy: false } as const;
    expect(sanitizer.filter.filterEntry!(entry)).toBe(entry);
    expect(sanitizer.filter.filterValues!(entry.kv)).toBe(entry.kv);
    expect(sanitizer.filter.filterArgs!(entry.kv)).toBe(entry.kv);
  });

  it('counts bound values once, when they are bound', () => {
    const sanitizer = installSanitizer();
    const { logger } = captureLogger('json');
    const bound = logger.withValues('user', creds);
    bound.infoS('One');
    bound.infoS('Two');
    expect(sanitizer.metrics().redacted).toEqual({ password: 1 });
    sanitizer.resetMetrics();
    expect(sanitizer.metrics().redacted).toEqual({});
  });
});

describe('mode block (Kubernetes-compatible)', () => {
  resetFilterAfterEach();

  it('replaces a structured entry with Kubernetes\' message, key and types, in both formats', () => {
    const sanitizer = installSanitizer({ mode: 'block' });
    const text = captureLogger('text');
    const json = captureLogger('json');
    for (const { logger } of [text, json]) logger.withName('auth').infoS('Login', 'attempt', 3, 'user', creds, 'x', 'y');
    expect(text.take()).toBe(`"${BLOCKED_MESSAGE}" logger="auth" key="user" types=["password"]\n`);
    expect(json.take()).toBe('{"ts":0,"logger":"auth","msg":"Log message has been redacted.","v":0,"key":"user","types":["password"]}\n');
    expect(sanitizer.metrics()).toEqual({ redacted: {}, blocked: { password: 2 }, dropped: {} });
  });

  it('names the key index when the key itself is a secret, and lists every kind of the offending value', () => {
    installSanitizer({ mode: 'block' });
    const { logger, take } = captureLogger('text');
    logger.infoS('Odd', 'ok', 1, secret('k', 'token'), 'v');
    logger.infoS('Both', 'pair', { a: creds, b: secret('t', 'token') });
    expect(take()).toBe(`"${BLOCKED_MESSAGE}" key_index=2 types=["token"]\n"${BLOCKED_MESSAGE}" key="pair" types=["password","token"]\n`);
  });

  it('blocks every entry of a logger whose bound values hold a secret, and keeps a clean error', () => {
    installSanitizer({ mode: 'block', keys: true });
    const { logger, take } = captureLogger('json');
    const bound = logger.withValues('user', creds);
    bound.infoS('First');
    bound.errorS(new Error('denied'), 'Second');
    logger.errorS(new Error('clean'), 'Third', 'user', creds);
    logger.errorS(Object.assign(new Error('dirty'), { password: 'p' }), 'Fourth');
    expect(take()).toBe(
      '{"ts":0,"msg":"Log message has been redacted.","v":0,"key":"user","types":["password"]}\n' +
        '{"ts":0,"msg":"Log message has been redacted.","key":"user","types":["password"]}\n' +
        '{"ts":0,"msg":"Log message has been redacted.","key":"user","types":["password"],"err":"clean"}\n' +
        '{"ts":0,"msg":"Log message has been redacted.","key":"err","types":["password"]}\n',
    );
  });

  it('gives legacy calls Kubernetes\' Filter/FilterF message with the operand index', () => {
    installSanitizer({ mode: 'block', keys: true });
    const sink = captured();
    configure(plainOptions('text', sink.output));
    info('Login ', creds);
    infof('Login %s as %v', 'alice', creds);
    infoS('Structured', 'ok', true);
    expect(sink.take()).toBe(
      'Log message has been redacted. Log argument #1 contains: [password]\n' +
        'Log message has been redacted. Log argument #1 contains: [password]\n' +
        '"Structured" ok=true\n',
    );
  });
});

describe('mode drop', () => {
  resetFilterAfterEach();

  it('writes nothing for an entry with a secret and counts it', () => {
    const sanitizer = installSanitizer({ mode: 'drop' });
    const sink = captured();
    configure(plainOptions('json', sink.output));
    infoS('Dropped', 'user', creds);
    errorS(null, 'Dropped too', 'token', secret('t', 'token'));
    info('Dropped legacy ', creds);
    infoS('Kept', 'user', 'alice');
    expect(sink.take()).toBe('{"ts":0,"msg":"Kept","v":0,"user":"alice"}\n');
    expect(sanitizer.metrics()).toEqual({ redacted: {}, blocked: {}, dropped: { password: 2, token: 1 } });
    expect(JSON.stringify(sanitizer.metrics())).not.toContain(PASSWORD);
  });
});
