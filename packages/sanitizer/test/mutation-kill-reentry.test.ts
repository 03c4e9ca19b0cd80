/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
// Pins re-entry (src/sanitizer-filter.ts, acquire): a getter that logs while the filter inspects an entry gets
// a scanner of its own, so neither entry sees the other's findings.
import { describe, expect, it } from 'vitest';
import { BLOCKED_MESSAGE, installSanitizer, secret } from '../src/index.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

describe('a getter that logs while the filter inspects an entry', () => {
  resetFilterAfterEach();

  it('names and counts only its own kinds, and the outer entry only its own', () => {
    const sanitizer = installSanitizer({ mode: 'block', scan: 'entry' });
    const { logger, take } = captureLogger('text');
    let inner = 0;
    const value = {
      get first(): number {
        if (inner++ === 0) logger.infoS('Inner', 'token', secret('t', 'token'));
        return 1;
      },
      creds: new Credentials(),
    };
    logger.infoS('Outer', 'value', value);
    expect(take()).toBe(`"${BLOCKED_MESSAGE}" key="token" types=["token"]\n"${BLOCKED_MESSAGE}" key="value" types=["password"]\n`);
    expect(sanitizer.metrics().blocked).toStrictEqual({ password: 1, token: 1 });
  });
});
