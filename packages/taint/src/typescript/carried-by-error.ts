import type * as ts from 'typescript';
import { findErrorCarrier, type ErrorCarrier } from '../definitions/error-carriers.js';
import type { Definitions } from '../definitions/resolve-definitions.js';
import { isFromLibrary } from './ast-helpers.js';
import { modulesOf } from './modules-of.js';
import type { TypeScript } from './typescript-api.js';

/**
 * The arguments an error of this call holds, when the callee belongs to an error carrier
 * (`Definitions.errorCarriers`: axios, got, ...): found by where the called signature is declared
 * (`axios.post`, an `axios.create()` instance) or by the import its receiver chain starts from
 * (`import { request } from '@octokit/request'`, typed in `@octokit/types`). The engine adds what these
 * carry to what a `try` block or a rejected promise throws.
 */
export function carriedByError(ts: TypeScript, call: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker, defs: Definitions): ts.Expression[] {
  if (defs.errorCarriers.length === 0) return [];
  const carrier = carrierOf(ts, call, checker, defs.errorCarriers);
  if (carrier === undefined) return [];
  const args = call.arguments ?? [];
  const carried = carrier.arguments === undefined ? args : args.filter((_, i) => carrier.arguments?.includes(i) === true);
  return carried.filter((a) => !ts.isArrowFunction(a) && !ts.isFunctionExpression(a));
}

function carrierOf(ts: TypeScript, call: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker, carriers: readonly ErrorCarrier[]): ErrorCarrier | undefined {
  const decl = checker.getResolvedSignature(call)?.declaration;
  if (decl !== undefined && isFromLibrary(decl)) {
    for (const module of modulesOf(ts, decl)) {
      const hit = findErrorCarrier(carriers, module);
      if (hit !== undefined) return hit;
    }
  }
  const imported = importedFrom(ts, call.expression, checker);
  return imported === undefined ? undefined : findErrorCarrier(carriers, imported);
}

// The module specifier the receiver chain of a callee starts from: `import x from 'm'`, `require('m')`.
function importedFrom(ts: TypeScript, callee: ts.Expression, checker: ts.TypeChecker): string | undefined {
  let root = callee;
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root)) root = root.expression;
  if (!ts.isIdentifier(root)) return undefined;
  const decl = checker.getSymbolAtLocation(root)?.declarations?.[0];
  if (decl === undefined) return undefined;
  const imported = ts.findAncestor(decl, ts.isImportDeclaration);
  if (imported !== undefined) return ts.isStringLiteral(imported.moduleSpecifier) ? imported.moduleSpecifier.text : undefined;
  if (ts.isImportEqualsDeclaration(decl) && ts.isExternalModuleReference(decl.moduleReference)) {
    const from = decl.moduleReference.expression;
    return ts.isStringLiteral(from) ? from.text : undefined;
  }
  const init = ts.isVariableDeclaration(decl) ? decl.initializer : ts.isBindingElement(decl) ? (decl.parent.parent as ts.VariableDeclaration).initializer : undefined;
  if (init !== undefined && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require') {
    const [from] = init.arguments;
    return from !== undefined && ts.isStringLiteral(from) ? from.text : undefined;
  }
  return undefined;
}
