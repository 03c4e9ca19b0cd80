/**
 * `@klog-ts/taint/typescript`: the TypeScript-level helpers of the secret analysis, shared by the checker
 * (ts-morph's bundled TypeScript) and the ESLint plugin (the host's `typescript`). Each takes the `ts`
 * namespace that built its nodes; nothing here imports TypeScript or ts-morph at run time (the types are
 * `typescript`'s, imported as types only). Only what is used outside this folder (by the
 * engine, the checker or the plugin) is exported; the rest are this folder's own helpers.
 */
export {
  calleeName,
  declarationName,
  declarationOf,
  functionName,
  isFromLibrary,
  isLiteral,
  isPromiseReject,
  nameText,
  returnedExpressions,
  skipOuter,
} from './ast-helpers.js';
export { carriedByError } from './carried-by-error.js';
export { callbackInput } from './callback-input.js';
export { fieldValues } from './class-writes.js';
export { callbackContainer, elementContainer, storedElements } from './container-elements.js';
export { datapolicyOf } from './datapolicy-of.js';
export { contentOperands, transparentOperand } from './flow-operands.js';
export { holderSource, isHolderExpression, type HeldSecret } from './holder-source.js';
export { importedName } from './imported-name.js';
export { initialValue } from './initial-value.js';
export { isCleanType } from './is-clean-type.js';
export { isEntryKey } from './is-entry-key.js';
export { isFieldObject } from './is-field-object.js';
export { isFullMask } from './is-full-mask.js';
export { isNamedSecret, nameRoleOf } from './is-named-secret.js';
export { libraryCarriers } from './library-carriers.js';
export { matchSink, type SinkCall } from './match-sink.js';
export { memberOf, readsPrecisely, type Member } from './member-of.js';
export { isProcessEnv } from './process-env.js';
export { NeutralValues } from './neutral-values.js';
export type { ProgramView } from './program-view.js';
export { reachingWrites } from './reaching-writes.js';
export { returningFunction } from './returning-function.js';
export { scanRegistrations } from './registrations.js';
export { secretContainerField } from './secret-container.js';
export { secretTypeOf } from './secret-type-of.js';
export { overriddenKeys, siblingKeys, spreadKeys } from './spread-keys.js';
export { SubclassIndex } from './subclass-index.js';
export { traceSink } from './trace-sink.js';
export { tupleElements } from './tuple-elements.js';
export type { TypeScript } from './typescript-api.js';
export { WritesIndex, writtenKey, type Write } from './writes-index.js';
