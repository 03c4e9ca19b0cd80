import { panicText } from './panic-text.js';

/**
 * `String(value)` for a message, a logger name or a format that should have been a string: never throws
 * (a throwing `toString`, a null-prototype object or a revoked Proxy give `<panic: …>`, as klog renders a
 * panicking String()).
 */
export function safeString(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch (thrown) {
    return `<panic: ${panicText(thrown)}>`;
  }
}
