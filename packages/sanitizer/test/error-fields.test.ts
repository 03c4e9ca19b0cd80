import { afterEach, describe, expect, it } from 'vitest';
import { datapolicy, installSanitizer, registerDataPolicy, sanitize } from '../src/index.js';
import { everyOutput, resetFilterAfterEach } from './capture.js';

class LoginError extends Error {}
class WrappedError extends Error {}
class BatchError extends AggregateError {}

/** An error class whose own message field is tagged. */
class TokenError extends Error {
  @datapolicy('token') override message: string;

  constructor(message: string) {
    super(message);
    this.message = message;
  }
}

let unregister: (() => void)[] = [];

describe("field policies on an Error's message, cause and errors", () => {
  resetFilterAfterEach();
  afterEach(() => {
    for (const undo of unregister) undo();
    unregister = [];
  });

  it('a registered message field redacts the message, in every output (the pino backend writes the stack too)', () => {
    unregister.push(registerDataPolicy(LoginError, { message: 'token' }));
    installSanitizer();
    const out = everyOutput((logger) => logger.errorS(new LoginError('tok-login-1'), 'Login failed', 'user', 'alice'));
    for (const written of Object.values(out)) {
      expect(written).not.toContain('tok-login-1');
      expect(written).toContain('[REDACTED:token]');
    }
    expect(out.text).toBe('"Login failed" err="[REDACTED:token]" user="alice"\n');
    expect(out.json).toBe('{"ts":0,"msg":"Login failed","user":"alice","err":"[REDACTED:token]"}\n');
  });

  it('registered cause and errors fields redact them', () => {
    unregister.push(registerDataPolicy(WrappedError, { cause: 'token' }));
    unregister.push(registerDataPolicy(BatchError, { errors: 'password' }));
    const wrapped = sanitize(new WrappedError('wrapped', { cause: 'tok-cause-1' }));
    expect(wrapped.cause).toBe('[REDACTED:token]');
    expect(wrapped.message).toBe('wrapped');
    const batch = sanitize(new BatchError([new Error('pw-batch-1')], 'batch'));
    expect(batch.errors).toBe('[REDACTED:password]');
    installSanitizer();
    const out = everyOutput((logger) => logger.errorS(new WrappedError('wrapped', { cause: new Error('tok-cause-2') }), 'Failed'));
    expect(out.pino).not.toContain('tok-cause-2');
    expect(out.pino).toContain('wrapped');
  });

  it('a case-insensitive registration and a decorated field named message apply too', () => {
    unregister.push(registerDataPolicy(LoginError, { MESSAGE: 'password' }, { caseInsensitive: true }));
    expect(sanitize(new LoginError('pw-login-2')).message).toBe('[REDACTED:password]');
    const tagged = sanitize(new TokenError('tok-field-1'));
    expect(tagged.message).toBe('[REDACTED:token]');
    expect(tagged).toBeInstanceOf(TokenError);
  });
});
