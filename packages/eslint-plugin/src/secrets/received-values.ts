import { ACCUMULATOR_METHODS, CALLBACK_PARAM, REJECTION_CALLBACK } from '@klog-ts/checker/definitions';
import { calleeName, isFromLibrary, nameText } from '@klog-ts/checker/typescript';
import * as ts from 'typescript';
import type { Env } from './env.js';
import { bindArguments } from './env.js';

/**
 * A value a parameter receives where the rule can see its callers: an argument (or, for `element`, one
 * element of it) in its caller's bindings, or the reason a promise rejects with (`rejectedBy`).
 */
export type Received =
  | { readonly value: ts.Expression; readonly env: Env; readonly element: boolean; readonly note: string }
  | { readonly rejectedBy: ts.Expression; readonly env: Env; readonly note: string };

// What a library method passes to the callback parameter `index` (callback at argument `position`): the
// receiver's elements (`forEach`, `map`, ...), the accumulator of `reduce` (its initial value, or an element),
// or a promise's rejection reason (`catch`, the second callback of `then`). The checker's table.
function fromLibrary(call: ts.CallExpression, position: number, index: number, env: Env, name: string): Received[] {
  const method = calleeName(ts, call.expression);
  if (method === undefined || !ts.isPropertyAccessExpression(call.expression)) return [];
  const receiver = call.expression.expression;
  if (REJECTION_CALLBACK.get(method) === position) return index === 0 ? [{ rejectedBy: receiver, env, note: `rejection passed to '${name}'` }] : [];
  if (position !== 0) return [];
  if (ACCUMULATOR_METHODS.has(method) && index === 0) {
    const initial = call.arguments[1];
    const note = `accumulated in '${name}'`;
    return [initial === undefined ? { value: receiver, env, element: true, note } : { value: initial, env, element: false, note }];
  }
  return CALLBACK_PARAM.get(method) === index ? [{ value: receiver, env, element: true, note: `element passed to '${name}'` }] : [];
}

// A callback passed to a function of the program (`onGrant(({ grant }) => ...)`): what that function's
// body passes when it calls the parameter receiving the callback, with the function's own parameters bound.
function fromProject(checker: ts.TypeChecker, callee: ts.SignatureDeclaration, call: ts.CallExpression, position: number, index: number, env: Env, note: string): Received[] {
  const receiving = callee.parameters[position];
  const body = (callee as { body?: ts.Node }).body;
  if (receiving === undefined || receiving.dotDotDotToken !== undefined || body === undefined) return [];
  const symbol = checker.getSymbolAtLocation(receiving.name);
  const bound = bindArguments(callee, call.arguments, env);
  const found: Received[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && checker.getSymbolAtLocation(node.expression) === symbol) {
      const arg = node.arguments[index];
      if (arg !== undefined) found.push({ value: arg, env: bound, element: false, note });
    }
    ts.forEachChild(node, visit);
  };
  if (symbol !== undefined) visit(body);
  return found;
}

/**
 * What a parameter receives, where its callers are visible: the arguments bound by `env` (a body followed
 * for one call); for a callback passed to a library method, what the method passes (fromLibrary); for a
 * callback passed to a function of the program, what that function calls it with. Empty when the callers
 * are not in sight (the function under lint is called from elsewhere).
 */
export function receivedBy(checker: ts.TypeChecker, param: ts.ParameterDeclaration, env: Env): Received[] {
  const name = nameText(ts, param.name) ?? '…';
  const note = `passed as '${name}'`;
  const bound = env.get(param);
  if (bound) return bound.args.map((value) => ({ value, env: bound.env, element: bound.element === true, note }));
  const fn = param.parent;
  const call = fn.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isCallExpression(call)) return [];
  const position = call.arguments.indexOf(fn);
  const index = fn.parameters.indexOf(param);
  if (position < 0) return [];
  const callee = checker.getResolvedSignature(call)?.declaration;
  if (callee === undefined || isFromLibrary(callee)) return fromLibrary(call, position, index, env, name);
  return ts.isFunctionLike(callee) ? fromProject(checker, callee, call, position, index, env, note) : [];
}
