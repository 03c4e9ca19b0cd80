import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

/** The text of a declaration or property name (`#token` → `token`), or undefined for computed names. */
export function nameText(ts: TypeScript, name: ts.Node | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text.slice(1);
  return undefined;
}

/** The name a callee is called by: `f` in `f()`, `m` in `a.b.m()` and `a['m']()`, or undefined. */
export function calleeName(ts: TypeScript, callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return nameText(ts, callee.name);
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
    return callee.argumentExpression.text;
  }
  return undefined;
}

/** Literals never carry a secret from elsewhere. */
export function isLiteral(ts: TypeScript, node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.RegularExpressionLiteral:
      return true;
    default:
      return ts.isIdentifier(node) && node.text === 'undefined';
  }
}

/** Skips parentheses, type assertions, `!` and `satisfies`. */
export function skipOuter(ts: TypeScript, node: ts.Expression): ts.Expression {
  let n = node;
  while (
    ts.isParenthesizedExpression(n) ||
    ts.isAsExpression(n) ||
    ts.isTypeAssertionExpression(n) ||
    ts.isNonNullExpression(n) ||
    ts.isSatisfiesExpression(n)
  ) {
    n = n.expression;
  }
  return n;
}

/** The function a function-like declaration is known by, for messages and caller lookup. */
export function functionName(ts: TypeScript, fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isConstructorDeclaration(fn)) return fn.parent.name?.text;
  const own = nameText(ts, fn.name);
  if (own !== undefined) return own;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return nameText(ts, parent.name);
  }
  return undefined;
}

/** The nearest function body, module block or source file around a node. */
export function enclosingScope(ts: TypeScript, node: ts.Node): ts.Node {
  for (let n = node.parent; n !== undefined; n = n.parent) {
    if (ts.isFunctionLike(n) || ts.isSourceFile(n) || ts.isModuleBlock(n)) return n;
  }
  return node.getSourceFile();
}

/** The name node of a declaration (`x` in `const x`, `p` in `p: T`), or undefined. */
export function declarationName(node: ts.Node): ts.Node | undefined {
  const name = (node as { name?: ts.Node }).name;
  return name !== undefined && typeof name === 'object' && 'kind' in name ? name : undefined;
}

/** Whether a node comes from a declaration file or a dependency: a library, whose bodies are not followed. */
export function isFromLibrary(node: ts.Node): boolean {
  const file = node.getSourceFile();
  return file.isDeclarationFile || file.fileName.includes('/node_modules/');
}

/** The declarations behind an identifier or property name, through import aliases. */
export function declarationsOf(ts: TypeScript, node: ts.Node, checker: ts.TypeChecker): readonly ts.Declaration[] {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol === undefined) return [];
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol.declarations ?? [];
}

/** The declaration behind an identifier or property name (its value declaration first), through import aliases. */
export function declarationOf(ts: TypeScript, node: ts.Node, checker: ts.TypeChecker): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol === undefined) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol.valueDeclaration ?? symbol.declarations?.[0];
}

/** The expressions a function returns (an arrow's expression body, or its `return`s outside nested functions). */
export function returnedExpressions(ts: TypeScript, fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
  if (body === undefined) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression !== undefined) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** `Promise.reject(reason)`: a call that throws its first argument where the promise is awaited or caught. */
export function isPromiseReject(ts: TypeScript, call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && callee.name.text === 'reject';
}
