import { describeValue } from './config/describe-value.js';

/**
 * A configuration mistake (a negative verbosity, a malformed vmodule, an unknown format). Thrown when a
 * logger is configured, never while logging. The message names the setting and the bad value.
 */
export class ConfigError extends Error {
  /** Always `ConfigError`. */
  override name = 'ConfigError';
  /** A stable code to recognise these errors by, whatever the message says. */
  readonly code = 'KLOG_TS_CONFIG';

  constructor(
    /** The setting or flag, as the user wrote it (`vmodule`, `--logging-format`). */
    readonly setting: string,
    /** The value that was rejected. */
    readonly value: unknown,
    reason: string,
  ) {
    super(`invalid ${setting} ${describeValue(value)}: ${reason}`);
  }
}
