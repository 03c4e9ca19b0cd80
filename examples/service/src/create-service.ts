import { createServer, type Server } from 'node:http';
import { withLogger, type Logger } from '@klog-ts/core';
import type { Secret } from '@klog-ts/sanitizer';
import { BadRequestError, sendJSON } from './http-io.js';
import { PodStore } from './pod-store.js';
import { route } from './routes.js';
import type { User } from './user-store.js';
import { UserStore } from './user-store.js';

/** What the service is made of. */
export interface ServiceOptions {
  /** The root logger; each request logs through a child carrying its request ID, method and path. */
  readonly logger: Logger;
  /** The bearer token that pod changes need. */
  readonly apiToken: Secret<string>;
  readonly users: readonly User[];
}

/**
 * The example service: an HTTP API over fake pods. Every request runs with a request-scoped logger as its
 * contextual logger (`withLogger`), so handlers log through `fromContext()` and every record carries
 * `requestID`, `method` and `path`. Verbosity: V(1) request completed, V(2) reads, V(3) request received,
 * V(5) login request bodies.
 */
export function createService({ logger, apiToken, users }: ServiceOptions): Server {
  const pods = new PodStore();
  const accounts = new UserStore(users);
  let requests = 0;
  return createServer((req, res) => {
    const start = performance.now();
    const url = new URL(req.url ?? '/', 'http://service.invalid');
    const requestLogger = logger.withValues('requestID', `req-${++requests}`, 'method', req.method ?? '', 'path', url.pathname);
    withLogger(requestLogger, () => {
      requestLogger.V(3).infoS('Request received');
      res.on('finish', () => requestLogger.V(1).infoS('Request completed', 'status', res.statusCode, 'durationMs', Math.round((performance.now() - start) * 1000) / 1000));
      route({ req, res, url, pods, users: accounts, apiToken }).catch((err: unknown) => {
        if (err instanceof BadRequestError) {
          requestLogger.errorS(err, 'Bad request');
          if (!res.headersSent) sendJSON(res, 400, { error: err.message });
        } else {
          requestLogger.errorS(err, 'Request failed');
          if (!res.headersSent) sendJSON(res, 500, { error: 'internal error' });
        }
      });
    });
  });
}
