import type * as ts from 'typescript';
import type { Definitions } from '../definitions/resolve-definitions.js';
import { isCleanType } from './is-clean-type.js';
import { isFieldObject } from './is-field-object.js';
import { secretTypeOf } from './secret-type-of.js';
import type { TypeScript } from './typescript-api.js';

/**
 * Who chose the name: the author of a variable or parameter (`own`), who named it for what it holds, or
 * the owner of a property (`property`), often a library's API naming what the value refers to.
 */
export type NameRole = 'own' | 'property';

/**
 * Whether a credential-like name makes a value of `type` a secret by itself. Not when the type is clean
 * or a `Secret` wrapper (which renders redacted); and not for a property whose type is an object of
 * declared fields (`pod.spec.volumes[0].secret`, a `V1SecretVolumeSource`): that object counts by what it
 * holds (holderSource), not by its name.
 */
export function isNamedSecret(
  ts: TypeScript,
  checker: ts.TypeChecker,
  defs: Definitions,
  name: string | undefined,
  type: ts.Type,
  role: NameRole,
): boolean {
  if (name === undefined || !defs.isCredentialName(name.replace(/^#/, ''))) return false;
  if (isCleanType(ts, type) || secretTypeOf(type, defs) === 'wrapper') return false;
  return role === 'own' || !isFieldObject(ts, type, checker);
}

/** The role of the name a declaration or read gives a value: variables, parameters and array positions are `own`. */
export function nameRoleOf(ts: TypeScript, node: ts.Node): NameRole {
  if (ts.isVariableDeclaration(node) || ts.isParameter(node)) return 'own';
  return ts.isBindingElement(node) && ts.isArrayBindingPattern(node.parent) ? 'own' : 'property';
}
