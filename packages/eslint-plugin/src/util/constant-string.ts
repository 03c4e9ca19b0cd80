import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { constStaticValue } from './const-static-value.js';
import { importBinding } from './import-binding.js';
import { unwrapExpression } from './member-name.js';
import { optionalTypeInfo } from './optional-type-info.js';

/**
 * What is known statically about an argument that should be a constant string:
 * - `string`: a constant string (a literal, an expression over `const` declarations, a string literal type
 *   under typed linting); a `let` or `var` is a variable, even one that is never reassigned;
 * - `non-string`: a constant of another type (`42`);
 * - `dynamic`: computed at run time;
 * - `unknown`: an imported binding linted without types, which may well be a constant.
 */
export type ConstantString =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'non-string' | 'dynamic' | 'unknown' };

// Several rules evaluate the same keys and messages; nodes are unique per parsed file.
const evaluated = new WeakMap<TSESTree.Node, ConstantString>();

/** Evaluates `node` as a constant string, following `const` declarations (not `let`/`var`) and, when present, types. */
export function constantString(
  node: TSESTree.Node,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ConstantString {
  let result = evaluated.get(node);
  if (!result) {
    result = evaluate(node, context);
    evaluated.set(node, result);
  }
  return result;
}

function evaluate(node: TSESTree.Node, context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ConstantString {
  const scope = context.sourceCode.getScope(node);
  const value = constStaticValue(node, scope);
  if (value) return typeof value.value === 'string' ? { kind: 'string', value: value.value } : { kind: 'non-string' };
  const services = optionalTypeInfo(context);
  if (services) {
    const type = services.getTypeAtLocation(node);
    return type.isStringLiteral() ? { kind: 'string', value: type.value } : { kind: 'dynamic' };
  }
  return isImported(node, scope) ? { kind: 'unknown' } : { kind: 'dynamic' };
}

/** `x`, `x.y` or `x[0]` where `x` is an import binding. */
function isImported(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  let root = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scope, root);
  return variable !== null && importBinding(variable) !== undefined;
}
