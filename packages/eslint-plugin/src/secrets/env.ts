import * as ts from 'typescript';

/** What a parameter is bound to: the arguments (or, for `element`, an element of each), in their caller's bindings. */
export interface Binding {
  readonly args: readonly ts.Expression[];
  readonly env: Env;
  /** The parameter receives one element of each argument (a library callback's `x` in `xs.map((x) => ...)`). */
  readonly element?: boolean;
}

/**
 * What a function's parameters are bound to while its body is followed for one call; a class declaration
 * is bound to the receiver of a method call (`this`). Each binding carries the caller's own bindings.
 */
export type Env = ReadonlyMap<ts.Node, Binding>;

/** No bindings: the expression is followed where it stands. */
export const NO_ENV: Env = new Map();

/**
 * Binds a function's parameters to a call's arguments (a rest parameter takes the remaining ones, and a
 * spread before a parameter may land on it), and the method's class to the receiver.
 */
export function bindArguments(
  fn: ts.SignatureDeclaration,
  args: readonly ts.Expression[],
  env: Env,
  receiver?: ts.Expression,
): Env {
  const bound = new Map<ts.Node, Binding>();
  if (receiver && ts.isClassLike(fn.parent)) bound.set(fn.parent, { args: [receiver], env });
  fn.parameters.forEach((param, i) => {
    const passed = param.dotDotDotToken ? args.slice(i) : args.slice(i, i + 1);
    const spreads = args.slice(0, i).filter(ts.isSpreadElement);
    bound.set(param, { args: [...passed, ...spreads], env });
  });
  return bound;
}
