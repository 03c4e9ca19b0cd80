/**
 * @klog-ts/sanitizer: the runtime defence. Tag secrets (`@datapolicy`, `registerDataPolicy`, `Secret`)
 * and install the filter (`installSanitizer`) that keeps them out of every klog-ts log line.
 */
export { datapolicy, type DataPolicyDecorator } from './datapolicy.js';
export { redactionMarker, type DataPolicyKind, type DataPolicyKinds } from './kinds.js';
export {
  registerDataPolicy,
  type DataPolicyClass,
  type DataPolicyFields,
  type DataPolicyMatcher,
  type DataPolicyTarget,
  type RegisterDataPolicyOptions,
} from './registry.js';
export { HTTP_HEADER_FIELDS } from './builtin-policies.js';
export { isSecret, Secret, secret } from './secret.js';
export { createSanitizer, installedSanitizer, installSanitizer, type Sanitizer, type SanitizerOptions } from './install-sanitizer.js';
export type { SanitizerMode } from './sanitizer-filter.js';
export type { SanitizerMetrics } from './sanitizer-metrics.js';
export { DEFAULT_SECRET_KEYS, type KeyNamesOption } from './key-names.js';
export { DETECTOR_NAMES, type DetectorName, type DetectorsOption } from './detectors.js';
export type { PathsOption } from './redaction-paths.js';
export { BLOCKED_MESSAGE } from './blocked-entry.js';
export { sanitize } from './sanitize.js';
