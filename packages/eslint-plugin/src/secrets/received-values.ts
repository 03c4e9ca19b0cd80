import { callbackInput, isFromLibrary, nameText } from '@klog-ts/taint/typescript';
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

// What a library method passes to the callback parameter (the shared callbackInput), as the rule follows it.
function fromLibrary(call: ts.CallExpression, param: ts.ParameterDeclaration, env: Env): Received[] {
  const input = callbackInput(ts, call, param);
  if (input === undefined) return [];
  if (input.as === 'rejection') return [{ rejectedBy: input.from, env, note: input.note }];
  return [{ value: input.from, env, element: input.as === 'element', note: input.note }];
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
  const note = `passed as '${nameText(ts, param.name) ?? '…'}'`;
  const bound = env.get(param);
  if (bound) return bound.args.map((value) => ({ value, env: bound.env, element: bound.element === true, note }));
  const fn = param.parent;
  const call = fn.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isCallExpression(call)) return [];
  const position = call.arguments.indexOf(fn);
  const index = fn.parameters.indexOf(param);
  if (position < 0) return [];
  const callee = checker.getResolvedSignature(call)?.declaration;
  if (callee === undefined || isFromLibrary(callee)) return fromLibrary(call, param, env);
  return ts.isFunctionLike(callee) ? fromProject(checker, callee, call, position, index, env, note) : [];
}
