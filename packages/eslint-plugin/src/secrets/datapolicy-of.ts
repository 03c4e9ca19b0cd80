import { isDatapolicyTagName } from '@klog-ts/checker/definitions';
import * as ts from 'typescript';

/** The name a decorator was imported as: `tagged` in `import { datapolicy as tagged }` is `datapolicy`. */
function originalName(callee: ts.Expression, checker: ts.TypeChecker): string {
  const symbol = ts.isIdentifier(callee) ? checker.getSymbolAtLocation(callee) : undefined;
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol).name : callee.getText();
}

function decoratorPolicy(decorator: ts.Decorator, checker: ts.TypeChecker): string | undefined {
  const expr = decorator.expression;
  const callee = ts.isCallExpression(expr) ? expr.expression : expr;
  if (!isDatapolicyTagName(callee.getText()) && !isDatapolicyTagName(originalName(callee, checker))) return undefined;
  const arg = ts.isCallExpression(expr) ? expr.arguments[0] : undefined;
  return arg !== undefined && ts.isStringLiteralLike(arg) ? arg.text : 'datapolicy';
}

/**
 * The datapolicy kind a declaration is tagged with: a `@datapolicy('password')` decorator (also imported
 * under another name), or a JSDoc `@datapolicy token` tag on a field, property signature, accessor,
 * parameter or variable; `undefined` when untagged. The tag's name comes from the checker's definitions.
 */
export function datapolicyOf(decl: ts.Node, checker: ts.TypeChecker): string | undefined {
  if (ts.canHaveDecorators(decl)) {
    for (const decorator of ts.getDecorators(decl) ?? []) {
      const policy = decoratorPolicy(decorator, checker);
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
