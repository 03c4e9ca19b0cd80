import { ts } from 'ts-morph';
import { nameText, storedArguments } from '../typescript/index.js';

const cache = new WeakMap<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>();

/**
 * Values assigned to `this.<field>` or stored into its container (`this.<field>.set(k, v)`) anywhere in a
 * class's own members (constructor, methods, accessors, arrow-function fields), cached per class.
 */
export function classWrites(cls: ts.ClassLikeDeclaration, field: string): readonly ts.Expression[] {
  let writes = cache.get(cls);
  if (writes === undefined) {
    const found = new Map<string, ts.Expression[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isClassLike(node)) return; // a nested class has its own `this`
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        node.left.expression.kind === ts.SyntaxKind.ThisKeyword
      ) {
        const name = nameText(ts, node.left.name);
        if (name !== undefined) found.set(name, [...(found.get(name) ?? []), node.right]);
      }
      // `this.items.set(k, v)`, `this.queue.push(v)`: the field's container holds what is stored.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const target = node.expression.expression;
        const stored = storedArguments(nameText(ts, node.expression.name), node.arguments);
        if (stored !== undefined && ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) {
          const name = nameText(ts, target.name);
          if (name !== undefined) found.set(name, [...(found.get(name) ?? []), ...stored]);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const member of cls.members) ts.forEachChild(member, visit);
    writes = found;
    cache.set(cls, writes);
  }
  return writes.get(field) ?? [];
}
