import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * A fix that makes the reference `identifier` name `newName` without changing what the code exposes: a
 * shorthand property `{ old }` keeps its key (`{ old: newName }`), and `export { old }` keeps its exported
 * name (`export { newName as old }`); anywhere else the identifier is replaced.
 */
export function renameReference(
  fixer: TSESLint.RuleFixer,
  identifier: TSESTree.Identifier | TSESTree.JSXIdentifier,
  newName: string,
): TSESLint.RuleFix {
  const parent = identifier.parent;
  if (parent.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === identifier) {
    return fixer.replaceText(identifier, `${identifier.name}: ${newName}`);
  }
  if (parent.type === AST_NODE_TYPES.ExportSpecifier && parent.local === identifier && parent.exported.range[0] === identifier.range[0]) {
    return fixer.replaceText(identifier, `${newName} as ${identifier.name}`);
  }
  return fixer.replaceText(identifier, newName);
}
