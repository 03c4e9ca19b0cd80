/**
 * @klog-ts/sanitizer: the runtime defence. Tag secrets (`@datapolicy`, `registerDataPolicy`, `Secret`)
 * and install the filter (`installSanitizer`) that keeps them out of every klog-ts log line.
 */
export { datapolicy } from './datapolicy.js';
export { redactionMarker } from './kinds.js';
export { registerDataPolicy, } from './registry.js';
export { HTTP_HEADER_FIELDS } from './builtin-policies.js';
export { isSecret, Secret, secret } from './secret.js';
export { createSanitizer, installedSanitizer, installSanitizer } from './install-sanitizer.js';
export { DEFAULT_SECRET_KEYS } from './key-names.js';
export { DETECTOR_NAMES } from './detectors.js';
export { BLOCKED_MESSAGE } from './blocked-entry.js';
export { sanitize } from './sanitize.js';
