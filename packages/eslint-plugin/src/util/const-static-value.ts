import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import { childNodes } from './child-nodes.js';

/** `const` initializers followed at most this deep (`const A = B + 'x'; const B = C; ...`). */
const MAX_DEPTH = 8;

/** Keys of a node that hold types: nothing there is read at run time. */
const TYPE_KEYS: ReadonlySet<string> = new Set(['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType']);

/**
 * The value of an expression that is constant by declaration: literals, and `const` declarations followed
 * through their initializers (what `ASTUtils.getStaticValue` evaluates), but never a `let` or `var`, even
 * one that is never reassigned: a variable is a variable. `null` when the value is not known.
 */
export function constStaticValue(node: TSESTree.Node, scope: TSESLint.Scope.Scope): { value: unknown } | null {
  return readsOnlyConstants(node, scope, 0) ? ASTUtils.getStaticValue(node, scope) : null;
}

/** Whether every variable `node` reads (and, through `const` initializers, every one they read) is a `const`. */
function readsOnlyConstants(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return references(node).every((identifier) => {
    const variable = ASTUtils.findVariable(scope, identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    // Parameters, imports, functions and globals are left to getStaticValue, which knows only built-ins.
    if (def?.type !== TSESLint.Scope.DefinitionType.Variable) return true;
    if (def.parent.kind !== 'const') return false;
    return def.node.init === null || readsOnlyConstants(def.node.init, scope, depth + 1);
  });
}

/** The identifiers an expression reads: not property names (`a.b`, `{ b: 1 }`) nor anything in a type. */
function references(node: TSESTree.Node): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (current.type === AST_NODE_TYPES.Identifier) {
      found.push(current);
      return;
    }
    const propertyName =
      (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && 'property') ||
      (current.type === AST_NODE_TYPES.Property && !current.computed && 'key');
    for (const child of childNodes(current, (key) => TYPE_KEYS.has(key) || key === propertyName)) visit(child);
  };
  visit(node);
  return found;
}
