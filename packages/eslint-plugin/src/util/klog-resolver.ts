import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import type { KlogReceiver } from './klog-api.js';
import { DISTINCTIVE_METHODS, KLOG_METHODS, LOGGER_DERIVERS, LOGGER_FACTORIES } from './klog-api.js';
import type { KlogSettings } from './klog-settings.js';
import { readKlogSettings } from './klog-settings.js';
import { importBinding } from './import-binding.js';
import { memberName, unwrapExpression } from './member-name.js';
import { optionalTypeInfo } from './optional-type-info.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call to klog-ts's API: a package function, a package `Verbose` method or a `Logger` method. */
export interface KlogCall {
  readonly node: TSESTree.CallExpression;
  readonly receiver: KlogReceiver;
  readonly method: string;
  /** The receiver expression (`logger` in `logger.infoS(...)`); `undefined` for a package function. */
  readonly object: TSESTree.Expression | undefined;
  /** Deriving calls between the receiver and its root, nearest first: `V(n)`, `withName`, `withValues`. */
  readonly chain: readonly TSESTree.CallExpression[];
}

/** Where a logger-like expression comes from. */
interface Origin {
  readonly kind: 'logger' | 'verbose';
  readonly chain: readonly TSESTree.CallExpression[];
  /** False when only a receiver name suggested it. */
  readonly certain: boolean;
}

/** Variables followed through their initializers at most this deep (`a = b.withName(); b = c.V(2); ...`). */
const MAX_DEPTH = 8;

const NULLISH_TYPE_NODES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TSUndefinedKeyword,
  AST_NODE_TYPES.TSNullKeyword,
  AST_NODE_TYPES.TSVoidKeyword,
]);

/**
 * Recognises klog-ts calls without type information: by import bindings from the klog modules, by
 * following `const` loggers to `background()`/`fromContext()` and `withName`/`withValues`/`V` chains, by
 * `Logger` type annotations, and, last, by receiver names (`settings['@klog-ts'].loggerNamePattern`).
 * Under typed linting the receiver's type decides whenever a name would have had to: a type with
 * `infoS` and `errorS` is klog-style, any other known type is not.
 */
export class KlogResolver {
  readonly settings: KlogSettings;
  /** Whether the file imports anything (even a type) from a klog module; name guesses need it. */
  readonly fileImportsKlog: boolean;
  readonly #context: AnyContext;
  readonly #types = new WeakMap<TSESTree.Node, 'logger' | 'verbose' | 'other' | 'unknown'>();
  // Every rule asks about the same calls: resolve each once.
  readonly #calls = new WeakMap<TSESTree.CallExpression, KlogCall | null>();

  /** Local names the file binds to klog imports: a cheap test before any scope lookup. */
  readonly #klogLocals = new Set<string>();

