// Pins the options and the installation of a sanitizer (src/install-sanitizer.ts): the edges of each option,
// which scan is the default for which options, what `installedSanitizer()` and `uninstall()` see, and the
// options handed to worker threads through the environment data.
import { getEnvironmentData } from 'node:worker_threads';
import { ConfigError, getLogFilter, setLogFilter, type Entry } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer, installedSanitizer, installSanitizer, type SanitizerOptions } from '../src/index.js';
import { resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

/** The key under which the installed sanitizer's options reach worker threads. */
const WORKER_OPTIONS = 'klog-ts.sanitizer.options';

function entry(kv: unknown[]): Entry {
  return { severity: 'I', verbosity: 0, message: 'M', isError: false, err: undefined, name: undefined, bound: undefined, kv, timeMs: 0, timeNs: 0, caller: undefined, legacy: false };
}

/** Whether the installed filter walks an entry the encoders will write (`scan: 'entry'`) or leaves it to them. */
function walksEncoded(options: SanitizerOptions): boolean {
  const sanitizer = installSanitizer(options);
  const input = entry(['c', new Credentials()]);
  const out = sanitizer.filter.filterEntry!(input, true);
  sanitizer.uninstall();
  return out !== input;
}

function deepest(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { v: value };
  return value;
}

describe('sanitizer options at their edges', () => {
  resetFilterAfterEach();

  it('maxDepth: integers from 1 to 1000', () => {
    for (const maxDepth of [1, 2, 999, 1000]) expect(createSanitizer({ maxDepth }).mode).toBe('redact');
    for (const maxDepth of [0, -1, 1001, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5']) {
      expect(() => createSanitizer({ maxDepth } as never)).toThrow(ConfigError);
      expect(() => createSanitizer({ maxDepth } as never)).toThrow('must be an integer between 1 and 1000');
    }
  });

  it('maxDepth defaults to 32', () => {
    const sanitizer = createSanitizer({ scan: 'entry' });
    expect(JSON.stringify(sanitizer.sanitize(deepest(32)))).not.toContain('too-deep');
    expect(JSON.stringify(sanitizer.sanitize(deepest(33)))).toContain('[REDACTED:too-deep]');
  });

  it("scan: 'objects' is accepted with redact mode and keys or detectors that turn nothing on", () => {
    for (const options of [{}, { mode: 'redact' }, { keys: false }, { keys: [] }, { detectors: false }, { detectors: [] }, { keys: [], detectors: false }] as const) {
      expect(createSanitizer({ ...options, scan: 'objects' }).mode).toBe('redact');
    }
    for (const options of [{ mode: 'drop' }, { keys: ['pin'] }, { keys: {} }, { detectors: ['jwt'] }, { detectors: true }] as const) {
      expect(() => createSanitizer({ ...options, scan: 'objects' })).toThrow('needs mode "redact" and no keys or detectors');
    }
  });

  it("the default scan is 'objects' exactly when 'objects' would be accepted", () => {
    for (const options of [{}, { mode: 'redact' }, { keys: false }, { keys: [] }, { detectors: false }, { detectors: [] }, { paths: ['a.b'] }] as const) {
      expect(walksEncoded(options)).toBe(false);
    }
    for (const options of [{ mode: 'block' }, { mode: 'drop' }, { keys: true }, { keys: ['pin'] }, { detectors: true }, { detectors: ['jwt'] }] as const) {
      expect(walksEncoded(options)).toBe(true);
    }
  });
});

describe('installation', () => {
  resetFilterAfterEach();

  it('uninstalling a sanitizer that was replaced leaves the installed one installed', () => {
    const first = installSanitizer();
    const second = installSanitizer({ mode: 'block' });
    first.uninstall();
    expect(installedSanitizer()).toBe(second);
    expect(getEnvironmentData(WORKER_OPTIONS)).toStrictEqual({ mode: 'block' });
    second.uninstall();
    expect(installedSanitizer()).toBeUndefined();
    expect(getEnvironmentData(WORKER_OPTIONS)).toBeUndefined();
  });

  it('a sanitizer replaced by another filter is no longer the installed one, and uninstall leaves that filter', () => {
    const sanitizer = installSanitizer({ keys: true });
    expect(getEnvironmentData(WORKER_OPTIONS)).toStrictEqual({ keys: true });
    const other = { filterEntry: (e: Entry) => e };
    setLogFilter(other);
    expect(installedSanitizer()).toBeUndefined();
    sanitizer.uninstall();
    expect(getLogFilter()).toBe(other);
    expect(getEnvironmentData(WORKER_OPTIONS)).toBeUndefined();
  });

  it('a sanitizer that was only created is never the installed one, and its uninstall changes nothing', () => {
    const installed = installSanitizer({ detectors: true });
    const created = createSanitizer();
    expect(installedSanitizer()).toBe(installed);
    created.uninstall();
    expect(getLogFilter()).toBe(installed.filter);
    expect(installedSanitizer()).toBe(installed);
    expect(getEnvironmentData(WORKER_OPTIONS)).toStrictEqual({ detectors: true });
  });
});
