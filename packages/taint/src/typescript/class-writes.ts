import type * as ts from 'typescript';
import { nameText } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';
import { storedArguments } from './writes-index.js';

const cache = new WeakMap<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>();

/**
 * Values assigned to `this.<field>` or stored into its container (`this.<field>.set(k, v)`) anywhere in a
 * class's own members (constructor, methods, accessors, arrow-function fields), cached per class.
 */
export function classWrites(ts: TypeScript, cls: ts.ClassLikeDeclaration, field: string): readonly ts.Expression[] {
  let writes = cache.get(cls);
  if (writes === undefined) {
    const found = new Map<string, ts.Expression[]>();
    const add = (name: string | undefined, values: readonly ts.Expression[]): void => {
      if (name !== undefined) found.set(name, [...(found.get(name) ?? []), ...values]);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isClassLike(node)) return; // a nested class has its own `this`
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        node.left.expression.kind === ts.SyntaxKind.ThisKeyword
      ) {
        add(nameText(ts, node.left.name), [node.right]);
      }
      // `this.items.set(k, v)`, `this.queue.push(v)`: the field's container holds what is stored.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const target = node.expression.expression;
        const stored = storedArguments(nameText(ts, node.expression.name), node.arguments);
        if (stored !== undefined && ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) {
          add(nameText(ts, target.name), stored);
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

/**
 * The values a class field may hold: its initializer, and what its class or one of `subclasses` that does
 * not declare the field again (theirs is another field) writes into it (`this.dsn = ...` in a derived constructor).
 */
export function fieldValues(ts: TypeScript, field: ts.PropertyDeclaration, subclasses: readonly ts.ClassLikeDeclaration[]): ts.Expression[] {
  const name = nameText(ts, field.name) ?? '';
  const writers = [field.parent, ...subclasses.filter((c) => !c.members.some((m) => nameText(ts, m.name) === name))];
  return [...(field.initializer === undefined ? [] : [field.initializer]), ...writers.flatMap((c) => classWrites(ts, c, name))];
}
