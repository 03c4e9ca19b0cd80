/**
 * @klog-ts/http/fastify: request logging for Fastify 5, as a plugin of hooks (not as Fastify's logger:
 * the package README says why).
 */
import { withLogger } from '@klog-ts/core';
import type { FastifyPluginCallback, onErrorHookHandler, onRequestHookHandler } from 'fastify';
import { resolveRequestLogging, type RequestLoggingOptions, type RequestLoggingSettings } from '../options.js';
import { RequestLog } from '../request-log.js';

const recordError: onErrorHookHandler = (request, _reply, err, done) => {
  RequestLog.of(request.raw)?.fail(err);
  done();
};

/**
 * The request-logging plugin: `await app.register(fastifyRequestLogging, options)`. It applies to the
 * whole application (not only to the context it is registered in), from the `onRequest` hook on: hooks,
 * handlers and the async work they start run with the request's logger as the contextual logger
 * (`fromContext()`, `requestID` bound), and the access entry is written when the response closes.
 */
export const fastifyRequestLogging: FastifyPluginCallback<RequestLoggingOptions> = (app, options, done) => {
  let settings: RequestLoggingSettings;
  try {
    settings = resolveRequestLogging(options);
  } catch (err) {
    done(err as Error);
    return;
  }
  // Fastify's body parser keeps the async context (an AsyncResource), so the context set here reaches
  // the later hooks and the handler: the tests post bodies that arrive late to check it.
  const start: onRequestHookHandler = (request, reply, next) => {
    withLogger(RequestLog.start(settings, request.raw, reply.raw).logger, next);
  };
  app.addHook('onRequest', start);
  app.addHook('onError', recordError);
  done();
};

// What fastify-plugin does: the hooks are added to the application, not to an encapsulated child context.
Object.assign(fastifyRequestLogging, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: '@klog-ts/http',
});
