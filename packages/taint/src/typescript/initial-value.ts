import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

/** What a variable starts with: `value` itself, or (`element`) one element of it. */
export interface InitialValue {
  readonly value: ts.Expression;
  readonly element: boolean;
}

/**
 * What a variable declaration starts with: the iterated expression of a `for...of` (one element of it),
 * else its initializer; undefined when it has neither (`let x;`, a `catch` or `for...in` variable).
 */
export function initialValue(ts: TypeScript, decl: ts.VariableDeclaration): InitialValue | undefined {
  const loop = ts.isVariableDeclarationList(decl.parent) ? decl.parent.parent : undefined;
  if (loop !== undefined && ts.isForOfStatement(loop)) return { value: loop.expression, element: true };
  return decl.initializer === undefined ? undefined : { value: decl.initializer, element: false };
}
