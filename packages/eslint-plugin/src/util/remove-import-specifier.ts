import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

/**
 * Removes one specifier from an import declaration with its comma, or the whole declaration when it is
 * the only one (so no empty `import {} from` is left behind).
 */
export function removeImportSpecifier(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  specifier: TSESTree.ImportClause,
): TSESLint.RuleFix {
  const declaration = specifier.parent as TSESTree.ImportDeclaration;
  if (declaration.specifiers.length === 1) return fixer.remove(declaration);
  const after = sourceCode.getTokenAfter(specifier);
  if (after && ASTUtils.isCommaToken(after)) {
    const next = sourceCode.getTokenAfter(after);
    return fixer.removeRange([specifier.range[0], next ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(specifier);
  return fixer.removeRange([before && ASTUtils.isCommaToken(before) ? before.range[0] : specifier.range[0], specifier.range[1]]);
}
