import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as Lint } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { unwrapExpression } from './member-name.js';

/** A Kubernetes object as is (`'object'`), a list of them (`'list'`), or neither. */
export type KubernetesShape = 'object' | 'list' | undefined;

/**
 * Whether a logged value is a whole Kubernetes object, that is, it has `metadata.name`. Under typed
 * linting its type decides; without types only an object literal (or a `const` holding one) is known.
 */
export function kubernetesShape(
  node: TSESTree.Expression,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  services: ParserServicesWithTypeInformation | undefined,
): KubernetesShape {
  if (services) return shapeOfType(services.getTypeAtLocation(node), services.program.getTypeChecker(), false);
  return shapeOfLiteral(node, context, 0, false);
}

function hasMetadataName(type: ts.Type, checker: ts.TypeChecker): boolean {
  const metadata = type.getProperty('metadata');
  if (!metadata) return false;
  const metadataType = checker.getNonNullableType(checker.getTypeOfSymbol(metadata));
  return metadataType.getProperty('name') !== undefined;
}

function shapeOfType(type: ts.Type, checker: ts.TypeChecker, inList: boolean): KubernetesShape {
  const value = checker.getNonNullableType(type);
  if (hasMetadataName(value, checker)) return 'object';
  if (!inList && (checker.isArrayType(value) || checker.isTupleType(value))) {
    const elements = checker.getTypeArguments(value as ts.TypeReference);
    if (elements.length > 0 && elements.every((e) => shapeOfType(e, checker, true) === 'object')) return 'list';
  }
  return undefined;
}

function shapeOfLiteral(
  node: TSESTree.Node,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  hops: number,
  inList: boolean,
): KubernetesShape {
  const expr = unwrapExpression(node);
  if (expr.type === AST_NODE_TYPES.Identifier && hops < 4) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(expr), expr);
    const def = variable?.defs[0];
    if (variable?.defs.length !== 1 || def?.type !== Lint.Scope.DefinitionType.Variable || !def.node.init) return undefined;
    if (variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
    return shapeOfLiteral(def.node.init, context, hops + 1, inList);
  }
  if (expr.type === AST_NODE_TYPES.ArrayExpression && !inList) {
    const elements = expr.elements;
    return elements.length > 0 && elements.every((e) => e !== null && shapeOfLiteral(e, context, hops, true) === 'object')
      ? 'list'
      : undefined;
  }
  if (expr.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const metadata = propertyValue(expr, 'metadata');
  return metadata?.type === AST_NODE_TYPES.ObjectExpression && propertyValue(metadata, 'name') ? 'object' : undefined;
}

function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key;
    const keyName = key.type === AST_NODE_TYPES.Identifier ? key.name : key.type === AST_NODE_TYPES.Literal ? key.value : undefined;
    if (keyName === name) return property.value;
  }
  return undefined;
}
