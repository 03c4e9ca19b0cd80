import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestLoggingSettings } from './options.js';

/** Longest request ID taken from a header: a UUID is 36 characters, a W3C traceparent 55. */
export const MAX_REQUEST_ID_LENGTH = 128;

/** Letters, digits and `-._~:/+=@`: what request-ID schemes use (UUIDs, ULIDs, base64, `host/seq`). */
const REQUEST_ID = /^[A-Za-z0-9\-._~:/+=@]+$/;

/**
 * Whether a caller's request ID may be logged as is: 1 to 128 characters of letters, digits and
 * `-._~:/+=@`. No quote, space, comma, control character or non-ASCII, so a hostile header can neither
 * forge a key/value pair nor bloat every line of its request.
 */
export function isValidRequestId(value: string): boolean {
  return value.length <= MAX_REQUEST_ID_LENGTH && REQUEST_ID.test(value);
}

/**
 * The request's ID: the header's value when it is a valid one, else a generated one. A generator that
 * throws or returns no string gets a UUID instead (logging never throws).
 */
export function requestIdOf(req: IncomingMessage, settings: RequestLoggingSettings): string {
  if (settings.requestIdHeader !== undefined) {
    // Node joins a repeated unknown header with ", ", which is not valid: a new ID is generated then.
    const value = req.headers[settings.requestIdHeader];
    if (typeof value === 'string' && isValidRequestId(value)) return value;
  }
  if (settings.generateRequestId === undefined) return randomUUID();
  try {
    const id = settings.generateRequestId(req);
    if (typeof id === 'string' && id !== '') return id;
  } catch {
    // A user's generator failed: the request is still logged, under a UUID.
  }
  return randomUUID();
}
