import type { TypeScript } from '@klog-ts/taint/typescript';
import { ts } from 'ts-morph';

/**
 * ts-morph's bundled TypeScript, as the engine (`@klog-ts/taint/engine`) and the helpers take it: the checker
 * passes this where a helper asks for `ts`. The helpers are typed with the `typescript` package's
 * declarations; ts-morph bundles its own copy of them, from its own release (ts-morph 28: TypeScript 6.0.2,
 * whose `NodeWithTypeArguments` has a brand that 6.0.3 dropped), so the parameter types of its functions
 * differ in corners and the namespace is not assignable as it is. Every member the helpers call is checked
 * to exist here; what they do with the nodes is the same in both.
 */
const members: Record<keyof TypeScript, unknown> = ts;
export const tsApi = members as TypeScript;
