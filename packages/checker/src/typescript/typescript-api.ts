import type { ts } from 'ts-morph';

/**
 * The TypeScript compiler API the shared helpers are given: ts-morph's bundled copy in the checker, the
 * host's `typescript` in the ESLint plugin. The two are different module instances, so the helpers never
 * import one: every `SyntaxKind`, flag and `is*` guard comes from the copy passed in, the one that built
 * the nodes. Only the members named here are needed (a small interface: the whole namespaces of two
 * releases differ in corners). The types are ts-morph's; `typescript`'s declarations match them structurally.
 */
export type TypeScript = Pick<
  typeof ts,
  | 'SymbolFlags'
  | 'SyntaxKind'
  | 'TypeFlags'
  | 'canHaveDecorators'
  | 'findAncestor'
  | 'forEachChild'
  | 'getDecorators'
  | 'getJSDocTags'
  | 'getTextOfJSDocComment'
  | 'isAsExpression'
  | 'isBinaryExpression'
  | 'isBlock'
  | 'isCallExpression'
  | 'isClassLike'
  | 'isConstructorDeclaration'
  | 'isElementAccessExpression'
  | 'isExpressionStatement'
  | 'isFunctionLike'
  | 'isIdentifier'
  | 'isIterationStatement'
  | 'isModuleBlock'
  | 'isModuleDeclaration'
  | 'isNonNullExpression'
  | 'isNumericLiteral'
  | 'isParenthesizedExpression'
  | 'isPrivateIdentifier'
  | 'isPropertyAccessExpression'
  | 'isPropertyAssignment'
  | 'isPropertyDeclaration'
  | 'isRegularExpressionLiteral'
  | 'isReturnStatement'
  | 'isSatisfiesExpression'
  | 'isSourceFile'
  | 'isStringLiteral'
  | 'isStringLiteralLike'
  | 'isTypeAssertionExpression'
  | 'isVariableDeclaration'
>;