  constructor(context: AnyContext) {
    this.#context = context;
    this.settings = readKlogSettings(context.settings);
    for (const statement of context.sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !this.settings.modules.has(statement.source.value)) continue;
      for (const specifier of statement.specifiers) this.#klogLocals.add(specifier.local.name);
    }
    this.fileImportsKlog = context.sourceCode.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration && this.settings.modules.has(statement.source.value),
    );
  }

  /** The klog export a callee names (`infoS`, `aliasOfInfoS`, `klog.infoS`), or `undefined`. */
  packageExport(node: TSESTree.Node): string | undefined {
    const expr = unwrapExpression(node);
    if (expr.type === AST_NODE_TYPES.Identifier) {
      const binding = this.#importOf(expr);
      return binding && binding.imported !== '*' && binding.imported !== 'default' ? binding.imported : undefined;
    }
    if (expr.type === AST_NODE_TYPES.MemberExpression && expr.object.type === AST_NODE_TYPES.Identifier) {
      return this.#importOf(expr.object)?.imported === '*' ? memberName(expr) : undefined;
    }
    return undefined;
  }

  /** Resolves a call to klog-ts's API, or `undefined` when it is something else; once per call per file. */
  call(node: TSESTree.CallExpression): KlogCall | undefined {
    if (this.#calls.has(node)) return this.#calls.get(node) ?? undefined;
    const call = this.#resolveCall(node);
    this.#calls.set(node, call ?? null);
    return call;
  }

  #resolveCall(node: TSESTree.CallExpression): KlogCall | undefined {
    const callee = unwrapExpression(node.callee);
    const exported = this.packageExport(callee);
    if (exported !== undefined) {
      return { node, receiver: 'package', method: exported, object: undefined, chain: [] };
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (method === undefined || !KLOG_METHODS.has(method)) return undefined;
    const origin = this.#origin(callee.object, 0);
    if (!origin || !(this.#accepts(origin) || DISTINCTIVE_METHODS.has(method))) return undefined;
    return { node, receiver: origin.kind, method, object: callee.object, chain: origin.chain };
  }

  /** Whether an expression is a `Logger` (not a package `Verbose`). */
  isLogger(node: TSESTree.Node): boolean {
    const origin = this.#origin(node, 0);
    return origin?.kind === 'logger' && this.#accepts(origin);
  }

  /**
   * The innermost variable in scope at `node` that holds a `Logger`, if any: a parameter, or a variable
   * declared before `node`. Returns its name.
   */
  loggerInScope(node: TSESTree.Node): string | undefined {
    for (let scope: TSESLint.Scope.Scope | null = this.#context.sourceCode.getScope(node); scope; scope = scope.upper) {
      for (const variable of scope.variables) {
        const def = variable.defs[0];
        if (!def || def.name.range[1] > node.range[0]) continue;
        let origin = this.#variableOrigin(variable, def.name, 0);
        // A name guess yields to the variable's type, as it does for receivers.
        const typed = origin && !origin.certain ? this.#typeKind(def.name) : 'unknown';
        if (typed === 'other') origin = undefined;
        if (origin?.kind === 'logger' && this.#accepts(origin) && !this.#mayBeNullish(def.name)) return variable.name;
      }
    }
    return undefined;
  }

  /**
   * Whether a declared logger may be `undefined` or `null` (`logger?: Logger`, `Logger | undefined`):
   * `logger.infoS(...)` would not compile there, and `logger?.infoS(...)` would drop the line.
   */
  #mayBeNullish(name: TSESTree.Node): boolean {
    if (name.type !== AST_NODE_TYPES.Identifier) return false;
    if (name.optional) return true;
    const annotation = name.typeAnnotation?.typeAnnotation;
    if (annotation?.type === AST_NODE_TYPES.TSUnionType) {
      if (annotation.types.some((type) => NULLISH_TYPE_NODES.has(type.type))) return true;
    }
    const services = optionalTypeInfo(this.#context);
    if (!services) return false;
    const type = services.getTypeAtLocation(name);
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((part) => (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) !== 0);
  }

  /**
   * How to name export `name` of klog-ts in this file: its local binding (`infoS`, `klog.infoS`), or
   * `undefined` when the file does not import it.
   */
  referenceTo(name: string): string | undefined {
    for (const statement of this.#context.sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !this.settings.modules.has(statement.source.value)) {
        continue;
      }
      if (statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return `${specifier.local.name}.${name}`;
        if (
          specifier.type === AST_NODE_TYPES.ImportSpecifier &&
          specifier.importKind !== 'type' &&
          (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) ===
            name
        ) {
          return specifier.local.name;
        }
      }
    }
    return undefined;
  }

  #accepts(origin: Origin): boolean {
    if (origin.certain || this.fileImportsKlog) return true;
    return origin.chain.some((call) => {
      const callee = unwrapExpression(call.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      return name !== undefined && DISTINCTIVE_METHODS.has(name);
    });
  }

  #importOf(identifier: TSESTree.Identifier): ReturnType<typeof importBinding> {
    if (!this.#klogLocals.has(identifier.name)) return undefined;
    const variable = ASTUtils.findVariable(this.#context.sourceCode.getScope(identifier), identifier);
    const binding = variable ? importBinding(variable) : undefined;
    return binding && this.settings.modules.has(binding.module) ? binding : undefined;
  }

  #origin(node: TSESTree.Node, depth: number): Origin | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expr = unwrapExpression(node);
    const syntactic = this.#syntacticOrigin(expr, depth);
    if (syntactic?.certain) return syntactic;
    const typed = this.#typeKind(expr);
    if (typed === 'other') return undefined;
    if (typed !== 'unknown') return { kind: typed, chain: syntactic?.chain ?? [], certain: true };
    return syntactic;
  }

  #syntacticOrigin(expr: TSESTree.Node, depth: number): Origin | undefined {
    switch (expr.type) {
      case AST_NODE_TYPES.CallExpression:
        return this.#callOrigin(expr, depth);
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(this.#context.sourceCode.getScope(expr), expr);
        if (!variable) return this.#byName(expr.name);
        return this.#variableOrigin(variable, variable.defs[0]?.name, depth);
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(expr);
        return name === undefined ? undefined : this.#byName(name);
      }
      default:
        return undefined;
    }
  }

  #callOrigin(call: TSESTree.CallExpression, depth: number): Origin | undefined {
    const callee = unwrapExpression(call.callee);
    const exported = this.packageExport(callee);
    if (exported === 'V') return { kind: 'verbose', chain: [call], certain: true };
    if (exported !== undefined) {
      return LOGGER_FACTORIES.has(exported) ? { kind: 'logger', chain: [], certain: true } : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (method === undefined || !LOGGER_DERIVERS.has(method)) return undefined;
    const inner = this.#origin(callee.object, depth + 1);
    if (inner?.kind !== 'logger') return undefined;
    return { kind: 'logger', chain: [call, ...inner.chain], certain: inner.certain };
  }

  #variableOrigin(
    variable: TSESLint.Scope.Variable,
    declared: TSESTree.Node | undefined,
    depth: number,
  ): Origin | undefined {
    if (variable.defs.length !== 1) return undefined;
    // A function or a class named like a logger (`currentLogger()`) makes or describes one; it is not one.
    const kind = variable.defs[0]?.type;
    if (kind !== TSESLint.Scope.DefinitionType.Variable && kind !== TSESLint.Scope.DefinitionType.Parameter && kind !== TSESLint.Scope.DefinitionType.ImportBinding) {
      return undefined;
    }
    // klog-ts's own exports are functions and classes, never a logger instance.
    const binding = importBinding(variable);
    if (binding && (binding.imported === '*' || this.settings.modules.has(binding.module))) return undefined;
    const def = variable.defs[0];
    if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.init && !variable.references.some((r) => r.isWrite() && !r.init)) {
      const fromInit = this.#origin(def.node.init, depth + 1);
      if (fromInit) return fromInit;
    }
    if (declared?.type === AST_NODE_TYPES.Identifier && this.#isLoggerAnnotation(declared.typeAnnotation)) {
      return { kind: 'logger', chain: [], certain: true };
    }
    return this.#byName(variable.name);
  }

  #isLoggerAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
    const isLoggerType = (type: TSESTree.TypeNode): boolean => {
      if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.some(isLoggerType);
      if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
      const name = type.typeName;
      if (name.type === AST_NODE_TYPES.Identifier) return this.#importOf(name)?.imported === 'Logger';
      return (
        name.type === AST_NODE_TYPES.TSQualifiedName &&
        name.left.type === AST_NODE_TYPES.Identifier &&
        name.right.name === 'Logger' &&
        this.#importOf(name.left)?.imported === '*'
      );
    };
    return annotation !== undefined && isLoggerType(annotation.typeAnnotation);
  }

  #byName(name: string): Origin | undefined {
    return this.settings.loggerNamePattern.test(name) ? { kind: 'logger', chain: [], certain: false } : undefined;
  }

  /** What the type checker says an expression is, when the file is linted with types. */
  #typeKind(node: TSESTree.Node): 'logger' | 'verbose' | 'other' | 'unknown' {
    const cached = this.#types.get(node);
    if (cached) return cached;
    const services = optionalTypeInfo(this.#context);
    let kind: 'logger' | 'verbose' | 'other' | 'unknown' = 'unknown';
    if (services) {
      const checker = services.program.getTypeChecker();
      const type = checker.getNonNullableType(services.getTypeAtLocation(node));
      if (!(type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) {
        const klogStyle = type.getProperty('infoS') !== undefined && type.getProperty('errorS') !== undefined;
        kind = !klogStyle ? 'other' : type.getProperty('withValues') ? 'logger' : 'verbose';
      }
    }
    this.#types.set(node, kind);
    return kind;
  }
}

const resolvers = new WeakMap<object, KlogResolver>();

/** The resolver for the file `context` lints; shared by every rule that lints the same file. */
export function klogResolver(context: AnyContext): KlogResolver {
  const key = context.sourceCode;
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = new KlogResolver(context);
    resolvers.set(key, resolver);
  }
  return resolver;
}
