/**
 * @klog-ts/core: Kubernetes-style structured logging (klog's API) for TypeScript, writing klog's text
 * format and Kubernetes' JSON format byte for byte. See the package README for the guide.
 */
export {
  background,
  configure,
  createLogger,
  error,
  errorf,
  errorln,
  errorS,
  flush,
  info,
  infof,
  infoln,
  infoS,
  setVerbosity,
  setVModule,
  V,
  warning,
  warningf,
  warningln,
  type GlobalOptions,
} from './klog.js';
export { exit, exitf, exitln, fatal, fatalf, fatalln } from './exit/fatal.js';
export { EXIT_FLUSH_TIMEOUT_MS, flushAndExit } from './exit/flush-and-exit.js';
export { Logger } from './logger/logger.js';
export { fromContext, withLogger } from './context/contextual.js';
export { parseFlags, ENVIRONMENT, type ParsedFlags } from './config/parse-flags.js';
export type { FormatOptions, LoggingConfiguration } from './config/logging-configuration.js';
export { destination, Destination, type DestinationOptions, type OutputStats } from './output/destination.js';
export { SplitOutput } from './output/split-output.js';
export type { ReopenSignal } from './output/reopen-on-signal.js';
export type { ColorSetting } from './color/color-setting.js';
export type { EntrySink } from './logger/entry-sink.js';
export type { Verbose } from './logger/verbose.js';
export type { Entry } from './logger/entry.js';
export type { Severity } from './logger/severity.js';
export type { BoundValues } from './logger/bound-values.js';
export type { LogFilter } from './filter/log-filter.js';
export { getLogFilter, logFilterFailures, refilterBoundValues, setLogFilter } from './filter/filter-slot.js';
export { contextValuesHookFailures, getContextValuesHook, setContextValuesHook, type ContextValuesHook } from './filter/context-values.js';
export type { LoggerOptions, LogFormat } from './logger/options.js';
export type { Output, WritableLike } from './output/output.js';
export type { Clock } from './time/clock.js';
export type { CallSite } from './caller/call-site.js';
export { withCallSite } from './caller/capture-call-site.js';
export { callFunctionAt, callMethodAt } from './caller/call-at.js';
export type { VModuleItem } from './verbosity/vmodule.js';
export { ConfigError } from './config-error.js';
export { KObj, KRef, ObjectRef, type KMetadata, type ObjectRefJSON } from './refs/object-ref.js';
export { KObjs, KObjSlice, ObjectRefList } from './refs/kobj-slice.js';
export { Format, Formatted } from './refs/format.js';
export { marshalLog, type LogMarshaler } from './protocols/marshal-log.js';
