import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

/** A property of an object's type: its declarations, and the type of its value (an index signature's, if undeclared). */
export interface Member {
  readonly decls: readonly ts.Declaration[];
  readonly type: ts.Type | undefined;
}

/** Property `key` of the type of `node` (an expression or a declaration), through `?.` and unions with nullish. */
export function memberOf(checker: ts.TypeChecker, node: ts.Node, key: string): Member {
  const type = checker.getApparentType(checker.getNonNullableType(checker.getTypeAtLocation(node)));
  const symbol = checker.getPropertyOfType(type, key);
  if (symbol === undefined) return { decls: [], type: checker.getIndexInfosOfType(type)[0]?.type };
  return { decls: symbol.declarations ?? [], type: checker.getTypeOfSymbolAtLocation(symbol, node) };
}

/**
 * Whether a member's declarations in the program (`own`) say all it holds: an object literal's property, a
 * getter or a method, which what built the object cannot change. A field is also read from what built it.
 */
export function readsPrecisely(ts: TypeScript, own: readonly ts.Declaration[]): boolean {
  return own.length > 0 && own.every((d) => ts.isPropertyAssignment(d) || ts.isShorthandPropertyAssignment(d) || ts.isGetAccessorDeclaration(d) || ts.isMethodDeclaration(d));
}
