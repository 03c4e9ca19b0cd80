/** Why a record could not be read; stable, for programs that sort errors. */
export type ParseErrorCode =
  | 'NOT_A_RECORD'
  | 'BAD_HEADER'
  | 'BAD_KEY'
  | 'BAD_VALUE'
  | 'UNTERMINATED_STRING'
  | 'UNTERMINATED_BLOCK'
  | 'BAD_JSON';

const MAX_EXCERPT = 120;

/**
 * A line (or a multi-line record) that is not a klog record: truncated, garbage, or from another logger.
 * Readers report it and go on with the next record; nothing is dropped silently.
 */
export class ParseError extends Error {
  override name = 'ParseError';

  constructor(
    readonly code: ParseErrorCode,
    /** What is wrong, without the position (`unterminated quoted string`). */
    readonly reason: string,
    /** The 1-based line of the input where the problem is (0 for a lone line given to parseJSON). */
    readonly line: number,
    /** The 1-based column on that line where the problem was found, when known. */
    readonly column: number | undefined,
    /** The text of the record that could not be read. */
    readonly input: string,
  ) {
    super(`${line > 0 ? `line ${line}` : 'input'}${column === undefined ? '' : `, column ${column}`}: ${reason}`);
  }

  /** The start of the offending input, on one line, for error messages. */
  excerpt(): string {
    return JSON.stringify(this.input.length > MAX_EXCERPT ? `${this.input.slice(0, MAX_EXCERPT)}…` : this.input);
  }
}

/** A problem found by a scanner, at a 0-based offset of the line; the parser turns it into a ParseError. */
export class ScanProblem extends Error {
  constructor(
    readonly code: ParseErrorCode,
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}
