import { ts } from 'ts-morph';
import { calleeName, nameText } from '../typescript/index.js';
import { thrownIn } from './call-taint.js';
import { ACCUMULATOR_METHODS, CALLBACK_PARAM, REJECTION_CALLBACK } from '../definitions/index.js';
import { step, through, type Taint } from './taint.js';
import type { TaintEngine } from './taint-engine.js';

/**
 * What a library method passes to parameter `index` of a callback given to it: the receiver's elements
 * (`forEach`, `map`, ...), the accumulator of `reduce` (its initial value, or an element), or a promise's
 * rejection reason (`catch`, the second callback of `then`), which is what the receiver throws.
 */
export function callbackParamTaint(engine: TaintEngine, call: ts.CallExpression, callback: ts.Expression, index: number, decl: ts.ParameterDeclaration): Taint | undefined {
  const method = calleeName(ts, call.expression);
  if (method === undefined || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const receiver = call.expression.expression;
  const position = call.arguments.indexOf(callback);
  const name = nameText(ts, decl.name) ?? '…';
  if (REJECTION_CALLBACK.get(method) === position) {
    return index === 0 ? through(thrownIn(engine, receiver), step(decl, `rejection passed to '${name}'`)) : undefined;
  }
  if (position !== 0) return undefined;
  if (ACCUMULATOR_METHODS.has(method) && index === 0) {
    const initial = call.arguments[1];
    return through(engine.taintOf(initial ?? receiver), step(decl, `accumulated in '${name}'`));
  }
  if (CALLBACK_PARAM.get(method) === index) return through(engine.taintOf(receiver), step(decl, `element passed to '${name}'`));
  return undefined;
}
