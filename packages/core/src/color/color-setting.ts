import { ConfigError } from '../config-error.js';

/**
 * Whether klog text is coloured: `'auto'` (the default) when the output is a terminal and the environment
 * does not say otherwise (see {@link colorEnabled}), `true` always, `false` never.
 */
export type ColorSetting = 'auto' | boolean;

/** Validates a `color` option; the error names `setting`. */
export function checkColorSetting(value: unknown, setting: string): void {
  if (value !== undefined && value !== 'auto' && typeof value !== 'boolean') {
    throw new ConfigError(setting, value, 'must be "auto", true or false');
  }
}

/**
 * Whether to colour output that goes to a stream: an explicit `true`/`false` decides (a command-line
 * choice outranks the environment, as no-color.org asks). Under `'auto'`: never when `NO_COLOR` is set
 * to anything but the empty string; else always when `FORCE_COLOR` is set (but `0` or `false`: never);
 * else when the stream is a terminal that is not `TERM=dumb`.
 */
export function colorEnabled(setting: ColorSetting, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (setting !== 'auto') return setting;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY && env.TERM !== 'dumb';
}
