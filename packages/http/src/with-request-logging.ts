import type { IncomingMessage, ServerResponse } from 'node:http';
import { withLogger } from '@klog-ts/core';
import { resolveRequestLogging, type RequestLoggingOptions } from './options.js';
import { RequestLog } from './request-log.js';

const INTERNAL_ERROR = 'Internal Server Error\n';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Answers 500 if nothing was sent yet; else ends the connection, so the client sees the response is cut. */
function answerFailure(log: RequestLog, res: ServerResponse, err: unknown): void {
  if (log.written) {
    // The access entry is out (the handler failed after its response ended): the error gets its own entry.
    log.logger.errorS(err, 'Request handler failed after the response');
    return;
  }
  log.fail(err);
  if (!res.headersSent) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(INTERNAL_ERROR) });
    res.end(INTERNAL_ERROR);
  } else if (!res.writableEnded) {
    res.destroy();
  }
}

/**
 * Wraps a `node:http` request listener: each request runs with its own logger as the contextual logger
 * (`fromContext()` in the handler and all the async work it starts returns it, `requestID` bound), and
 * gets one access entry when its response closes. A handler that throws or rejects is answered 500 (or,
 * if its response had begun, has its connection ended) and logged as `Request failed` with `err`.
 *
 * ```ts
 * createServer(withRequestLogging((req, res) => res.end('ok'))).listen(8080);
 * ```
 */
export function withRequestLogging(
  listener: (req: IncomingMessage, res: ServerResponse) => unknown,
  options?: RequestLoggingOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const settings = resolveRequestLogging(options);
  return (req, res) => {
    const log = RequestLog.start(settings, req, res);
    withLogger(log.logger, () => {
      try {
        const result = listener(req, res);
        if (isThenable(result)) result.then(undefined, (err: unknown) => answerFailure(log, res, err));
      } catch (err) {
        answerFailure(log, res, err);
      }
    });
  };
}
