/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import {
  background,
  configure,
  createLogger,
  error,
  errorf,
  errorln,
  errorS,
  fromContext,
  info,
  infof,
  infoln,
  infoS,
  V,
  warning,
  warningf,
  warningln,
  withLogger,
  type LogFormat,
} from '@klog-ts/core';
import { pinoSink } from '@klog-ts/pino';
import pino from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createSanitizer, installSanitizer, registerDataPolicy } from '../src/index.js';
import { captured, captureLogger, plainOptions, resetFilterAfterEach } from './capture.js';
import { Credentials, PASSWORD, PrintableCredentials } from './fixtures.js';

const creds = new Credentials();
const REDACTED_TEXT = '{"user":"alice","password":"[REDACTED:password]"}';

/** The expected line for `infoS(msg, "user", creds)`-like calls in each format, with extra JSON fields. */
function line(format: LogFormat, msg: string, key: string, json: { v?: number; logger?: string; prefix?: string; err?: string } = {}): string {
  if (format === 'text') {
    const name = json.logger === undefined ? '' : ` logger="${json.logger}"`;
    const err = json.err === undefined ? '' : ` err="${json.err}"`;
    return `"${msg}"${name}${err} ${key}=${REDACTED_TEXT}\n`;
  }
  const v = json.v === undefined ? '' : `,"v":${json.v}`;
  const name = json.logger === undefined ? '' : `,"logger":"${json.logger}"`;
  const err = json.err === undefined ? '' : `,"err":"${json.err}"`;
  return `{"ts":0${name},"msg":"${msg}"${v},"${key}":${REDACTED_TEXT}${err}}\n`;
}

describe.each(['text', 'json'] as const)('every logger path redacts a tagged field (%s)', (format) => {
  resetFilterAfterEach();
  const sink = captured();
  beforeEach(() => {
    installSanitizer();
    configure({ ...plainOptions(format, sink.output), verbosity: 1 });
    sink.take();
  });
  afterAll(() => configure({ verbosity: 0 }));

  it('global infoS, errorS and background()', () => {
    infoS('Login', 'user', creds);
    errorS(new Error('denied'), 'Login failed', 'user', creds);
    background().infoS('Background', 'user', creds);
    const out = sink.take();
    expect(out).not.toContain(PASSWORD);
    // klog's text format writes err before the other pairs; Kubernetes' JSON writes it last.
    expect(out).toBe(line(format, 'Login', 'user', { v: 0 }) + line(format, 'Login failed', 'user', { err: 'denied' }) + line(format, 'Background', 'user', { v: 0 }));
  });

  it('createLogger() and its withValues, withName, V and withCallDepth children', () => {
    const { logger, take } = captureLogger(format, { verbosity: 1 });
    logger.infoS('Independent', 'user', creds);
    logger.withValues('user', creds).infoS('Bound');
    logger.withName('auth').infoS('Named', 'user', creds);
    logger.V(1).infoS('Verbose', 'user', creds);
    logger.withCallDepth(1).infoS('Depth', 'user', creds);
    const out = take();
    expect(out).not.toContain(PASSWORD);
    expect(out).toBe(
      line(format, 'Independent', 'user', { v: 0 }) +
        (format === 'text' ? `"Bound" user=${REDACTED_TEXT}\n` : `{"ts":0,"msg":"Bound","user":${REDACTED_TEXT},"v":0}\n`) +
        line(format, 'Named', 'user', { v: 0, logger: 'auth' }) +
        line(format, 'Verbose', 'user', { v: 1 }) +
        line(format, 'Depth', 'user', { v: 0 }),
    );
  });

  it('global V(n) with structured and legacy calls', () => {
    V(1).infoS('Verbose', 'user', creds);
    V(1).errorS(null, 'Verbose error', 'user', creds);
    V(1).info('Legacy ', creds);
    V(1).infof('Legacy %v', creds);
    V(1).infoln('Legacy', creds);
    const out = sink.take();
    expect(out).not.toContain(PASSWORD);
    expect(out.split('[REDACTED:password]').length - 1).toBe(5);
  });

  it('every legacy function: the operands are filtered before formatting', () => {
    info('Legacy ', creds);
    infof('Legacy %v', creds);
    infoln('Legacy', creds);
    warning('Legacy ', creds);
    warningf('Legacy %+v', creds);
    warningln('Legacy', creds);
    error('Legacy ', creds);
    errorf('Legacy %s', creds);
    errorln('Legacy', creds);
    const out = sink.take();
    expect(out).not.toContain(PASSWORD);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    if (format === 'text') {
      expect(lines[0]).toBe('Legacy {alice [REDACTED:password]}');
      expect(lines[4]).toBe('Legacy {user:alice password:[REDACTED:password]}');
    } else {
      expect(lines[0]).toBe('{"ts":0,"msg":"Legacy {alice [REDACTED:password]}","v":0}');
    }
    for (const l of lines) expect(l).toContain('[REDACTED:password]');
  });

  it('a message that is not a string passes the filter before it becomes text', () => {
    // A JavaScript caller (or a cast) can hand a tagged instance where the message string goes.
    infoS(new PrintableCredentials() as unknown as string, 'n', 1);
    background().errorS(undefined, new PrintableCredentials() as unknown as string);
    const out = sink.take();
    expect(out).not.toContain(PASSWORD);
    expect(out.split('alice:[REDACTED:password]').length - 1).toBe(2);
  });

  it('contextual loggers (withLogger / fromContext), across await', async () => {
    const { logger, take } = captureLogger(format);
    await withLogger(logger.withValues('request', 'r-1'), async () => {
      await Promise.resolve();
      fromContext().infoS('Contextual', 'user', creds);
    });
    fromContext().infoS('Fallback', 'user', creds);
    const contextual = take();
    expect(contextual).not.toContain(PASSWORD);
    expect(contextual).toContain('[REDACTED:password]');
    expect(sink.take()).toBe(line(format, 'Fallback', 'user', { v: 0 }));
  });

  it('values bound before the sanitizer was installed are filtered again', () => {
    const { logger, take } = captureLogger(format);
    installSanitizer().uninstall();
    const bound = logger.withValues('user', creds);
    bound.infoS('Before');
    expect(take()).toContain(PASSWORD);
    installSanitizer();
    bound.infoS('After');
    const out = take();
    expect(out).not.toContain(PASSWORD);
    expect(out).toContain('[REDACTED:password]');
  });
});

