/**
 * `@klog-ts/taint/engine`: the one backward taint engine of klog-check and the ESLint rule. It is handed the
 * compiler API that built the nodes (`TypeScript`), the program's type checker, the definitions, and what it
 * may see of callers (`CallIndex`: the whole program for klog-check, the file of the function asked about
 * for the rule); nothing here imports TypeScript or ts-morph at run time.
 */
export { CallIndex, type CallLike, type Sight } from './call-index.js';
export { parameterOf, type ParamRef } from './param-ref.js';
export { sinkFlow } from './sink-flow.js';
export type { Flow, Source, SourceKind, Step, Taint } from './taint.js';
export { TaintEngine, type ArgumentTaint } from './taint-engine.js';
