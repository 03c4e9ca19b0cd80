import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { DEPRECATED_EXPORTS } from '../util/klog-api.js';
import { klogResolver } from '../util/klog-resolver.js';
import { memberName } from '../util/member-name.js';
import { removeImportSpecifier } from '../util/remove-import-specifier.js';
import { renameReference } from '../util/rename-reference.js';

const importedName = (specifier: TSESTree.ImportSpecifier): string =>
  specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;

/** Deprecated klog-ts exports (`KObjs`), fixed to their replacements (`KObjSlice`). */
export default createRule({
  name: 'deprecations',
  meta: {
    type: 'suggestion',
    fixable: 'code',
    docs: {
      description: 'Replace deprecated klog-ts functions (`KObjs`) with their replacements',
      requiresTypeChecking: false,
      recommended: 'recommended',
    },
    defaultOptions: [],
    messages: {
      deprecated: '`{{name}}` is deprecated: use `{{replacement}}`.',
    },
    schema: [],
  },
  create(context) {
    const resolver = klogResolver(context);
    const { sourceCode } = context;

    /** The local name of an existing value import of `name` from a klog module. */
    const existingImport = (name: string): TSESTree.ImportSpecifier | undefined => {
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
        if (!resolver.settings.modules.has(statement.source.value)) continue;
        for (const specifier of statement.specifiers) {
          if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type' && importedName(specifier) === name) {
            return specifier;
          }
        }
      }
      return undefined;
    };

    /**
     * One fix for the import and every reference, so a single pass leaves no stale `KObjs` behind.
     * `undefined` when the new name would be shadowed where it is used.
     */
    const importFix = (
      specifier: TSESTree.ImportSpecifier,
      references: readonly TSESLint.Scope.Reference[],
      replacement: string,
    ): TSESLint.ReportFixFunction | undefined => {
      const existing = existingImport(replacement);
      const aliased = specifier.local.name !== importedName(specifier);
      const newLocal = existing?.local.name ?? (aliased ? specifier.local.name : replacement);
      const scopes = [sourceCode.getScope(specifier), ...references.map((ref) => ref.from)];
      const shadowed = scopes.some((scope) => {
        const found = ASTUtils.findVariable(scope, newLocal);
        return found !== null && found.defs[0]?.node !== existing && found.defs[0]?.node !== specifier;
      });
      if (shadowed) return undefined;
      return (fixer) => {
        if (existing) {
          return [
            removeImportSpecifier(fixer, sourceCode, specifier),
            ...references.map((ref) => renameReference(fixer, ref.identifier, newLocal)),
          ];
        }
        if (aliased) return fixer.replaceText(specifier.imported, replacement);
        return [fixer.replaceText(specifier, replacement), ...references.map((ref) => renameReference(fixer, ref.identifier, newLocal))];
      };
    };

    return {
      ImportSpecifier(specifier) {
        const declaration = specifier.parent;
        if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || !resolver.settings.modules.has(declaration.source.value)) return;
        const name = importedName(specifier);
        if (!Object.hasOwn(DEPRECATED_EXPORTS, name)) return;
        const replacement = DEPRECATED_EXPORTS[name];
        const references = sourceCode.getDeclaredVariables(specifier)[0]?.references ?? [];
        const fix = importFix(specifier, references, replacement);
        const data = { name, replacement };
        if (references.length === 0) {
          context.report({ node: specifier, messageId: 'deprecated', data, fix });
          return;
        }
        for (const ref of references) context.report({ node: ref.identifier, messageId: 'deprecated', data, fix });
      },
      MemberExpression(node) {
        const name = memberName(node);
        if (name === undefined || !Object.hasOwn(DEPRECATED_EXPORTS, name) || resolver.packageExport(node) !== name) return;
        const replacement = DEPRECATED_EXPORTS[name];
        context.report({
          node: node.property,
          messageId: 'deprecated',
          data: { name, replacement },
          fix: node.computed ? undefined : (fixer) => fixer.replaceText(node.property, replacement),
        });
      },
    };
  },
});
