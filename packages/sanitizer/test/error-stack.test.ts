import { afterEach, describe, expect, it } from 'vitest';
import { createSanitizer, installSanitizer, registerDataPolicy, sanitize } from '../src/index.js';
import { capturePinoLogger, resetFilterAfterEach } from './capture.js';
import { Credentials, PASSWORD } from './fixtures.js';

const TOKEN = 'Bearer abcdefghijklmnop0123';
const REDACTED_TOKEN = 'Bearer [REDACTED:token]';

class LoginError extends Error {}

/** The lines of a stack after its header (`    at …`). */
function frames(stack: string | undefined): string[] {
  return (stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
}

let unregister: (() => void)[] = [];

describe("a redacted Error's stack", () => {
  resetFilterAfterEach();
  afterEach(() => {
    for (const undo of unregister) undo();
    unregister = [];
  });

  it('keeps its frames under the redacted header when the detectors change the message; the pino backend writes no token', () => {
    const sanitizer = installSanitizer({ detectors: true });
    const err = new Error(`Upstream said ${TOKEN}`);
    const clean = sanitizer.sanitize(err);
    expect(clean.message).toBe(`Upstream said ${REDACTED_TOKEN}`);
    expect(clean.stack?.split('\n')[0]).toBe(`Error: Upstream said ${REDACTED_TOKEN}`);
    expect(frames(clean.stack)).toEqual(frames(err.stack));
    expect(frames(clean.stack).length).toBeGreaterThan(0);
    expect(err.stack).toContain(TOKEN);
    const { logger, take } = capturePinoLogger();
    logger.errorS(err, 'Call failed');
    const out = take();
    expect(out).not.toContain('abcdefghijklmnop0123');
    expect(out).toContain('Upstream said Bearer [REDACTED:token]\\n    at ');
    expect(sanitizer.metrics().redacted).toEqual({ token: 1 });
  });

  it('is rebuilt when a tagged message is redacted, for the error and for its causes', () => {
    unregister.push(registerDataPolicy(LoginError, { message: 'token' }));
    const cause = new LoginError('tok-cause-1');
    const clean = sanitize(new Error('outer', { cause }));
    const cleanCause = clean.cause as Error;
    expect(cleanCause.stack?.split('\n')[0]).toBe('Error: [REDACTED:token]');
    expect(frames(cleanCause.stack)).toEqual(frames(cause.stack));
    installSanitizer();
    const { logger, take } = capturePinoLogger();
    logger.errorS(new Error('outer', { cause: new LoginError('tok-cause-2') }), 'Login failed');
    const out = take();
    expect(out).not.toContain('tok-cause-2');
    expect(out).toContain('caused by: Error: [REDACTED:token]\\n    at ');
  });

  it('is withheld, but for the redacted header, when it does not start with the original header', () => {
    unregister.push(registerDataPolicy(LoginError, { message: 'token' }));
    const edited = new LoginError('tok-first');
    void edited.stack;
    edited.message = 'tok-second';
    expect(sanitize(edited).stack).toBe('Error: [REDACTED:token]');
    const forged = new LoginError('tok-third');
    forged.stack = 'Custom: tok-third\n    at nowhere (file.js:1:1)';
    expect(sanitize(forged).stack).toBe('Error: [REDACTED:token]');
  });

  it('is left alone when only a field that the stack does not show was redacted', () => {
    const err = Object.assign(new Error('request failed'), { creds: new Credentials() });
    const clean = sanitize(err);
    expect(clean.creds.password).toBe('[REDACTED:password]');
    expect(clean.stack).toBe(err.stack);
    expect(clean.stack).not.toContain(PASSWORD);
  });

  it('goes through the detectors even when the message is clean', () => {
    const sanitizer = createSanitizer({ detectors: true });
    const err = new Error(`Upstream said ${TOKEN}`);
    void err.stack;
    err.message = 'Upstream failed';
    const clean = sanitizer.sanitize(err);
    expect(clean).not.toBe(err);
    expect(clean.message).toBe('Upstream failed');
    expect(clean.stack).not.toContain('abcdefghijklmnop0123');
    expect(clean.stack).toContain(REDACTED_TOKEN);
    const plain = new Error('nothing to see');
    expect(sanitizer.sanitize(plain)).toBe(plain);
  });
});
