import { panicText } from './panic-text.js';

/**
 * The `Error()` text of a value passed as an error: an Error's message, a string as is, otherwise the
 * `message` of an error-like object or its `String()`. Never throws: a throwing getter gives `<panic: …>`.
 */
export function errorText(err: unknown): string {
  try {
    if (err instanceof Error) return String(err.message);
    if (typeof err === 'string') return err;
    if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
      return (err as { message: string }).message;
    }
    return String(err);
  } catch (thrown) {
    return `<panic: ${panicText(thrown)}>`;
  }
}
