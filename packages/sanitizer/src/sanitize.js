import { createSanitizer, installedSanitizer } from './install-sanitizer.js';
let defaults;
/**
 * A value with its secrets replaced, by the installed sanitizer's rules (or, if none is installed, by
 * the defaults: tagged fields, registered types and Secrets). The original is never changed; it is
 * returned as is when it holds no secret. Handy to show what a log line will contain, or to clean a
 * value headed for another sink.
 *
 * @example
 * sanitize(new Credentials('alice', 'hunter2'));  // Credentials { user: 'alice', password: '[REDACTED:password]' }
 */
export function sanitize(value) {
    return (installedSanitizer() ?? (defaults ??= createSanitizer())).sanitize(value);
}
