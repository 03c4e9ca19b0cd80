import { nameText } from '@klog-ts/checker/typescript';
import * as ts from 'typescript';

/** Visits a body's own nodes, not those of the functions and classes declared in it. */
function walkOwn(body: ts.Node, visit: (node: ts.Node) => void): void {
  const step = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    visit(node);
    ts.forEachChild(node, step);
  };
  ts.forEachChild(body, step);
}

/** What a block throws itself, and the calls it makes (whose bodies may throw too). */
export function throwsAndCalls(body: ts.Node): { throws: ts.Expression[]; calls: ts.CallExpression[] } {
  const throws: ts.Expression[] = [];
  const calls: ts.CallExpression[] = [];
  walkOwn(body, (node) => {
    if (ts.isThrowStatement(node)) throws.push(node.expression);
    if (ts.isCallExpression(node)) calls.push(node);
  });
  return { throws, calls };
}

/** `this.<field> = value` anywhere in the field's class: the values the field is given. */
export function fieldWrites(field: ts.PropertyDeclaration): ts.Expression[] {
  const name = nameText(ts, field.name);
  const values: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      nameText(ts, node.left.name) === name
    ) {
      values.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  if (name !== undefined) ts.forEachChild(field.parent, visit);
  return values;
}
