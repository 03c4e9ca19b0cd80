import { formatPlain } from '../go/fmt-value.js';
import { panicText } from './panic-text.js';

/**
 * The `Error()` text of a value passed as an error: an Error's message, a string as is, otherwise the
 * `message` of an error-like object, else Go's `%v` of it. Never throws: a throwing getter gives `<panic: …>`.
 */
export function errorText(err: unknown): string {
  try {
    if (err instanceof Error) return String(err.message);
    if (typeof err === 'string') return err;
    if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
      return (err as { message: string }).message;
    }
    return formatPlain(err, 'v');
  } catch (thrown) {
    return `<panic: ${panicText(thrown)}>`;
  }
}
