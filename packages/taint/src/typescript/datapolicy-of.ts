import type * as ts from 'typescript';
import { isDatapolicyTagName } from '../definitions/datapolicy.js';
import { importedName } from './imported-name.js';
import type { TypeScript } from './typescript-api.js';

function decoratorPolicy(ts: TypeScript, decorator: ts.Decorator, checker: ts.TypeChecker): string | undefined {
  const expr = decorator.expression;
  const callee = ts.isCallExpression(expr) ? expr.expression : expr;
  const tagged = isDatapolicyTagName(callee.getText()) || (ts.isIdentifier(callee) && isDatapolicyTagName(importedName(ts, callee, checker)));
  if (!tagged) return undefined;
  const arg = ts.isCallExpression(expr) ? expr.arguments[0] : undefined;
  return arg !== undefined && ts.isStringLiteralLike(arg) ? arg.text : 'datapolicy';
}

/**
 * The datapolicy kind a declaration is tagged with: a `@datapolicy('password')` decorator (also imported
 * under another name), or a JSDoc `@datapolicy token` tag on a field, property signature, accessor,
 * parameter or variable; undefined when untagged. The tag's name comes from the definitions.
 */
export function datapolicyOf(ts: TypeScript, decl: ts.Node, checker: ts.TypeChecker): string | undefined {
  if (ts.canHaveDecorators(decl)) {
    for (const decorator of ts.getDecorators(decl) ?? []) {
      const policy = decoratorPolicy(ts, decorator, checker);
      if (policy !== undefined) return policy;
    }
  }
  for (const tag of ts.getJSDocTags(decl)) {
    if (!isDatapolicyTagName(tag.tagName.text)) continue;
    const comment = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
    return comment?.trim().split(/\s+/)[0] || 'datapolicy';
  }
  return undefined;
}
