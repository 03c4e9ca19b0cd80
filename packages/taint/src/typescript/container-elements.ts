import type * as ts from 'typescript';
import { CALLBACK_PARAM, ELEMENT_GETTERS, ELEMENT_VIEWS } from '../definitions/library-flows.js';
import { isFromLibrary, nameText, skipOuter } from './ast-helpers.js';
import { classWrites } from './class-writes.js';
import { initialValue } from './initial-value.js';
import type { ProgramView } from './program-view.js';
import { storedArguments } from './writes-index.js';

const MAX_HOPS = 4;

function isLibraryCall(view: ProgramView, call: ts.CallExpression): boolean {
  const decl = view.checker.getResolvedSignature(call)?.declaration;
  return decl === undefined || isFromLibrary(decl);
}

function libraryMethod(view: ProgramView, call: ts.CallExpression, methods: ReadonlySet<string>): ts.Expression | undefined {
  const callee = call.expression;
  if (!view.ts.isPropertyAccessExpression(callee) || !methods.has(callee.name.text)) return undefined;
  return isLibraryCall(view, call) ? callee.expression : undefined;
}

/** The container a library method iterates for its callback's element parameter (`xs` in `xs.forEach((x) => ...)`). */
export function callbackContainer(view: ProgramView, param: ts.ParameterDeclaration): ts.Expression | undefined {
  const { ts } = view;
  const fn = param.parent;
  const call = fn.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || CALLBACK_PARAM.get(callee.name.text) !== fn.parameters.indexOf(param)) return undefined;
  return isLibraryCall(view, call) ? callee.expression : undefined;
}

/**
 * The container an expression reads one element of: `xs[i]`, `m.get(k)`, `xs.find(...)`, a `for...of`
 * variable, or a library callback's element parameter.
 */
export function elementContainer(view: ProgramView, expr: ts.Expression): ts.Expression | undefined {
  const { ts } = view;
  const e = skipOuter(ts, expr);
  if (ts.isElementAccessExpression(e)) return ts.isStringLiteralLike(e.argumentExpression) ? undefined : e.expression;
  if (ts.isCallExpression(e)) return libraryMethod(view, e, ELEMENT_GETTERS);
  if (!ts.isIdentifier(e)) return undefined;
  const decl = view.checker.getSymbolAtLocation(e)?.valueDeclaration;
  if (decl !== undefined && ts.isParameter(decl)) return callbackContainer(view, decl);
  const initial = decl !== undefined && ts.isVariableDeclaration(decl) ? initialValue(ts, decl) : undefined;
  return initial?.element === true ? initial.value : undefined;
}

// `xs`, `this.xs`: the container itself, not a part of it (`xs.inner`).
function isWhole(view: ProgramView, node: ts.Expression): boolean {
  const { ts } = view;
  return ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword);
}

// A value written into a container variable or field: an element it stores (`xs.push(v)`, `xs[i] = v`), or
// the container it now is (`xs = [...]`); undefined for a write into a part of it, which is not followed.
function fromWrite(view: ProgramView, value: ts.Expression, at: ts.Node, hops: number): ts.Expression[] | undefined {
  const { ts } = view;
  if (ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression) && isWhole(view, at.expression.expression)) {
    return storedArguments(nameText(ts, at.expression.name), at.arguments) === undefined ? undefined : [value];
  }
  if (ts.isBinaryExpression(at) && at.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    if (ts.isElementAccessExpression(at.left) && isWhole(view, at.left.expression)) return [value];
    if (isWhole(view, at.left)) return storedElements(view, value, hops + 1);
  }
  return undefined;
}

/**
 * The values stored in a container when every way in is known (an array literal, `new Map()`, then
 * `push`/`set`/`add` calls and reassignments, in a variable or a class field); undefined when not.
 */
export function storedElements(view: ProgramView, container: ts.Expression, hops = 0): ts.Expression[] | undefined {
  const { ts, checker } = view;
  if (hops > MAX_HOPS) return undefined;
  const c = skipOuter(ts, container);
  if (ts.isArrayLiteralExpression(c)) {
    const out: ts.Expression[] = [];
    for (const el of c.elements) {
      const part = ts.isSpreadElement(el) ? storedElements(view, el.expression, hops + 1) : ts.isOmittedExpression(el) ? [] : [el];
      if (part === undefined) return undefined;
      out.push(...part);
    }
    return out;
  }
  if (ts.isNewExpression(c)) return (c.arguments ?? []).length === 0 ? [] : undefined; // new Map(), new Set()
  if (ts.isCallExpression(c)) {
    const receiver = libraryMethod(view, c, ELEMENT_VIEWS);
    return receiver === undefined ? undefined : storedElements(view, receiver, hops + 1);
  }
  const decl = ts.isIdentifier(c) || ts.isPropertyAccessExpression(c) ? checker.getSymbolAtLocation(ts.isIdentifier(c) ? c : c.name)?.valueDeclaration : undefined;
  const writes: { value: ts.Expression; at: ts.Node }[] = [];
  if (decl !== undefined && ts.isVariableDeclaration(decl) && ts.isIdentifier(c)) {
    const initial = initialValue(ts, decl);
    if (initial === undefined || initial.element) return undefined;
    writes.push({ value: initial.value, at: decl }, ...view.writes.writesTo(decl));
  } else if (decl !== undefined && ts.isPropertyDeclaration(decl) && ts.isPropertyAccessExpression(c) && c.expression.kind === ts.SyntaxKind.ThisKeyword && !isFromLibrary(decl)) {
    if (decl.initializer !== undefined) writes.push({ value: decl.initializer, at: decl });
    for (const v of classWrites(ts, decl.parent, nameText(ts, decl.name) ?? '')) writes.push({ value: v, at: v.parent });
  } else {
    return undefined;
  }
  const out: ts.Expression[] = [];
  for (const w of writes) {
    const part = w.at === decl ? storedElements(view, w.value, hops + 1) : fromWrite(view, w.value, w.at, hops);
    if (part === undefined) return undefined;
    out.push(...part);
  }
  return out;
}
