import type * as ts from 'typescript';
import { skipOuter } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';

/**
 * What position `index` of an array literal holds (through `await` and `Promise.all([...])`), so that
 * `const [user, token] = await Promise.all([loadUser(), getToken()])` keeps each element apart: nothing
 * when the literal is shorter; undefined when the value is not a literal or a spread hides the positions.
 */
export function tupleElements(ts: TypeScript, expr: ts.Expression, index: number): readonly ts.Expression[] | undefined {
  const e = skipOuter(ts, expr);
  if (ts.isAwaitExpression(e)) return tupleElements(ts, e.expression, index);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.getText() === 'Promise.all') {
    const [arg] = e.arguments;
    return arg === undefined ? undefined : tupleElements(ts, arg, index);
  }
  if (!ts.isArrayLiteralExpression(e) || e.elements.slice(0, index + 1).some((el) => ts.isSpreadElement(el))) return undefined;
  const element = e.elements[index];
  return element === undefined || ts.isOmittedExpression(element) ? [] : [element];
}
