import { CheckerError } from '../errors/checker-error.js';

/** An invalid `klog-check.config.json` (or config object): the message names the offending field. */
export class ConfigError extends CheckerError {
  /** Dotted path of the bad field, e.g. `sinks[0].methods`; empty for the document itself. */
  readonly field: string;

  constructor(field: string, message: string, file?: string) {
    const where = file === undefined ? '' : `${file}: `;
    super('KLOG_CHECK_BAD_CONFIG', `${where}${field === '' ? '' : `${field} `}${message}`, file === undefined ? undefined : { file });
    this.field = field;
  }
}
