import type { IncomingMessage } from 'node:http';

/**
 * The allowlisted request headers the request has, as a plain object keyed by lowercase name (`cookie`
 * as Node joins it, a repeated `set-cookie` as its array). Plain, so the sanitizer's key-name redaction
 * (`keys: true`) sees `authorization` and `cookie` as it sees them in any object.
 */
export function requestHeaders(req: IncomingMessage, names: readonly string[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const name of names) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}
