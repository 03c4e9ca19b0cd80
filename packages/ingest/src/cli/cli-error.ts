/** Exit codes of the klog-ts CLI. */
export const EXIT = {
  /** Everything was read. */
  OK: 0,
  /** Some records could not be read (each reported on stderr); every other record was processed. */
  PARSE_ERRORS: 1,
  /** A usage mistake or an input that could not be opened: nothing, or not everything, was processed. */
  USAGE: 2,
} as const;

/** A mistake of the user (a bad flag, a missing file): printed as one line, never with a stack. */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    message: string,
    /** Print the hint to run `--help` after the message. */
    readonly showHelpHint = true,
  ) {
    super(message);
  }
}
