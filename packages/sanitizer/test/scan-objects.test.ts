/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { generateKeyPairSync } from 'node:crypto';
import { background, configure, Format, fromContext, infof, infoS, marshalLog, withLogger, type LogFormat, type Logger } from '@klog-ts/core';
import { pinoSink } from '@klog-ts/pino';
import pino from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { installSanitizer, secret, type Sanitizer } from '../src/index.js';
import { captured, captureLogger, plainOptions, resetFilterAfterEach } from './capture.js';
import { Credentials, PASSWORD, PrintableCredentials } from './fixtures.js';

/** Credentials that print themselves through each protocol the encoders honour. */
class JSONCredentials extends Credentials {
  toJSON(): unknown {
    return { login: `${this.user}:${this.password}` };
  }
}
class MarshaledCredentials extends Credentials {
  [marshalLog](): unknown {
    return `${this.user}/${this.password}`;
  }
}

/** One call with a tagged instance in every place a value can hide. */
function logEverywhere(logger: Logger): void {
  logger.infoS(
    'Everywhere',
    'top', new Credentials(),
    'nested', { a: { b: [1, { creds: new Credentials() }] } },
    'map', new Map([['db', new Credentials()]]),
    'set', new Set([new Credentials()]),
    'printed', new PrintableCredentials(),
    'json', { inner: new JSONCredentials() },
    'marshaled', new MarshaledCredentials(),
    'formatted', Format({ creds: new Credentials() }),
    'wrapped', secret(PASSWORD, 'token'),
  );
}

describe.each(['text', 'json'] as const)("scan: 'objects' finds tagged objects wherever the encoders meet them (%s)", (format: LogFormat) => {
  resetFilterAfterEach();
  let sanitizer: Sanitizer;
  beforeEach(() => {
    sanitizer = installSanitizer({ scan: 'objects' });
  });

  it('at the top, nested in plain objects, arrays, Maps and Sets, and behind toString, toJSON and the marshaler', () => {
    const { logger, take } = captureLogger(format);
    logEverywhere(logger);
    const out = take();
    expect(out).not.toContain(PASSWORD);
    expect(out).toContain('alice:[REDACTED:password]');
    expect(out).toContain('alice/[REDACTED:password]');
    expect(out).toContain('[REDACTED:token]');
    // Each of the 8 tagged instances counted once, however many encoder layers looked at it.
    expect(sanitizer.metrics().redacted).toEqual({ password: 8, token: 1 });
    // And the same line and counts as the default scan of the whole entry.
    const entryScan = installSanitizer();
    logEverywhere(logger);
    expect(take()).toBe(out);
    expect(entryScan.metrics().redacted).toEqual(sanitizer.metrics().redacted);
  });

  it('a key object, a tagged error field and values bound with withValues', () => {
    const { logger, take } = captureLogger(format);
    const { privateKey } = generateKeyPairSync('ed25519');
    const failure = Object.assign(new Error('login failed'), { creds: new Credentials() });
    logger.withValues('bound', new Credentials()).errorS(failure, 'Failed', 'key', privateKey, 'cause', { error: failure });
    const out = take();
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain('PRIVATE KEY');
    expect(out).toContain('[REDACTED:security-key]');
    expect(out).toContain('login failed');
  });

  it('leaves plain data to the encoders: a getter is read once per entry, by the encoder', () => {
    let reads = 0;
    const value = {
      get inner(): string {
        reads++;
        return 'x';
      },
    };
    const { logger, take } = captureLogger(format);
    for (let i = 0; i < 3; i++) logger.infoS('Plain', 'value', value, 'creds', new Credentials());
    expect(reads).toBe(3);
    expect(take()).not.toContain(PASSWORD);
  });
});

describe("scan: 'objects' on every logger path", () => {
  resetFilterAfterEach();
  const sink = captured();
  beforeEach(() => {
    installSanitizer({ scan: 'objects', paths: ['req.headers.authorization'] });
    configure({ ...plainOptions('json', sink.output), verbosity: 1 });
    sink.take();
  });
  afterAll(() => configure({ verbosity: 0 }));

  it('global, background(), contextual, children and legacy calls; paths still apply', async () => {
    infoS('Global', 'creds', new Credentials(), 'req', { headers: { authorization: 'Bearer abc' } });
    background().withName('child').V(1).infoS('Child', 'creds', [new Credentials()]);
    await withLogger(background().withValues('request', 7), async () => {
      await Promise.resolve();
      fromContext().infoS('Contextual', 'creds', { deep: new Credentials() });
    });
    infof('Legacy %v', new Credentials());
    const out = sink.take();
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain('Bearer abc');
    expect(out.split('[REDACTED:password]').length - 1).toBe(4);
    expect(out).toContain('"authorization":"[REDACTED:secret]"');
  });

  it('the pino backend, which serializes values itself, gets an entry walked in full', () => {
    const lines: string[] = [];
    const logger = pino({ base: undefined, timestamp: false }, { write: (line: string) => void lines.push(line) });
    configure({ sink: pinoSink(logger) });
    try {
      infoS('To pino', 'creds', { nested: new Credentials() });
    } finally {
      configure({ sink: null });
    }
    expect(lines.join('')).not.toContain(PASSWORD);
    expect(lines.join('')).toContain('[REDACTED:password]');
  });
});
