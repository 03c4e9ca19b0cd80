import type * as ts from 'typescript';
import type { TypeScript } from '../typescript/typescript-api.js';

/**
 * What a function summary leaves symbolic: a parameter, or one field of it destructured in the parameter
 * list (`{ host }: Opts`, `{ password, ...rest }: Creds`), resolved against that field of each call's
 * argument, so that `f({ host, password })` does not taint `host`.
 */
export type ParamRef = ts.ParameterDeclaration | ts.BindingElement;

/** The parameter a reference belongs to. */
export function parameterOf(ts: TypeScript, ref: ParamRef): ts.ParameterDeclaration {
  if (ts.isParameter(ref)) return ref;
  const owner = ref.parent.parent;
  if (!ts.isParameter(owner)) throw new Error('a field reference must be destructured directly in a parameter');
  return owner;
}
