import type * as ts from 'typescript';
import { isFromLibrary } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';

/** The project getter (`a.creds`) or function (`make()`) whose result an expression is, whose returns can be read. */
export function returningFunction(ts: TypeScript, checker: ts.TypeChecker, expr: ts.Expression): ts.SignatureDeclaration | undefined {
  let decl: ts.Declaration | undefined;
  if (ts.isCallExpression(expr)) decl = checker.getResolvedSignature(expr)?.declaration;
  else if (ts.isPropertyAccessExpression(expr)) decl = checker.getSymbolAtLocation(expr.name)?.valueDeclaration;
  if (decl === undefined || isFromLibrary(decl)) return undefined;
  return ts.isFunctionLike(decl) && (!ts.isPropertyAccessExpression(expr) || ts.isGetAccessorDeclaration(decl)) ? decl : undefined;
}
