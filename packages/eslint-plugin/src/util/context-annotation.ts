import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { memberName, unwrapExpression } from './member-name.js';
import { optionalTypeInfo } from './optional-type-info.js';

/**
 * klog-ts's spelling of logcheck's `//logcheck:context // <why>` comment: a JSDoc tag on a function or method
 * that code supporting contextual logging should not call (it logs through the global logger, say).
 *
 *     /** @logcheck context Use handleErrorWithLogger instead in code which supports contextual logging. *\/
 *     export function handleError(err: unknown): void { ... }
 *
 * A JSDoc tag, unlike a line comment, survives into the `.d.ts` of a published package, where type
 * information finds it at the call sites, as logcheck's analysis facts cross packages.
 */
export const ANNOTATION_TAG = 'logcheck';

/** The one keyword logcheck knows. */
export const CONTEXT_KEYWORD = 'context';

/** A `@logcheck <keyword> <text>` tag. */
export interface LogcheckTag {
  readonly keyword: string;
  /** The explanation after the keyword; empty when none is given. */
  readonly text: string;
}

/** What a call to an annotated helper reports: its name and why it should not be called. */
export interface ContextAnnotation {
  readonly name: string;
  /** The tag's explanation, or `undefined` for the default one. */
  readonly why: string | undefined;
}

/** The `@logcheck` tags of a JSDoc comment's text (the comment's value, without its delimiters). */
export function logcheckTags(jsdoc: string): LogcheckTag[] {
  const body = jsdoc
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, ''))
    .join('\n');
  const tags: LogcheckTag[] = [];
  for (const match of body.matchAll(/(?:^|\s)@logcheck(?![\w-])[ \t]*(\S*)([^@]*)/g)) {
    tags.push({ keyword: match[1] ?? '', text: (match[2] ?? '').replace(/\s+/g, ' ').trim() });
  }
  return tags;
}

const typedCache = new WeakMap<ts.Symbol, ContextAnnotation | null>();

/**
 * The `@logcheck context` annotation of the function or method a call's callee names, if any. Under typed
 * linting the callee's symbol decides, wherever it is declared (another file, a package's `.d.ts`, an
 * interface method); without types, only a function declared in the file under lint is known (a function
 * declaration, or a `const` holding a function).
 */
export function contextAnnotation(
  callee: TSESTree.Node,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ContextAnnotation | undefined {
  const expr = unwrapExpression(callee);
  const nameNode =
    expr.type === AST_NODE_TYPES.Identifier
      ? expr
      : expr.type === AST_NODE_TYPES.MemberExpression && memberName(expr) !== undefined
        ? expr.property
        : undefined;
  if (!nameNode) return undefined;
  const services = optionalTypeInfo(context);
  if (services) {
    const checker = services.program.getTypeChecker();
    let symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(nameNode));
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    if (!symbol) return undefined;
    if (typedCache.has(symbol)) return typedCache.get(symbol) ?? undefined;
    const tag = symbol
      .getJsDocTags(checker)
      .filter((t) => t.name === ANNOTATION_TAG)
      .flatMap((t) => logcheckTags(`@${ANNOTATION_TAG} ${ts.displayPartsToString(t.text)}`))
      .find((t) => t.keyword === CONTEXT_KEYWORD);
    const annotation = tag ? { name: symbol.getName(), why: tag.text || undefined } : null;
    typedCache.set(symbol, annotation);
    return annotation ?? undefined;
  }
  if (expr.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expr), expr);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  let declaration: TSESTree.Node | undefined;
  if (def?.type === TSESLint.Scope.DefinitionType.FunctionName) declaration = def.node;
  else if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.parent.kind === 'const' && def.node.init && isFunction(def.node.init)) declaration = def.node.parent;
  if (!declaration) return undefined;
  if (declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) declaration = declaration.parent;
  const jsdoc = context.sourceCode.getCommentsBefore(declaration).findLast((c) => c.type === AST_TOKEN_TYPES.Block && c.value.startsWith('*'));
  const tag = jsdoc && logcheckTags(jsdoc.value.slice(1)).find((t) => t.keyword === CONTEXT_KEYWORD);
  return tag ? { name: expr.name, why: tag.text || undefined } : undefined;
}

function isFunction(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  return expr.type === AST_NODE_TYPES.ArrowFunctionExpression || expr.type === AST_NODE_TYPES.FunctionExpression;
}
