import { isDatapolicyTagName } from '@klog-ts/checker/definitions';
import * as ts from 'typescript';

function decoratorPolicy(decorator: ts.Decorator): string | undefined {
  const expr = decorator.expression;
  const callee = ts.isCallExpression(expr) ? expr.expression : expr;
  if (!isDatapolicyTagName(callee.getText())) return undefined;
  const arg = ts.isCallExpression(expr) ? expr.arguments[0] : undefined;
  return arg !== undefined && ts.isStringLiteralLike(arg) ? arg.text : 'datapolicy';
}

/**
 * The datapolicy kind a declaration is tagged with: a `@datapolicy('password')` decorator, or a JSDoc
 * `@datapolicy token` tag on a field, property signature, accessor or parameter; `undefined` when untagged.
 * The tag's name comes from the checker's definitions.
 */
export function datapolicyOf(decl: ts.Node): string | undefined {
  if (ts.canHaveDecorators(decl)) {
    for (const decorator of ts.getDecorators(decl) ?? []) {
      const policy = decoratorPolicy(decorator);
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
