import { ConfigError } from '@klog-ts/core';
import { expect } from 'vitest';

/** What `fn` threw (it must throw). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/**
 * Asserts that `fn` throws a ConfigError for `setting` and `value` whose message ends with `: <reason>`.
 * The middle of the message (how core quotes the value) is core's business, so it is not pinned here.
 */
export function expectConfigError(fn: () => unknown, setting: string, value: unknown, reason: string): void {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(ConfigError);
  const { setting: actualSetting, value: actualValue, message } = error as ConfigError;
  expect(actualSetting).toBe(setting);
  expect(actualValue).toBe(value);
  expect(message.slice(0, `invalid ${setting} `.length)).toBe(`invalid ${setting} `);
  expect(message.slice(-(reason.length + 2))).toBe(`: ${reason}`);
}

/** The message `@datapolicy`, `secret()` and registerDataPolicy give a kind that is not a valid name. */
export function invalidKind(quoted: string): string {
  return `invalid datapolicy kind ${quoted} (expected "password", "token", "security-key" or a lowercase name such as "api-key")`;
}
