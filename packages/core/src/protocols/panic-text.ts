/** The text of something thrown by user code (Go's `%s` of a recovered panic value). */
export function panicText(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return thrown.message;
    return String(thrown);
  } catch {
    return 'unprintable thrown value';
  }
}

/** The name of what user code threw (`TypeError`), never its message, which may quote a value being withheld. */
export function thrownName(thrown: unknown): string {
  try {
    return thrown instanceof Error ? String(thrown.name) : typeof thrown;
  } catch {
    return 'unknown';
  }
}
