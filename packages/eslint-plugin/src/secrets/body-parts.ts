import * as ts from 'typescript';

/** Visits a node and its own descendants, not those of the functions and classes declared in it. */
function walkOwn(node: ts.Node, visit: (node: ts.Node) => void): void {
  const step = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    visit(n);
    ts.forEachChild(n, step);
  };
  step(node);
}

/** What a block or expression throws itself, and the calls it makes (whose bodies may throw too). */
export function throwsAndCalls(body: ts.Node): { throws: ts.Expression[]; calls: ts.CallExpression[] } {
  const throws: ts.Expression[] = [];
  const calls: ts.CallExpression[] = [];
  walkOwn(body, (node) => {
    if (ts.isThrowStatement(node)) throws.push(node.expression);
    if (ts.isCallExpression(node)) calls.push(node);
  });
  return { throws, calls };
}
