import { ESLintUtils } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { createRule } from '../util/create-rule.js';
import { klogResolver } from '../util/klog-resolver.js';
import { structuredArgs } from '../util/structured-args.js';

/** The fields named in a report, at most. */
const MAX_FIELDS = 3;

/** What klog-ts renders an object by instead of its fields: a Stringer's `toString`, a log marshaler's method. */
interface Protocol {
  readonly label: string;
  readonly find: (type: ts.Type) => ts.Symbol | undefined;
}

const PROTOCOLS: readonly Protocol[] = [
  { label: 'toString', find: (type) => type.getProperty('toString') },
  // `[marshalLog]()`: a property named by the `marshalLog` unique symbol of @klog-ts/core.
  { label: '[marshalLog]', find: (type) => type.getProperties().find((p) => p.escapedName.toString().startsWith('__@marshalLog@')) },
];

/** A field the value carries: a property (not a method or accessor, not an ECMAScript `#private` one). */
function isField(property: ts.Symbol): boolean {
  return (property.flags & ts.SymbolFlags.Property) !== 0 && !property.escapedName.toString().startsWith('__#');
}

/**
 * logcheck's `value` check: a value logged through a `toString` (or log marshaler) it inherits from a base
 * class that lacks some of its fields renders as what the base knows, silently dropping the rest, as a
 * KubeletConfig embedding TypeMeta once logged only `&TypeMeta{...}` (kubernetes/kubernetes#115950).
 */
export default createRule({
  name: 'inherited-stringer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow logging objects whose `toString` or log marshaler is inherited from a base class that lacks some of their fields',
      requiresTypeChecking: true,
      recommended: 'strict',
    },
    defaultOptions: [],
    messages: {
      inheritedStringer:
        '`{{type}}` is logged through the `{{method}}` it inherits from `{{base}}`, which does not cover its fields {{fields}}. Implement `{{method}}` in `{{type}}`, or log the fields themselves.',
    },
    schema: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    const resolver = klogResolver(context);

    /** The incomplete inherited protocol of an object type, if any. */
    const inherited = (type: ts.Type): Record<string, string> | undefined => {
      const cls = type.getSymbol();
      if (!cls || !(cls.flags & ts.SymbolFlags.Class)) return undefined;
      for (const protocol of PROTOCOLS) {
        const method = protocol.find(type);
        const owner = method?.valueDeclaration?.parent;
        // Declared by a class (not Object's or Error's built-in interfaces), and not by the value's own class.
        if (!owner || !ts.isClassLike(owner) || owner.name === undefined) continue;
        const base = checker.getSymbolAtLocation(owner.name);
        if (!base || base === cls) continue;
        const baseType = checker.getDeclaredTypeOfSymbol(base);
        const missing = type.getProperties().filter((p) => isField(p) && baseType.getProperty(p.escapedName.toString()) === undefined);
        if (missing.length === 0) continue;
        const names = missing.slice(0, MAX_FIELDS).map((p) => `\`${p.getName()}\``);
        return {
          type: cls.getName(),
          method: protocol.label,
          base: base.getName(),
          fields: names.join(', ') + (missing.length > MAX_FIELDS ? ', …' : ''),
        };
      }
      return undefined;
    };

    return {
      CallExpression(node) {
        const call = resolver.call(node);
        const args = call && structuredArgs(call);
        if (!args) return;
        for (const { value } of args.pairs) {
          if (!value) continue;
          const type = checker.getNonNullableType(services.getTypeAtLocation(value));
          for (const part of type.isUnion() ? type.types : [type]) {
            const data = inherited(part);
            if (data) {
              context.report({ node: value, messageId: 'inheritedStringer', data });
              break;
            }
          }
        }
      },
    };
  },
});
