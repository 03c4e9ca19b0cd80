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
