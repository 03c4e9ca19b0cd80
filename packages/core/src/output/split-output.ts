import type { Severity } from '../logger/severity.js';
import type { Output } from './output.js';

/**
 * Kubernetes' split stream (`--log-{text,json}-split-stream`): errors (E, F) to one output, info and
 * warnings to the other. Before an error is written the info output is flushed, so that a terminal
 * showing both streams keeps their order.
 */
export class SplitOutput implements Output {
  constructor(
    readonly info: Output,
    readonly errors: Output,
  ) {}

  /** Errors and fatal entries to `errors` (after flushing `info`), everything else to `info`. */
  write(text: string, severity: Severity): void {
    if (severity === 'E' || severity === 'F') {
      this.info.flush();
      this.errors.write(text, severity);
    } else this.info.write(text, severity);
  }

  /** Coloured under `color: 'auto'` only if both streams take colour (one piped to a file must not get it). */
  get color(): boolean {
    return this.info.color === true && this.errors.color === true;
  }

  /** Flushes both outputs. */
  flush(): void {
    this.info.flush();
    this.errors.flush();
  }
}
