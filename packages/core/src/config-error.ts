/**
 * A configuration mistake (a negative verbosity, a malformed vmodule, an unknown format). Thrown when a
 * logger is configured, never while logging. The message names the setting and the bad value.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly code = 'KLOG_TS_CONFIG';

  constructor(
    /** The setting or flag, as the user wrote it (`vmodule`, `--logging-format`). */
    readonly setting: string,
    /** The value that was rejected. */
    readonly value: unknown,
    reason: string,
  ) {
    super(`invalid ${setting} ${JSON.stringify(value) ?? String(value)}: ${reason}`);
  }
}
