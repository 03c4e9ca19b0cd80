/**
 * @klog-ts/http/express: request logging for Express 5, as two middlewares. Express is not imported: the
 * middlewares take Node's request and response, which Express's extend.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withLogger } from '@klog-ts/core';
import { resolveRequestLogging, type RequestLoggingOptions } from '../options.js';
import { RequestLog } from '../request-log.js';

/** Express's `next`. */
export type NextFunction = (err?: unknown) => void;

/**
 * The request-logging middleware: `app.use(expressRequestLogging())` before the routes. Each request's
 * later middlewares and handlers, and the async work they start, run with its logger as the contextual
 * logger (`fromContext()`, `requestID` bound); its access entry is written when the response closes.
 */
export function expressRequestLogging(options?: RequestLoggingOptions): (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void {
  const settings = resolveRequestLogging(options);
  return (req, res, next) => {
    withLogger(RequestLog.start(settings, req, res).logger, next);
  };
}

/**
 * The error middleware that gives the access entry its `err`: `app.use(expressErrorLogging())` after the
 * routes (and before your own error handlers, if any). It passes the error on unchanged; Express's final
 * handler, or yours, answers it.
 */
export function expressErrorLogging(): (err: unknown, req: IncomingMessage, res: ServerResponse, next: NextFunction) => void {
  return (err, req, _res, next) => {
    RequestLog.of(req)?.fail(err);
    next(err);
  };
}
