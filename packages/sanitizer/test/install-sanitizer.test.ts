/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { ConfigError, getLogFilter, setLogFilter } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer, installedSanitizer, installSanitizer, sanitize } from '../src/index.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { Credentials, PASSWORD } from './fixtures.js';

describe('installSanitizer', () => {
  resetFilterAfterEach();

  it('installs one process-wide filter; uninstall removes it only if it is still the installed one', () => {
    const first = installSanitizer();
    expect(getLogFilter()).toBe(first.filter);
    expect(installedSanitizer()).toBe(first);
    const second = installSanitizer({ mode: 'block' });
    expect(getLogFilter()).toBe(second.filter);
    first.uninstall();
    expect(getLogFilter()).toBe(second.filter);
    second.uninstall();
    expect(getLogFilter()).toBeUndefined();
    expect(installedSanitizer()).toBeUndefined();
  });

  it('rejects bad options with a ConfigError naming the option and value, and changes nothing', () => {
    const cases: [unknown, string][] = [
      [{ mode: 'mask' }, 'invalid sanitizer mode "mask": must be "redact", "block" or "drop"'],
      [{ mdoe: 'block' }, 'invalid sanitizer option "mdoe": unknown (known: mode, paths, keys, detectors, maxDepth, scan)'],
      [{ maxDepth: 0 }, 'invalid sanitizer maxDepth 0: must be an integer between 1 and 1000'],
      [{ paths: 'a.b' }, 'invalid sanitizer paths "a.b": must be a list of paths or { path: kinds }'],
      [null, 'invalid sanitizer options null: must be an object'],
      [[], 'invalid sanitizer options []: must be an object'],
      // Containers that Object.entries sees as empty: silently ignoring them would turn redaction off.
      [{ paths: new Set(['req.headers.authorization']) }, 'invalid sanitizer paths a Set: must be a list of paths or { path: kinds }'],
      [{ keys: new Map([['password', 'password']]) }, 'invalid sanitizer keys a Map: must be true, a list of key names or { name: kinds }'],
      [{ paths: ['req.headers.authorization', 'req..cookie'] }, 'invalid sanitizer path "req..cookie": is not a redaction path'],
      [{ paths: [42] }, 'invalid sanitizer path 42: is not a redaction path'],
      [{ scan: 'lazy' }, 'invalid sanitizer scan "lazy": must be "entry" or "objects"'],
      [{ scan: 'objects', keys: true }, 'invalid sanitizer scan "objects": needs mode "redact" and no keys or detectors, which look at plain data'],
      [{ scan: 'objects', mode: 'block' }, 'invalid sanitizer scan "objects": needs mode "redact" and no keys or detectors, which look at plain data'],
    ];
    for (const [options, message] of cases) {
      expect(() => installSanitizer(options as never)).toThrow(ConfigError);
      expect(() => installSanitizer(options as never)).toThrow(message);
    }
    expect(getLogFilter()).toBeUndefined();
  });

  it('createSanitizer builds a filter that can be composed with another by hand', () => {
    const sanitizer = createSanitizer();
    const seen: string[] = [];
    setLogFilter({
      filterEntry(entry) {
        seen.push(entry.message);
        return sanitizer.filter.filterEntry!(entry);
      },
    });
    const { logger, take } = captureLogger('text');
    logger.infoS('Composed', 'creds', new Credentials());
    expect(seen).toEqual(['Composed']);
    expect(take()).not.toContain(PASSWORD);
  });
});

describe('sanitize', () => {
  resetFilterAfterEach();

  it('uses the installed sanitizer\'s rules, else the defaults', () => {
    const value = { password: 'p', creds: new Credentials() };
    expect(sanitize(value).password).toBe('p');
    expect(sanitize(value).creds.password).toBe('[REDACTED:password]');
    installSanitizer({ keys: true });
    expect(sanitize(value).password).toBe('[REDACTED:password]');
    expect(value.password).toBe('p');
  });
});
