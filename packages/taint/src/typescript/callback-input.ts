import type * as ts from 'typescript';
import { ACCUMULATOR_METHODS, CALLBACK_PARAM, REJECTION_CALLBACK } from '../definitions/library-flows.js';
import { calleeName, nameText } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';

/**
 * What a library method passes to a parameter of a callback given to it: what `from` rejects with
 * (`rejection`), one element of `from` (`element`), or `from` itself (`value`); `note` names the hop.
 */
export interface CallbackInput {
  readonly from: ts.Expression;
  readonly as: 'rejection' | 'element' | 'value';
  readonly note: string;
}

/**
 * What the library method `call` passes to `param` of a callback among its arguments: the receiver's
 * elements (`forEach`, `map`, ...), the accumulator of `reduce` (its initial value, or an element), or a
 * promise's rejection reason (`catch`, the second callback of `then`). The engine reads this table,
 * after checking that the callee is a library's.
 */
export function callbackInput(ts: TypeScript, call: ts.CallExpression, param: ts.ParameterDeclaration): CallbackInput | undefined {
  const method = calleeName(ts, call.expression);
  if (method === undefined || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const receiver = call.expression.expression;
  const fn = param.parent;
  const position = call.arguments.indexOf(fn as ts.Expression);
  const index = fn.parameters.indexOf(param);
  const name = nameText(ts, param.name) ?? '…';
  if (REJECTION_CALLBACK.get(method) === position) {
    return index === 0 ? { from: receiver, as: 'rejection', note: `rejection passed to '${name}'` } : undefined;
  }
  if (position !== 0) return undefined;
  if (ACCUMULATOR_METHODS.has(method) && index === 0) {
    const initial = call.arguments[1];
    const note = `accumulated in '${name}'`;
    return initial === undefined ? { from: receiver, as: 'element', note } : { from: initial, as: 'value', note };
  }
  return CALLBACK_PARAM.get(method) === index ? { from: receiver, as: 'element', note: `element passed to '${name}'` } : undefined;
}
