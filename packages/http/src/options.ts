import type { IncomingMessage } from 'node:http';
import { background, ConfigError, type Logger } from '@klog-ts/core';

/** What request logging takes; every field is optional. */
export interface RequestLoggingOptions {
  /**
   * The logger each request's logger is made from (`withValues('requestID', id)`). Default: the global
   * logger (`background()`) at the time of each request, so a later `configure()` is followed.
   */
  readonly logger?: Logger;
  /**
   * The request header that carries the caller's request ID (any case), or `false` to always generate one.
   * Default `x-request-id`. A value that is not a valid request ID (see `isValidRequestId`) is ignored.
   */
  readonly requestIdHeader?: string | false;
  /** Makes a request ID when the request brings none (or an invalid one). Default `crypto.randomUUID()`. */
  readonly generateRequestId?: (req: IncomingMessage) => string;
  /** The V level of the `Request completed` and `Request aborted` entries. Default 0. */
  readonly accessLevel?: number;
  /** Whether `path` keeps the query string (`/pods?namespace=a`). Default false: it may hold secrets. */
  readonly logQuery?: boolean;
  /**
   * Request headers to log in the access entry, as a `headers` map (names in any case; absent ones left
   * out). Default none. Their values go through the log filter: install `@klog-ts/sanitizer` with
   * `keys: true` so that `authorization`, `cookie` and the like are redacted.
   */
  readonly headers?: readonly string[];
}

/** The options, validated and normalized once, when the middleware is made. */
export interface RequestLoggingSettings {
  readonly logger: () => Logger;
  readonly requestIdHeader: string | undefined;
  readonly generateRequestId: ((req: IncomingMessage) => string) | undefined;
  readonly accessLevel: number;
  readonly logQuery: boolean;
  readonly headers: readonly string[];
}

/** A header name as Node's `req.headers` keys it: an HTTP token, lowercased. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headerName(setting: string, value: unknown): string {
  if (typeof value !== 'string' || !HEADER_NAME.test(value)) throw new ConfigError(setting, value, 'must be an HTTP header name');
  return value.toLowerCase();
}

/** Validates the options; throws a ConfigError naming the first bad one (never later, while serving). */
export function resolveRequestLogging(options: RequestLoggingOptions = {}): RequestLoggingSettings {
  if (typeof options !== 'object' || options === null) throw new ConfigError('request logging options', options, 'must be an object');
  const { logger, requestIdHeader = 'x-request-id', generateRequestId, accessLevel = 0, logQuery = false, headers = [] } = options;
  if (logger !== undefined && (typeof logger !== 'object' || logger === null || typeof logger.withValues !== 'function')) {
    throw new ConfigError('logger', logger, 'must be a klog-ts Logger');
  }
  if (generateRequestId !== undefined && typeof generateRequestId !== 'function') throw new ConfigError('generateRequestId', generateRequestId, 'must be a function');
  if (!Number.isSafeInteger(accessLevel) || accessLevel < 0) throw new ConfigError('accessLevel', accessLevel, 'must be a non-negative integer');
  if (typeof logQuery !== 'boolean') throw new ConfigError('logQuery', logQuery, 'must be a boolean');
  if (!Array.isArray(headers)) throw new ConfigError('headers', headers, 'must be an array of header names');
  return {
    logger: logger === undefined ? background : () => logger,
    requestIdHeader: requestIdHeader === false ? undefined : headerName('requestIdHeader', requestIdHeader),
    generateRequestId,
    accessLevel,
    logQuery,
    headers: [...new Set((headers as readonly unknown[]).map((name) => headerName('headers', name)))],
  };
}
