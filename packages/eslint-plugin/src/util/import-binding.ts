import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, TSESLint } from '@typescript-eslint/utils';

/** What an import binding refers to: a module and an export name (`*` for a namespace import). */
export interface ImportBinding {
  readonly module: string;
  readonly imported: string;
}

/** The import a variable is bound to, or `undefined` for a variable that is not an import. */
export function importBinding(variable: TSESLint.Scope.Variable): ImportBinding | undefined {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== TSESLint.Scope.DefinitionType.ImportBinding) return undefined;
  const declaration = def.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const module = declaration.source.value;
  const specifier = def.node;
  switch (specifier.type) {
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return { module, imported: '*' };
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return { module, imported: 'default' };
    case AST_NODE_TYPES.ImportSpecifier:
      return { module, imported: specifierName(specifier.imported) };
    default:
      return undefined;
  }
}

function specifierName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}
