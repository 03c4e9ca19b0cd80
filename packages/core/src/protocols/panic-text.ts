/** The text of something thrown by user code (Go's `%s` of a recovered panic value). */
export function panicText(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return thrown.message;
    return String(thrown);
  } catch {
    return 'unprintable thrown value';
  }
}
