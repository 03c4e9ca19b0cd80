import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

/**
 * Whether an expression is the process environment itself (`process.env`, also untyped in JavaScript), which
 * holds the credentials a service is deployed with: logged whole (`console.log(process.env)`,
 * `JSON.stringify(process.env)`) it is a leak. One variable read out of it (`process.env.HOME`) is judged by
 * that variable's name, so the engines give it a held source (see `withoutHeld`).
 */
export function isProcessEnv(ts: TypeScript, expr: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isPropertyAccessExpression(expr) || expr.name.text !== 'env') return false;
  const root = expr.expression;
  if (!ts.isIdentifier(root) || root.text !== 'process') return false;
  // The global `process` (typed by @types/node, or an undeclared JavaScript global), not a local of that name.
  const decl = checker.getSymbolAtLocation(root)?.valueDeclaration;
  return decl === undefined || decl.getSourceFile().isDeclarationFile;
}
