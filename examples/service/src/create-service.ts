import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { context, trace, type Tracer } from '@opentelemetry/api';
import { fromContext, type Logger } from '@klog-ts/core';
import { withRequestLogging } from '@klog-ts/http';
import type { Secret } from '@klog-ts/sanitizer';
import { BadRequestError, sendJSON } from './http-io.js';
import { PodStore } from './pod-store.js';
import { route } from './routes.js';
import type { User } from './user-store.js';
import { UserStore } from './user-store.js';

/** What the service is made of. */
export interface ServiceOptions {
  /** The root logger; each request logs through a child carrying its request ID (`@klog-ts/http`). */
  readonly logger: Logger;
  /** The bearer token that pod changes need. */
  readonly apiToken: Secret<string>;
  readonly users: readonly User[];
  /** Each request runs in a span of this tracer (see tracing.ts), so its entries carry the span's ids. */
  readonly tracer: Tracer;
}

/**
 * The example service: an HTTP API over fake pods. `@klog-ts/http` runs every request with a
 * request-scoped logger as its contextual logger, so handlers log through `fromContext()` and every
 * record carries `requestID` (the caller's `x-request-id`, else a UUID); it writes the V(1) access entry
 * (`Request completed`: method, path, status, durationMs, bytes) and answers 500 for an unexpected error
 * (`Request failed` with err). Each request runs in an OpenTelemetry span: with `@klog-ts/otel`'s trace
 * correlation on (tracing.ts), its entries also carry `trace_id`, `span_id` and `trace_flags`.
 * Verbosity: V(1) access entries, V(2) reads, V(5) login request bodies.
 */
export function createService({ logger, apiToken, users, tracer }: ServiceOptions): Server {
  const pods = new PodStore();
  const accounts = new UserStore(users);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://service.invalid');
    try {
      await route({ req, res, url, pods, users: accounts, apiToken });
    } catch (err) {
      if (!(err instanceof BadRequestError)) throw err;
      fromContext().errorS(err, 'Bad request');
      if (!res.headersSent) sendJSON(res, 400, { error: err.message });
    }
  };
  const logged = withRequestLogging(handle, { logger, accessLevel: 1 });
  // The span is made around request logging, so that its access entry is written inside it too.
  return createServer((req, res) => {
    const span = tracer.startSpan(`${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`);
    res.once('close', () => span.end());
    context.with(trace.setSpan(context.active(), span), () => logged(req, res));
  });
}
