import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGGER_NAME_PATTERN, readKlogSettings } from '../src/util/klog-settings.js';

describe('readKlogSettings', () => {
  it('defaults to @klog-ts/core and the logger name pattern', () => {
    const settings = readKlogSettings({});
    expect([...settings.modules]).toEqual(['@klog-ts/core']);
    expect(settings.loggerNamePattern.source).toBe(DEFAULT_LOGGER_NAME_PATTERN);
    expect(['log', 'logger', 'requestLogger'].every((n) => settings.loggerNamePattern.test(n))).toBe(true);
    expect(['logs', 'catalog', 'console', 'createLogger', 'withLogger', 'getLogger'].some((n) => settings.loggerNamePattern.test(n))).toBe(false);
  });

  it('adds modules to the default and compiles the pattern once per settings object', () => {
    const raw = { '@klog-ts': { modules: ['./logging.js'], loggerNamePattern: '^lg$' } };
    const settings = readKlogSettings(raw);
    expect([...settings.modules]).toEqual(['@klog-ts/core', './logging.js']);
    expect(settings.loggerNamePattern.test('lg')).toBe(true);
    expect(readKlogSettings(raw)).toBe(settings);
  });

  it.each([
    [{ '@klog-ts': 'core' }, /settings\['@klog-ts'\] must be an object, got "core"/],
    [{ '@klog-ts': { module: [] } }, /unknown field "module"/],
    [{ '@klog-ts': { modules: '@klog-ts/core' } }, /modules must be an array of import specifiers/],
    [{ '@klog-ts': { loggerNamePattern: 3 } }, /loggerNamePattern must be a string/],
    [{ '@klog-ts': { loggerNamePattern: '(' } }, /loggerNamePattern is not a valid regular expression/],
  ])('rejects %j with a message naming the field', (raw, message) => {
    expect(() => readKlogSettings(raw)).toThrow(message);
  });
});
