import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';
import type { Write } from './writes-index.js';

function functionOf(ts: TypeScript, node: ts.Node): ts.Node | undefined {
  return ts.findAncestor(node.parent, (a) => ts.isFunctionLike(a));
}

/**
 * Whether a write can happen before a use: it comes first in the text, or they sit in different
 * functions (a closure runs whenever), or a loop around the use also holds the write.
 */
function mayRunBefore(ts: TypeScript, write: ts.Node, use: ts.Node): boolean {
  if (write.getStart() < use.getStart()) return true;
  if (functionOf(ts, write) !== functionOf(ts, use)) return true;
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
function overwritesBefore(ts: TypeScript, assignment: ts.Node, use: ts.Node): boolean {
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

/**
 * The values a variable may hold at `use` (anywhere when `use` is undefined): its initial writes (the
 * initializer or loop element, written at the declaration) and the writes that may run before the use,
 * except those an unconditional reassignment in between hides (`x = redact(x); log(x)` logs the redacted
 * value only). Writes in another function still reach the use: a closure may run in between.
 */
export function reachingWrites(ts: TypeScript, initial: readonly Write[], writes: readonly Write[], use: ts.Node | undefined): Write[] {
  if (use === undefined) return [...initial, ...writes];
  const before = writes.filter((w) => mayRunBefore(ts, w.at, use));
  const killer = before.filter((w) => overwritesBefore(ts, w.at, use)).at(-1);
  if (killer === undefined) return [...initial, ...before];
  const inUse = functionOf(ts, use);
  return before.filter((w) => w.at.getStart() >= killer.at.getStart() || functionOf(ts, w.at) !== inUse);
}
