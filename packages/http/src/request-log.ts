import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@klog-ts/core';
import { countResponse, type ResponseCounter } from './response-counter.js';
import type { RequestLoggingSettings } from './options.js';
import { requestHeaders } from './request-headers.js';
import { requestIdOf } from './request-id.js';

const kRequestLog = Symbol('klog-ts.http.request-log');

type TrackedRequest = IncomingMessage & { [kRequestLog]?: RequestLog };

/** A path without its query string, unless the settings keep it. */
function pathOf(url: string, logQuery: boolean): string {
  if (logQuery) return url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Statuses whose responses have no body, whatever the handler wrote (Node drops it). */
function hasNoBody(method: string, status: number): boolean {
  return method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
}

/**
 * One request's logging: its logger (the base logger with `requestID` bound), and its access entry,
 * written once, when the response closes: `Request failed` (severity E, with `err` when the handler's
 * error is known) for a 5xx, or for a handler error that kept the response from being sent whole;
 * else `Request completed` when it was sent whole, `Request aborted` when the client left first.
 */
export class RequestLog {
  readonly logger: Logger;
  readonly requestId: string;
  readonly #settings: RequestLoggingSettings;
  readonly #req: IncomingMessage;
  readonly #method: string;
  readonly #path: string;
  readonly #start = performance.now();
  readonly #response: ResponseCounter;
  #error: unknown;
  #written = false;

  private constructor(settings: RequestLoggingSettings, req: IncomingMessage, res: ServerResponse) {
    this.#settings = settings;
    this.#req = req;
    this.#method = req.method ?? '';
    // Taken now: routers rewrite req.url (Express strips a mount path).
    this.#path = pathOf(req.url ?? '', settings.logQuery);
    this.requestId = requestIdOf(req, settings);
    this.logger = settings.logger().withValues('requestID', this.requestId);
    this.#response = countResponse(res);
    res.once('close', onResponseClose);
  }

  /** Starts logging a request (once: a second call, from a second middleware, returns the first log). */
  static start(settings: RequestLoggingSettings, req: IncomingMessage, res: ServerResponse): RequestLog {
    const tracked = req as TrackedRequest;
    return (tracked[kRequestLog] ??= new RequestLog(settings, req, res));
  }

  /** The request's log, if one was started. */
  static of(req: IncomingMessage): RequestLog | undefined {
    return (req as TrackedRequest)[kRequestLog];
  }

  /** Records the handler's error for the access entry (the first one wins). */
  fail(err: unknown): void {
    this.#error ??= err ?? new Error('request handler failed with no error value');
  }

  /** Whether the access entry is written already. */
  get written(): boolean {
    return this.#written;
  }

  /** Writes the access entry, once; called when the response closes. */
  close(res: ServerResponse): void {
    if (this.#written) return;
    this.#written = true;
    const status = this.#response.sentStatus ?? (res.headersSent ? res.statusCode : 0);
    const durationMs = Math.round((performance.now() - this.#start) * 1000) / 1000;
    const bytes = hasNoBody(this.#method, status) ? 0 : this.#response.bytes;
    const kv: unknown[] = ['method', this.#method, 'path', this.#path, 'status', status, 'durationMs', durationMs, 'bytes', bytes];
    const { headers, accessLevel } = this.#settings;
    if (headers.length > 0) kv.push('headers', requestHeaders(this.#req, headers));
    if (status >= 500 || (this.#error !== undefined && !res.writableFinished)) this.logger.errorS(this.#error, 'Request failed', ...kv);
    else if (res.writableFinished) this.logger.V(accessLevel).infoS('Request completed', ...kv);
    else this.logger.V(accessLevel).infoS('Request aborted', ...kv);
  }
}

function onResponseClose(this: ServerResponse): void {
  RequestLog.of(this.req)?.close(this);
}
