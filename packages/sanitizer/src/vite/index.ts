/**
 * @klog-ts/sanitizer/vite: the Vite plugin that lowers standard decorators (`@datapolicy`) for Vite 8 and
 * vitest 4, whose default transform cannot.
 */
export { datapolicyDecorators, type DatapolicyDecoratorsOptions, type DatapolicyDecoratorsPlugin } from './datapolicy-decorators.js';
export type { DecoratorCompilerName } from './decorator-compiler.js';
