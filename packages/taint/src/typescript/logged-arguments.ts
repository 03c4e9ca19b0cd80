import type * as ts from 'typescript';
import { skipOuter } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';

/**
 * A sink method called through `Function.prototype.call` or `apply` (`console.log.call(console, x)`,
 * `console.log.apply(this, arguments)`, a common way to forward a wrapper's arguments): the method is
 * the one before `.call`/`.apply`, with `forwarded` set. Undefined for any other callee.
 */
export function forwardedMethod(ts: TypeScript, callee: ts.Expression): ts.Expression | undefined {
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'call' && callee.name.text !== 'apply')) return undefined;
  const method = skipOuter(ts, callee.expression);
  return ts.isPropertyAccessExpression(method) || ts.isIdentifier(method) ? method : undefined;
}

/**
 * What a sink call logs: its arguments; through `call`, all but the first (the receiver); through `apply`,
 * the elements of its array literal, or the array (`arguments`) as a whole.
 */
export function loggedArguments(ts: TypeScript, call: ts.CallExpression): { args: readonly ts.Expression[]; forwarded: boolean } {
  if (forwardedMethod(ts, call.expression) === undefined) return { args: call.arguments, forwarded: false };
  const method = (call.expression as ts.PropertyAccessExpression).name.text;
  if (method === 'call') return { args: call.arguments.slice(1), forwarded: true };
  const list = call.arguments[1];
  if (list === undefined) return { args: [], forwarded: true };
  const array = skipOuter(ts, list);
  return { args: ts.isArrayLiteralExpression(array) ? array.elements : [list], forwarded: true };
}
