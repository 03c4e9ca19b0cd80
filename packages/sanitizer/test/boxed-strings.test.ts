import { describe, expect, it } from 'vitest';
import { createSanitizer, installSanitizer } from '../src/index.js';
import { everyOutput, resetFilterAfterEach } from './capture.js';

const TOKEN = 'Bearer abcdefghijklmnop0123';

class HeaderValue extends String {}

describe('a boxed String, or an instance of a String subclass', () => {
  resetFilterAfterEach();

  it('goes through the detectors and is written as the redacted string, in every output', () => {
    const sanitizer = installSanitizer({ detectors: true });
    const boxed = new String(TOKEN);
    const out = everyOutput((logger) => logger.infoS('Boxed', 'auth', boxed, 'nested', { list: [new HeaderValue(TOKEN)] }));
    for (const written of Object.values(out)) expect(written).not.toContain('abcdefghijklmnop0123');
    expect(out.text).toBe('"Boxed" auth="Bearer [REDACTED:token]" nested={"list":["Bearer [REDACTED:token]"]}\n');
    expect(out.json).toBe('{"ts":0,"msg":"Boxed","v":0,"auth":"Bearer [REDACTED:token]","nested":{"list":["Bearer [REDACTED:token]"]}}\n');
    expect(sanitizer.metrics().redacted).toEqual({ token: 6 });
    expect(sanitizer.sanitize(boxed)).toBe('Bearer [REDACTED:token]');
    const clean = new String('no credentials here at all');
    expect(sanitizer.sanitize(clean)).toBe(clean);
  });

  it('counts as empty for key names and tags when its text is empty', () => {
    const sanitizer = createSanitizer({ keys: true });
    const empty = new String('');
    expect(sanitizer.sanitize({ password: empty })).toEqual({ password: empty });
    expect(sanitizer.sanitize({ password: new HeaderValue('pw-1') })).toEqual({ password: '[REDACTED:password]' });
  });

  it("has its own fields scanned like a struct's; a redacted one is written as its text", () => {
    const value = Object.assign(new HeaderValue('visible'), { token: 'tok-field-1' });
    expect(createSanitizer({ keys: true }).sanitize(value)).toBe('visible');
  });
});
