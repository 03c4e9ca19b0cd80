/**
 * `@klog-ts/taint/definitions`: the one definition of what a secret is, shared by the checker and the
 * ESLint plugin. It imports neither TypeScript nor ts-morph, so each side uses its own compiler instance.
 */
export { ConfigError } from './config-error.js';
export { CONFIG_FILE_NAME, parseConfig, validateConfig, type ConfigSink, type KlogCheckConfig } from './config.js';
export {
  createCredentialNameMatcher,
  DEFAULT_CREDENTIAL_TERMS,
  DEFAULT_EXCLUDED_NAMES,
  DEFAULT_FLAG_PREFIXES,
  DEFAULT_METADATA_WORDS,
  DEFAULT_QUALIFIER_PREFIXES,
  isCredentialName,
  type CredentialNameMatcher,
  type CredentialNameOptions,
} from './credential-names.js';
export { DEFAULT_ERROR_CARRIERS, findErrorCarrier, type ErrorCarrier } from './error-carriers.js';
export { LIBRARY_REDACTIONS, type LibraryRedaction } from './library-redactions.js';
export { DATAPOLICY_KINDS, DATAPOLICY_TAG, isDatapolicyTagName, SANITIZER_MODULE } from './datapolicy.js';
export { FULL_MASK_SOURCE, isFullMaskPattern } from './full-mask.js';
export {
  ACCUMULATOR_METHODS,
  ARGUMENT_FUNCTIONS,
  CALLBACK_PARAM,
  CONTAINER_MUTATORS,
  ELEMENT_GETTERS,
  ELEMENT_VIEWS,
  KEY_LISTERS,
  KEYED_GETTERS,
  MAPPING_METHODS,
  PRODUCER_VERBS,
  RECEIVER_METHODS,
  REJECTION_CALLBACK,
} from './library-flows.js';
export { STRUCTURED_CALLS, structuredShape, type CallShape, type KlogReceiver } from './klog-calls.js';
export { findConfig, loadConfigFile, type LoadedConfig } from './load-config.js';
export { resolveDefinitions, type Definitions } from './resolve-definitions.js';
export {
  createSanitizerMatcher,
  CRYPTO_SANITIZERS,
  DEFAULT_SANITIZERS,
  isSanitizerName,
  MASKING_METHODS,
  PROTECTION_WORDS,
  REF_SANITIZERS,
  SANITIZER_NAME_PREFIXES,
  SANITIZING_PROPERTIES,
  type SanitizerMatcher,
} from './sanitizers.js';
export { isRevealMethodName, isSecretTypeName, REVEAL_METHOD_NAMES, SECRET_TYPE_NAMES } from './secret-type.js';
export {
  DEFAULT_SINKS,
  findSink,
  KLOG_BINDING_METHODS,
  KLOG_LOG_METHODS,
  KLOG_MODULE,
  KLOG_VERBOSITY_METHOD,
  sinkMethodNames,
  STRUCTURAL_LOGGER_MARKERS,
  type SinkDefinition,
  type SinkRole,
} from './sinks.js';
export { normalizeName, splitIdentifier } from './split-identifier.js';
