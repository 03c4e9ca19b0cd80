/**
 * `@klog-ts/taint/errors`: the base of every error klog-check and the ESLint rule's config loading report
 * to a user (`ConfigError` is one), and the few words that say why a file could not be read or written.
 */
export { CheckerError } from './checker-error.js';
export { ioReason } from './io-reason.js';
