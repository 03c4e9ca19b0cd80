/**
 * @klog-ts/http: request logging for `node:http` (this entry point), Express 5 (`@klog-ts/http/express`)
 * and Fastify 5 (`@klog-ts/http/fastify`). See the package README for the entries and their keys.
 */
export { withRequestLogging } from './with-request-logging.js';
export type { RequestLoggingOptions } from './options.js';
export { isValidRequestId, MAX_REQUEST_ID_LENGTH } from './request-id.js';
