/**
 * Base of every error the checker reports to a user. `code` is stable (tests and scripts match on it);
 * `file`/`line` point at the input that caused it when there is one, so the CLI can print one line.
 */
export class CheckerError extends Error {
  readonly code: string;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(code: string, message: string, location?: { file?: string; line?: number }) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.file = location?.file;
    this.line = location?.line;
  }
}
