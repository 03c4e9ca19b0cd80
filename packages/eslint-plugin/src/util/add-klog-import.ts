import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { KLOG_MODULE } from './klog-settings.js';

/**
 * Fixes that make `name` (a klog-ts export) callable in the file: nothing when `reference` already names
 * it, else a specifier added to an existing `import { ... } from '@klog-ts/core'`, else a new import.
 * Returns the text to call it by and the fixes.
 */
export function addKlogImport(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: string,
  reference: string | undefined,
): { readonly callee: string; readonly fixes: TSESLint.RuleFix[] } {
  if (reference !== undefined) return { callee: reference, fixes: [] };
  const { body } = sourceCode.ast;
  const named = body.find(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.source.value === KLOG_MODULE &&
      statement.importKind !== 'type' &&
      statement.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier),
  );
  if (named?.type === AST_NODE_TYPES.ImportDeclaration) {
    const last = named.specifiers.at(-1);
    if (last) return { callee: name, fixes: [fixer.insertTextAfter(last, `, ${name}`)] };
  }
  const first = body[0];
  const statement = `import { ${name} } from '${KLOG_MODULE}';\n`;
  return {
    callee: name,
    fixes: [first ? fixer.insertTextBefore(first, statement) : fixer.insertTextAfterRange([0, 0], statement)],
  };
}
