/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
// Pins the sanitizer's counters (src/sanitizer-metrics.ts): what counts, by which kind, and what a reset clears.
import { configure, info } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { installSanitizer, secret } from '../src/index.js';
import { captured, captureLogger, plainOptions, resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

describe('sanitizer metrics', () => {
  resetFilterAfterEach();

  it('starts at zero in every mode, as three separate, empty records', () => {
    const sanitizer = installSanitizer();
    const metrics = sanitizer.metrics();
    expect(metrics).toStrictEqual({ redacted: {}, blocked: {}, dropped: {} });
    expect(metrics.redacted).not.toBe(metrics.blocked);
  });

  it('counts each redacted value once per kind, over several entries, and only what the entry held', () => {
    const sanitizer = installSanitizer({ keys: true });
    const { logger, take } = captureLogger('text');
    // Four values, five kinds: the authorization header counts for password and token.
    logger.infoS('Four', 'user', new Credentials(), 'token', secret('t', 'token'), 'headers', { authorization: 'a' }, 'apiKey', 'k');
    expect(sanitizer.metrics().redacted).toStrictEqual({ password: 2, token: 3 });
    // A shorter entry after a longer one: only its own value counts (nothing stale from the entry before).
    logger.infoS('One', 'token', secret('t', 'token'));
    logger.infoS('None', 'plain', 'value');
    expect(sanitizer.metrics()).toStrictEqual({ redacted: { password: 2, token: 4 }, blocked: {}, dropped: {} });
    expect(take()).toContain('"None" plain="value"\n');
  });

  it('counts a blocked entry once per kind, however many values held it', () => {
    const sanitizer = installSanitizer({ mode: 'block', keys: true });
    const { logger } = captureLogger('json');
    logger.infoS('Both', 'pair', { a: new Credentials(), b: secret('t', 'token'), c: new Credentials() });
    logger.infoS('Again', 'user', new Credentials());
    expect(sanitizer.metrics()).toStrictEqual({ redacted: {}, blocked: { password: 2, token: 1 }, dropped: {} });
  });

  it('counts a dropped entry under dropped, a legacy call by its first offending operand', () => {
    const sanitizer = installSanitizer({ mode: 'drop' });
    const sink = captured();
    configure(plainOptions('text', sink.output));
    info('Login ', new Credentials(), ' ', secret('t', 'token'));
    const { logger } = captureLogger('text');
    logger.infoS('Drop', 'token', secret('t', 'token'));
    expect(sanitizer.metrics()).toStrictEqual({ redacted: {}, blocked: {}, dropped: { password: 1, token: 1 } });
    expect(sink.take()).toBe('');
  });

  it('returns a snapshot: later counts do not change one taken before', () => {
    const sanitizer = installSanitizer();
    const { logger } = captureLogger('text');
    logger.infoS('One', 'token', secret('t', 'token'));
    const before = sanitizer.metrics();
    logger.infoS('Two', 'token', secret('t', 'token'));
    expect(before.redacted).toStrictEqual({ token: 1 });
    expect(sanitizer.metrics().redacted).toStrictEqual({ token: 2 });
  });

  it('resets every count: redacted, blocked and dropped', () => {
    const logger = captureLogger('text').logger;
    const redact = installSanitizer();
    logger.infoS('R', 'token', secret('t', 'token'));
    redact.resetMetrics();
    expect(redact.metrics()).toStrictEqual({ redacted: {}, blocked: {}, dropped: {} });
    logger.infoS('R', 'token', secret('t', 'token'));
    expect(redact.metrics().redacted).toStrictEqual({ token: 1 });

    const block = installSanitizer({ mode: 'block' });
    logger.infoS('B', 'token', secret('t', 'token'));
    expect(block.metrics().blocked).toStrictEqual({ token: 1 });
    block.resetMetrics();
    expect(block.metrics()).toStrictEqual({ redacted: {}, blocked: {}, dropped: {} });

    const drop = installSanitizer({ mode: 'drop' });
    logger.infoS('D', 'token', secret('t', 'token'));
    expect(drop.metrics().dropped).toStrictEqual({ token: 1 });
    drop.resetMetrics();
    expect(drop.metrics()).toStrictEqual({ redacted: {}, blocked: {}, dropped: {} });
  });
});