describe('the pino backend', () => {
  resetFilterAfterEach();

  it('receives entries after the filter', () => {
    installSanitizer();
    let out = '';
    const pinoLogger = pino({ base: undefined, timestamp: false }, { write: (chunk: string) => void (out += chunk) });
    const logger = createLogger({ sink: pinoSink(pinoLogger), caller: false });
    logger.infoS('Login', 'user', creds);
    logger.withValues('bound', creds).withName('auth').errorS(new Error('denied'), 'Failed');
    expect(out).not.toContain(PASSWORD);
    expect(out.split('\n')[0]).toBe(`{"level":30,"v":0,"user":${REDACTED_TEXT},"msg":"Login"}`);
    expect(out).toContain(`"bound":${REDACTED_TEXT}`);
  });
});

describe('values bound with withValues', () => {
  resetFilterAfterEach();

  it('are snapshotted when bound (filtered and encoded once), not read again on every entry', () => {
    installSanitizer();
    let reads = 0;
    const value = {
      get inner() {
        reads++;
        return 'x';
      },
    };
    const { logger } = captureLogger('json');
    const bound = logger.withValues('value', value);
    const afterBinding = reads;
    expect(afterBinding).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) bound.infoS('Bound');
    expect(reads).toBe(afterBinding);
    for (let i = 0; i < 5; i++) logger.infoS('Call site', 'value', value);
    expect(reads - afterBinding).toBeGreaterThanOrEqual(5);
  });
});

describe('installed through configure', () => {
  resetFilterAfterEach();
  afterAll(() => configure({ verbosity: 0 }));

  it('configure({ filter }) with a sanitizer\'s filter covers global and independent loggers', () => {
    const sink = captured();
    configure({ ...plainOptions('json', sink.output), filter: createSanitizer({ keys: true }).filter });
    infoS('Global', 'user', creds, 'password', 'p0');
    const { logger, take } = captureLogger('text');
    logger.withValues('user', creds).infoS('Independent');
    const out = sink.take() + take();
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain('p0');
    expect(out).toBe(`{"ts":0,"msg":"Global","v":0,"user":${REDACTED_TEXT},"password":"[REDACTED:password]"}\n"Independent" user=${REDACTED_TEXT}\n`);
  });
});

describe('a type registered after values were bound', () => {
  resetFilterAfterEach();

  it('is redacted in those bound values too, on their next entry (and visible again once unregistered)', () => {
    class ApiClient {
      endpoint = 'https://api.example.com';
      apiToken = 'tok-registered-late';
    }
    installSanitizer();
    for (const format of ['text', 'json'] as const) {
      const { logger, take } = captureLogger(format);
      const bound = logger.withValues('client', new ApiClient());
      const unregister = registerDataPolicy(ApiClient, { apiToken: 'token' });
      try {
        bound.infoS('After registration');
        bound.V(0).withName('child').infoS('Child');
        const out = take();
        expect(out).not.toContain('tok-registered-late');
        expect(out.split('[REDACTED:token]').length - 1).toBe(2);
      } finally {
        unregister();
      }
      bound.infoS('After unregistration');
      expect(take()).toContain('tok-registered-late');
    }
  });
});
