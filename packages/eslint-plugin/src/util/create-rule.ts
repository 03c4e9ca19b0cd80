import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields every klog-ts rule declares. */
export interface KlogRuleDocs {
  /** Whether the rule cannot run without type information (it calls `getParserServices`). */
  readonly requiresTypeChecking: boolean;
  /** The configs that enable the rule; a test checks that they agree with `src/configs`. */
  readonly recommended?: 'recommended' | 'strict';
}

/** Where a rule's documentation page lives; the name is the rule's file name. */
export function ruleDocsUrl(name: string): string {
  return `https://github.com/klog-ts/klog-ts/blob/main/packages/eslint-plugin/docs/rules/${name}.md`;
}

/** Builds a rule whose `meta.docs.url` points at `docs/rules/<name>.md`. */
export const createRule = ESLintUtils.RuleCreator<KlogRuleDocs>(ruleDocsUrl);
