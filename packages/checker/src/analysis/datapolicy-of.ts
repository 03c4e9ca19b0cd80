import { ts } from 'ts-morph';
import { isDatapolicyTagName } from '../definitions/index.js';
import { importedName } from './imported-name.js';

function decoratorPolicy(decorator: ts.Decorator): string | undefined {
  const expr = decorator.expression;
  const callee = ts.isCallExpression(expr) ? expr.expression : expr;
  const name = ts.isIdentifier(callee) ? importedName(callee.getSourceFile(), callee.text) : callee.getText();
  if (!isDatapolicyTagName(name)) return undefined;
  const arg = ts.isCallExpression(expr) ? expr.arguments[0] : undefined;
  return arg !== undefined && ts.isStringLiteralLike(arg) ? arg.text : 'datapolicy';
}

/**
 * The datapolicy kind a declaration is tagged with: a `@datapolicy('password')` decorator (also when imported
 * under another name), or a JSDoc
 * `@datapolicy token` tag on a field, property signature, accessor or parameter. Undefined when untagged.
 */
export function datapolicyOf(decl: ts.Node): string | undefined {
  if (ts.canHaveDecorators(decl)) {
    for (const d of ts.getDecorators(decl) ?? []) {
      const policy = decoratorPolicy(d);
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
