import type { VModuleItem } from '../verbosity/vmodule.js';

/** Per-format output options of Kubernetes' LoggingConfiguration. */
export interface FormatOptions {
  /** Info messages to stdout, errors to stderr (`--log-text-split-stream`, `--log-json-split-stream`). */
  splitStream?: boolean;
  /**
   * With a split stream, how many bytes of info messages may be buffered before they are written
   * (`--log-*-info-buffer-size`): a byte count or a quantity (`64Ki`). 0, the default, writes at once.
   */
  infoBufferSize?: number | string;
}

/**
 * The shape of Kubernetes' `LoggingConfiguration` (component-base `logs/api/v1`), as `configure()` and
 * `parseFlags()` take and return it.
 */
export interface LoggingConfiguration {
  /** `text` (default) or `json` (`--logging-format`). */
  format?: 'text' | 'json';
  /**
   * The longest time between flushes of buffered output: a Go duration (`'5s'`, `'100ms'`) or, as in
   * Kubernetes, an integer number of nanoseconds (`1000000000` is 1 s). Default 5 s.
   */
  flushFrequency?: number | string;
  /** klog's `-v`. */
  verbosity?: number;
  /** klog's `-vmodule`: `[{ filePattern, verbosity }]` or `"pattern=N,..."`. */
  vmodule?: readonly VModuleItem[] | string;
  /** Per-format output routing (`--log-text-split-stream`, `--log-json-info-buffer-size`, …). */
  options?: {
    text?: FormatOptions;
    json?: FormatOptions;
  };
}
