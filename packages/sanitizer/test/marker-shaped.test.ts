/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { describe, expect, it } from 'vitest';
import { createSanitizer, installSanitizer, sanitize } from '../src/index.js';
import { isSanitizedCopy } from '../src/copy-object.js';
import { everyOutput, resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

/** A secret that merely looks like a marker: it starts with `[REDACTED:` and ends with `]`. */
const DISGUISED = '[REDACTED:password] hunter2-disguised [x]';

describe('a tagged value shaped like a redaction marker', () => {
  resetFilterAfterEach();

  it('is redacted like any other, in every output and both scans', () => {
    for (const scan of ['entry', 'objects'] as const) {
      const sanitizer = installSanitizer({ scan });
      const out = everyOutput((logger) => logger.infoS('Disguised', 'creds', new Credentials('alice', DISGUISED), 'nested', [{ creds: new Credentials('bob', DISGUISED) }]));
      for (const written of Object.values(out)) {
        expect(written).not.toContain('hunter2-disguised');
        expect(written.split('[REDACTED:password]').length - 1).toBe(2);
      }
      expect(sanitizer.metrics().redacted).toEqual({ password: 6 });
    }
    expect(sanitize(new Credentials('alice', DISGUISED)).password).toBe('[REDACTED:password]');
  });
});

describe("the sanitizer's own copies", () => {
  resetFilterAfterEach();

  it('are recognized by the rules that made them, and only by them, unless they are plain data', () => {
    const sanitizer = createSanitizer();
    const rules = (sanitizer.filter as unknown as { rules: object }).rules;
    const copy = sanitizer.sanitize({ creds: new Credentials(), errors: [new Error('e', { cause: new Credentials() })] });
    expect(isSanitizedCopy(copy.creds, rules)).toBe(true);
    expect(isSanitizedCopy(copy.errors[0], rules)).toBe(true);
    expect(isSanitizedCopy(new Credentials(), rules)).toBe(false);
    expect(isSanitizedCopy(copy.creds, {})).toBe(false);
    // The encoders never hand plain data back to the filter: plain copies carry no record.
    expect(isSanitizedCopy(copy, rules)).toBe(false);
    expect(isSanitizedCopy(copy.errors, rules)).toBe(false);
  });

  it('are not counted again when met again, but a field changed in one since is redacted', () => {
    const sanitizer = installSanitizer();
    const copy = sanitizer.sanitize(new Credentials());
    everyOutput((logger) => logger.infoS('Copy', 'creds', copy, 'list', [copy]));
    expect(sanitizer.metrics().redacted).toEqual({});
    copy.password = 'hunter2-after';
    const out = everyOutput((logger) => logger.infoS('Changed copy', 'creds', copy));
    for (const written of Object.values(out)) expect(written).not.toContain('hunter2-after');
    expect(sanitizer.metrics().redacted).toEqual({ password: 3 });
  });
});
