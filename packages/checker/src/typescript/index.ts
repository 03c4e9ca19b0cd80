/**
 * `@klog-ts/checker/typescript`: the TypeScript-level helpers of the secret analysis, shared by the checker
 * (ts-morph's bundled TypeScript) and the ESLint plugin (the host's `typescript`). Each takes the `ts`
 * namespace that built its nodes; nothing here imports TypeScript or ts-morph at run time.
 */
export {
  calleeName,
  declarationName,
  declarationOf,
  declarationsOf,
  enclosingScope,
  functionName,
  isFromLibrary,
  isLiteral,
  nameText,
  returnedExpressions,
  skipOuter,
} from './ast-helpers.js';
export { datapolicyOf } from './datapolicy-of.js';
export { importedName } from './imported-name.js';
export { isCleanType } from './is-clean-type.js';
export { isFullMask } from './is-full-mask.js';
export { modulesOf } from './modules-of.js';
export { mayRunBefore, reachingWrites } from './reaching-writes.js';
export { secretTypeOf, type SecretTypeKind } from './secret-type-of.js';
export type { TypeScript } from './typescript-api.js';
export { storedArguments, WritesIndex, type Write } from './writes-index.js';
