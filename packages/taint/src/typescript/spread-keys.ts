import type * as ts from 'typescript';
import { nameText } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';

/**
 * The fields a spread of `expr` carries, field by field, without those `excluded` (overridden later in an
 * object literal, or taken by sibling bindings of a rest element): `{ ...creds, password: '***' }` carries
 * `user` and `host`. Undefined when the type has no known fields: then the spread carries all of `expr`.
 */
export function spreadKeys(ts: TypeScript, checker: ts.TypeChecker, expr: ts.Expression, excluded: ReadonlySet<string>): string[] | undefined {
  const type = checker.getApparentType(checker.getNonNullableType(checker.getTypeAtLocation(expr)));
  const props = type.flags & ts.TypeFlags.Object && !checker.isArrayLikeType(type) ? checker.getPropertiesOfType(type) : [];
  return props.length === 0 ? undefined : props.map((p) => p.name).filter((name) => !excluded.has(name));
}

/** The names a spread in an object literal is overridden by: the properties written after it. */
export function overriddenKeys(ts: TypeScript, literal: ts.ObjectLiteralExpression, spread: ts.SpreadAssignment): Set<string> {
  const later = literal.properties.slice(literal.properties.indexOf(spread) + 1);
  return new Set(later.filter((p) => !ts.isSpreadAssignment(p)).map((p) => nameText(ts, p.name) ?? ''));
}

/** The keys the sibling bindings of a rest element take (`password` in `{ password, ...rest }`). */
export function siblingKeys(ts: TypeScript, rest: ts.BindingElement): Set<string> {
  const pattern = rest.parent as ts.ObjectBindingPattern;
  return new Set(pattern.elements.filter((e) => e !== rest).map((e) => nameText(ts, e.propertyName ?? e.name) ?? ''));
}
