import { ts } from 'ts-morph';

// Whether a write can happen before a use: it comes first in the text, or a loop around the use also holds
// the write, or they are in different functions (a closure can run at any time).
export function mayRunBefore(write: ts.Node, use: ts.Node): boolean {
  if (write.getStart() < use.getStart()) return true;
  const fnOf = (n: ts.Node): ts.Node | undefined => ts.findAncestor(n.parent, (a) => ts.isFunctionLike(a));
  if (fnOf(write) !== fnOf(use)) return true;
  for (let n: ts.Node | undefined = use.parent; n !== undefined && !ts.isFunctionLike(n); n = n.parent) {
    if (ts.isIterationStatement(n, false) && n.pos <= write.pos && write.end <= n.end) return true;
  }
  return false;
}

/**
 * Whether `x = value;` (a statement of its own) always runs before `use` and overwrites what `x` held: the
 * assignment's block encloses the use, comes first, in the same function, and no loop around the use
 * could run the use again before the assignment.
 */
export function overwritesBefore(assignment: ts.Node, use: ts.Node): boolean {
  const statement = assignment.parent;
  if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  if (!ts.isIdentifier(assignment.left) || !ts.isExpressionStatement(statement)) return false;
  if (assignment.getStart() >= use.getStart()) return false;
  const block = statement.parent;
  for (let n: ts.Node | undefined = use.parent; n !== undefined; n = n.parent) {
    if (n === block) return true;
    if (ts.isFunctionLike(n) || ts.isIterationStatement(n, false)) return false;
  }
  return false;
}
