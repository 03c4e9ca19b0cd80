import type * as ts from 'typescript';
import { ARGUMENT_FUNCTIONS, RECEIVER_METHODS } from '../definitions/library-flows.js';
import type { TypeScript } from './typescript-api.js';

// String methods whose arguments end up in the result too (`s.concat(t)`, `s.replace(p, t)`: the replacement).
const ARGUMENT_METHODS: ReadonlyMap<string, number> = new Map([['concat', 0], ['replace', 1], ['replaceAll', 1]]);

/**
 * The expressions whose content a call of a library function or method (one whose body is not followed)
 * carries into its result, by the callee's name (`definitions/library-flows.ts`): the receiver of a
 * `RECEIVER_METHODS` call (`s.trim()`), the arguments of an `ARGUMENT_FUNCTIONS` call (`JSON.stringify(x)`),
 * the added parts of `concat` and `replace`. Any other library call carries nothing: what an unknown
 * function returns is not assumed to be what it was given.
 */
export function libraryCarriers(ts: TypeScript, call: ts.CallExpression, name: string | undefined, receiver: ts.Expression | undefined): ts.Expression[] {
  if (name === undefined) return [];
  const carried: ts.Expression[] = [];
  if (receiver !== undefined && RECEIVER_METHODS.has(name)) carried.push(receiver);
  const from = receiver === undefined ? undefined : ARGUMENT_METHODS.get(name);
  if (ARGUMENT_FUNCTIONS.has(name)) carried.push(...call.arguments.slice(name === 'replace' || name === 'replaceAll' ? 1 : 0));
  else if (from !== undefined) carried.push(...call.arguments.slice(from));
  return carried.filter((e) => !ts.isArrowFunction(e) && !ts.isFunctionExpression(e));
}
