import type { Definitions } from '@klog-ts/checker/definitions';
import { SANITIZING_PROPERTIES } from '@klog-ts/checker/definitions';
import { calleeName, datapolicyOf, declarationOf, isCleanType, isFromLibrary, isFullMask, isLiteral, nameText, reachingWrites, returnedExpressions, secretTypeOf, skipOuter, WritesIndex } from '@klog-ts/checker/typescript';
import * as ts from 'typescript';
import type { Flow } from './flow.js';
import { firstFlow, fromSource, through } from './flow.js';
import { holderSource } from './holder-source.js';
import { NeutralValues } from './neutral-values.js';
import { fieldWrites, throwsAndCalls } from './body-parts.js';
import type { Env } from './env.js';
import { bindArguments, NO_ENV } from './env.js';

/** Library functions that return an object's key names, not its values: a holder passes nothing through them. */
const KEY_LISTERS = new Set(['keys', 'getOwnPropertyNames']);

/** Deeper flows are given up (a finding is then missed, never invented). */
const MAX_DEPTH = 60;

/**
 * Demand-driven backward taint over TypeScript's AST and type checker: what secret, if any, an expression
 * may carry. Sources, sanitizers and the names involved come from the checker's definitions; the flow
 * rules follow TypeScript's symbols through declarations in any file of the program (a tagged field of an
 * imported class, a function imported from elsewhere), assignments, destructuring, object literals, spreads,
 * templates, containers and returns (a called function's body is followed with its parameters bound to
 * the call's arguments). What the ESLint rule cannot see is who calls the function under lint: parameters
 * are secrets only by their names. Results without bound parameters are memoized for the program.
 */
export class SecretTracer {
  readonly #checker: ts.TypeChecker;
  readonly #defs: Definitions;
  readonly #writes: WritesIndex;
  readonly #memo = new Map<ts.Node, Flow | null>();
  readonly #active = new Set<ts.Node>();
  readonly #neutral: NeutralValues;
  #depth = 0;

  constructor(checker: ts.TypeChecker, defs: Definitions) {
    this.#checker = checker;
    this.#defs = defs;
    this.#writes = new WritesIndex(ts, checker);
    this.#neutral = new NeutralValues(checker, defs, this.#writes);
  }

  /** The flow of a secret into `expr`, or `undefined` when it cannot carry one. */
  flowOf(expr: ts.Expression, env: Env = NO_ENV): Flow | undefined {
    return this.#guarded(expr, env, () => this.#compute(expr, env));
  }

  /** A value whose content is clean whatever name or key it is stored under (see {@link NeutralValues}). */
  isNeutral(value: ts.Expression): boolean {
    return this.#neutral.isNeutral(value);
  }

  #guarded(node: ts.Node, env: Env, compute: () => Flow | undefined): Flow | undefined {
    const memoize = env.size === 0;
    if (memoize) {
      const hit = this.#memo.get(node);
      if (hit !== undefined) return hit ?? undefined;
      if (this.#active.has(node)) return undefined;
    }
    if (this.#depth > MAX_DEPTH) return undefined;
    if (memoize) this.#active.add(node);
    this.#depth++;
    try {
      const flow = compute();
      if (memoize) this.#memo.set(node, flow ?? null);
      return flow;
    } finally {
      this.#depth--;
      if (memoize) this.#active.delete(node);
    }
  }

  #isClean(node: ts.Node): boolean {
    return isCleanType(ts, this.#checker.getTypeAtLocation(node));
  }

  #compute(expr: ts.Expression, env: Env): Flow | undefined {
    if (isLiteral(ts, expr)) return undefined;
    const type = this.#checker.getTypeAtLocation(expr);
    if (isCleanType(ts, type)) return undefined;
    const secret = secretTypeOf(type, this.#defs);
    if (secret === 'wrapper') return undefined; // renders redacted
    const inner = this.#syntax(expr, env);
    if (secret === 'branded' && !inner) return fromSource({ kind: 'secret-type', name: type.aliasSymbol?.name ?? 'Secret' });
    return inner;
  }

  #syntax(expr: ts.Expression, env: Env): Flow | undefined {
    if (
      ts.isParenthesizedExpression(expr) ||
      ts.isAsExpression(expr) ||
      ts.isTypeAssertionExpression(expr) ||
      ts.isNonNullExpression(expr) ||
      ts.isSatisfiesExpression(expr) ||
      ts.isAwaitExpression(expr) ||
      ts.isSpreadElement(expr)
    ) {
      return this.flowOf(expr.expression, env);
    }
    if (ts.isIdentifier(expr)) return this.#identifierFlow(expr, env);
    if (ts.isPropertyAccessExpression(expr)) return this.#propertyFlow(expr, env);
    if (ts.isElementAccessExpression(expr)) return this.#elementFlow(expr, env);
    if (ts.isCallExpression(expr)) return this.#callFlow(expr, env);
    if (ts.isNewExpression(expr)) return this.#newFlow(expr, env);
    if (ts.isObjectLiteralExpression(expr)) return this.#objectFlow(expr, env);
    if (ts.isArrayLiteralExpression(expr)) return firstFlow(expr.elements.map((e) => () => this.flowOf(e, env)));
    if (ts.isTemplateExpression(expr)) return firstFlow(expr.templateSpans.map((s) => () => this.flowOf(s.expression, env)));
    if (ts.isTaggedTemplateExpression(expr)) {
      const tag = calleeName(ts, expr.tag);
      if (tag !== undefined && this.#defs.isSanitizer(tag)) return undefined;
      return ts.isTemplateExpression(expr.template) ? this.flowOf(expr.template, env) : undefined;
    }
    if (ts.isBinaryExpression(expr)) return this.#binaryFlow(expr, env);
    if (ts.isConditionalExpression(expr)) {
      return firstFlow([() => this.flowOf(expr.whenTrue, env), () => this.flowOf(expr.whenFalse, env)]);
    }
    return undefined; // typeof, !x, x++ and friends: no content
  }

  #binaryFlow(expr: ts.BinaryExpression, env: Env): Flow | undefined {
    switch (expr.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.PlusEqualsToken:
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.BarBarEqualsToken:
      case ts.SyntaxKind.QuestionQuestionEqualsToken:
        return firstFlow([() => this.flowOf(expr.left, env), () => this.flowOf(expr.right, env)]);
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.EqualsToken:
      case ts.SyntaxKind.CommaToken:
        return this.flowOf(expr.right, env);
      default:
        return undefined; // comparisons, arithmetic, instanceof, in
    }
  }

  /** A name-based source, unless the declared value is provably clean or sanitized. */
  #nameSource(name: string | undefined, node: ts.Node, value: ts.Expression | undefined): Flow | undefined {
    if (name === undefined || !this.#defs.isCredentialName(name) || this.#isClean(node)) return undefined;
    if (value && this.isNeutral(value)) return undefined;
    return fromSource({ kind: 'credential-name', name });
  }

  #identifierFlow(id: ts.Identifier, env: Env): Flow | undefined {
    const decl = declarationOf(ts, id, this.#checker);
    if (!decl) return undefined;
    if (ts.isParameter(decl)) {
      const name = nameText(ts, decl.name);
      return firstFlow([
        () => this.#nameSource(name, decl, undefined),
        () => this.#boundFlow(decl, env),
        () => this.#declarationFlow(decl, undefined),
      ]);
    }
    if (ts.isVariableDeclaration(decl)) {
      const policy = datapolicyOf(ts, decl, this.#checker);
      if (policy !== undefined) return fromSource({ kind: 'datapolicy', name: nameText(ts, decl.name) ?? policy, policy });
      return this.#nameSource(nameText(ts, decl.name), decl, decl.initializer) ?? this.#variableFlow(decl, id, env);
    }
    return this.#declarationFlow(decl, env);
  }

  /** What a call passed for a parameter whose function body is being followed. */
  #boundFlow(param: ts.ParameterDeclaration, env: Env): Flow | undefined {
    const bound = env.get(param);
    if (!bound) return undefined;
    const note = `passed as '${nameText(ts, param.name) ?? 'argument'}'`;
    return through(firstFlow(bound.args.map((arg) => () => this.flowOf(arg, bound.env))), note);
  }

  /** The flow into whatever a declaration holds (with `env` for declarations inside a followed body). */
  #declarationFlow(decl: ts.Node, env: Env = NO_ENV): Flow | undefined {
    if (env.size > 0) return this.#computeDeclaration(decl, env);
    return this.#guarded(decl, NO_ENV, () => this.#computeDeclaration(decl, NO_ENV));
  }

  #computeDeclaration(decl: ts.Node, env: Env): Flow | undefined {
    const name = nameText(ts, (decl as { name?: ts.Node }).name);
    const policy = datapolicyOf(ts, decl, this.#checker);
    if (policy !== undefined) return fromSource({ kind: 'datapolicy', name: name ?? policy, policy });
    if (ts.isVariableDeclaration(decl)) return this.#nameSource(name, decl, decl.initializer) ?? this.#variableFlow(decl, undefined, env);
    if (ts.isParameter(decl)) return this.#nameSource(name, decl, undefined) ?? this.#parameterFlow(decl, env);
    if (ts.isBindingElement(decl)) return this.#nameSource(name, decl, undefined) ?? this.#bindingFlow(decl, env);
    if (ts.isPropertyAssignment(decl)) {
      return (
        this.#nameSource(name, decl, decl.initializer) ??
        through(this.flowOf(decl.initializer, env), `stored in property '${name ?? '…'}'`)
      );
    }
    if (ts.isShorthandPropertyAssignment(decl)) {
      const value = this.#checker.getShorthandAssignmentValueSymbol(decl)?.valueDeclaration;
      return this.#nameSource(name, decl, undefined) ?? (value && this.#valueDeclarationFlow(value, env));
    }
    if (ts.isPropertyDeclaration(decl)) {
      const values = [...(decl.initializer ? [decl.initializer] : []), ...fieldWrites(decl)];
      return (
        this.#nameSource(name, decl, decl.initializer) ??
        firstFlow(values.map((v) => () => through(this.flowOf(v, env), `stored in field '${name ?? '…'}'`)))
      );
    }
    if (ts.isGetAccessorDeclaration(decl)) return this.#nameSource(name, decl, undefined) ?? this.#summaryFlow(decl, NO_ENV);
    if (ts.isPropertySignature(decl)) return this.#nameSource(name, decl, undefined);
    return undefined;
  }

  #valueDeclarationFlow(decl: ts.Declaration, env: Env): Flow | undefined {
    if (ts.isParameter(decl)) return this.#boundFlow(decl, env) ?? this.#declarationFlow(decl);
    return this.#declarationFlow(decl, env);
  }

  /** A variable's initializer or loop element, and the writes that can run before `use`. */
  #variableFlow(decl: ts.VariableDeclaration, use: ts.Node | undefined, env: Env): Flow | undefined {
    if (ts.isCatchClause(decl.parent)) return this.#caughtFlow(decl.parent, env);
    const name = nameText(ts, decl.name) ?? '…';
    const loop = ts.isVariableDeclarationList(decl.parent) ? decl.parent.parent : undefined;
    const initial = (): Flow | undefined => {
      if (loop && ts.isForOfStatement(loop)) return through(this.flowOf(loop.expression, env), `element assigned to '${name}'`);
      return decl.initializer ? through(this.flowOf(decl.initializer, env), `assigned to '${name}'`) : undefined;
    };
    const writes = this.#writes.writesTo(decl);
    // The initializer (or loop element) is a write at the declaration, which any reassignment may hide.
    const initialWrite = decl.initializer ?? (loop && ts.isForOfStatement(loop) ? loop.expression : undefined);
    const reaching = reachingWrites(ts, initialWrite ? [{ value: initialWrite, at: decl }] : [], writes, use);
    return firstFlow(
      reaching.map((w) => () => (w.at === decl ? initial() : through(this.flowOf(w.value, env), `written to '${name}'`))),
    );
  }

  /**
   * What a `catch (err)` may hold: what the `try` block throws, directly or from the bodies of the
   * program's functions it calls (with their parameters bound to the arguments).
   */
  #caughtFlow(clause: ts.CatchClause, env: Env): Flow | undefined {
    const direct = throwsAndCalls(clause.parent.tryBlock);
    const candidates = direct.throws.map((e) => () => this.flowOf(e, env));
    for (const call of direct.calls) {
      const target = this.#checker.getResolvedSignature(call)?.declaration;
      if (!target || !ts.isFunctionLike(target) || isFromLibrary(target) || this.#active.has(target)) continue;
      const body = (target as { body?: ts.Node }).body;
      const bound = bindArguments(target, call.arguments, env);
      if (body) candidates.push(...throwsAndCalls(body).throws.map((e) => () => this.flowOf(e, bound)));
    }
    return through(firstFlow(candidates), 'thrown and caught');
  }

  /** A callback parameter of a library method (`tokens.map((t) => ...)`) receives the receiver's content. */
  #parameterFlow(param: ts.ParameterDeclaration, env: Env): Flow | undefined {
    const fn = param.parent;
    const call = fn.parent;
    const initializer = () => (param.initializer ? this.flowOf(param.initializer, env) : undefined);
    if (
      (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
      ts.isCallExpression(call) &&
      call.arguments[0] === fn &&
      fn.parameters[0] === param &&
      ts.isPropertyAccessExpression(call.expression)
    ) {
      const target = this.#checker.getResolvedSignature(call)?.declaration;
      if (target === undefined || isFromLibrary(target)) {
        const receiver = call.expression.expression;
        return firstFlow([() => through(this.flowOf(receiver), `element passed to '${nameText(ts, param.name) ?? '…'}'`), initializer]);
      }
    }
    return initializer();
  }

  #bindingFlow(decl: ts.BindingElement, env: Env): Flow | undefined {
    const pattern = decl.parent;
    const container = pattern.parent;
    const note = `destructured into '${nameText(ts, decl.name) ?? '…'}'`;
    if (ts.isObjectBindingPattern(pattern) && !decl.dotDotDotToken && ts.isVariableDeclaration(container) && container.initializer) {
      const key = nameText(ts, decl.propertyName ?? decl.name);
      if (key !== undefined) return through(this.#memberFlow(container.initializer, key, decl, env), note);
    }
    const whole = (): Flow | undefined => {
      if (ts.isVariableDeclaration(container)) {
        const loop = ts.isVariableDeclarationList(container.parent) ? container.parent.parent : undefined;
        if (loop && ts.isForOfStatement(loop)) return this.flowOf(loop.expression, env);
        return container.initializer ? this.flowOf(container.initializer, env) : undefined;
      }
      if (ts.isParameter(container)) return this.#boundFlow(container, env) ?? this.#declarationFlow(container);
      return ts.isBindingElement(container) ? this.#declarationFlow(container, env) : undefined;
    };
    return through(whole(), note);
  }

  /**
   * The flow into `obj.key`: the property's own declarations when the type checker knows them (a tagged
   * field, a credential-named property, an object literal's value), else the whole object's.
   */
  #memberFlow(obj: ts.Expression, key: string, at: ts.Node, env: Env): Flow | undefined {
    // `a.b?.key`: the property of `b`'s type, not of `B | undefined` (which has none), as the checker reads it.
    const type = this.#checker.getApparentType(this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(obj)));
    const decls = this.#checker.getPropertyOfType(type, key)?.declarations ?? [];
    for (const decl of decls) {
      const policy = datapolicyOf(ts, decl, this.#checker);
      if (policy !== undefined) return fromSource({ kind: 'datapolicy', name: key, policy });
    }
    const named = this.#nameSource(key, at, undefined);
    if (named) return named;
    const own = decls.filter((d) => !isFromLibrary(d));
    const fromDecls = firstFlow([
      ...own.map((d) => () => this.#declarationFlow(d)),
      () => through(this.#constructedMember(obj, key, env), `property '${key}' read`),
    ]);
    if (fromDecls || own.length > 0) return fromDecls;
    // No declaration of ours (an index signature, `any`, a library type): it may be anything the object holds.
    return through(this.flowOf(obj, env), `property '${key}' read`);
  }

  /**
   * When `obj` is (a `const` holding) `new C(args)`, or `this` in a method followed for a call on such a
   * receiver: field `key` as the constructor set it from its arguments.
   */
  #constructedMember(obj: ts.Expression, key: string, env: Env): Flow | undefined {
    let expr: ts.Expression = skipOuter(ts, obj); // the host's node types, for its `SyntaxKind`
    let scope = env;
    for (let hops = 0; hops < 4; hops++) {
      if (expr.kind === ts.SyntaxKind.ThisKeyword) {
        const owner = ts.findAncestor(expr, ts.isClassLike);
        const receiver = owner && scope.get(owner);
        if (!receiver?.args[0]) return undefined;
        expr = skipOuter(ts, receiver.args[0]);
        scope = receiver.env;
      } else if (ts.isIdentifier(expr)) {
        const decl = declarationOf(ts, expr, this.#checker);
        if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
        expr = skipOuter(ts, decl.initializer);
      } else {
        break;
      }
    }
    if (!ts.isNewExpression(expr)) return undefined;
    const ctor = this.#checker.getResolvedSignature(expr)?.declaration;
    if (!ctor || !ts.isConstructorDeclaration(ctor) || isFromLibrary(ctor)) return undefined;
    const bound = bindArguments(ctor, expr.arguments ?? [], scope);
    const paramProp = ctor.parameters.find((p) => nameText(ts, p.name) === key && ts.getModifiers(p) !== undefined);
    const field = ctor.parent.members.find((m) => ts.isPropertyDeclaration(m) && nameText(ts, m.name) === key);
    return firstFlow([
      () => (paramProp ? this.#boundFlow(paramProp, bound) : undefined),
      () => (field ? this.#computeDeclaration(field, bound) : undefined),
    ]);
  }

  #propertyFlow(expr: ts.PropertyAccessExpression, env: Env): Flow | undefined {
    const key = nameText(ts, expr.name);
    if (key === undefined || SANITIZING_PROPERTIES.includes(key)) return undefined;
    return this.#memberFlow(expr.expression, key, expr, env);
  }

  #elementFlow(expr: ts.ElementAccessExpression, env: Env): Flow | undefined {
    const arg = expr.argumentExpression;
    if (ts.isStringLiteralLike(arg)) {
      return SANITIZING_PROPERTIES.includes(arg.text) ? undefined : this.#memberFlow(expr.expression, arg.text, expr, env);
    }
    return through(this.flowOf(expr.expression, env), 'element read');
  }

  #objectFlow(expr: ts.ObjectLiteralExpression, env: Env): Flow | undefined {
    return firstFlow(
      expr.properties.map((prop) => () => {
        if (ts.isSpreadAssignment(prop)) return through(this.flowOf(prop.expression, env), 'spread into an object');
        if (ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) {
          return through(this.#declarationFlow(prop, env), 'held by an object literal');
        }
        return ts.isGetAccessorDeclaration(prop) ? this.#declarationFlow(prop) : undefined;
      }),
    );
  }

  #callFlow(call: ts.CallExpression, env: Env): Flow | undefined {
    const callee = call.expression;
    const name = calleeName(ts, callee);
    if ((name !== undefined && this.#defs.isSanitizer(name)) || this.#neutral.isSanitizedChain(callee)) return undefined;
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    if (name !== undefined && receiver) {
      if (isFullMask(ts, call)) return undefined;
      if (this.#defs.revealMethodNames.includes(name) && secretTypeOf(this.#checker.getTypeAtLocation(receiver), this.#defs)) {
        return fromSource({ kind: 'secret-reveal', name: `${receiver.getText()}.${name}()` });
      }
      // `headers.get('authorization')`, `req.header('x-api-key')`: a value looked up by a credential name.
      const key = call.arguments[0];
      if (key && ts.isStringLiteralLike(key) && this.#defs.isCredentialName(key.text)) {
        return fromSource({ kind: 'credential-name', name: key.text });
      }
    }
    const producer = (): Flow | undefined =>
      name !== undefined && this.#defs.isCredentialName(name) ? fromSource({ kind: 'credential-name', name: `${name}()` }) : undefined;
    const target = this.#checker.getResolvedSignature(call)?.declaration;
    if (target && !isFromLibrary(target) && ts.isFunctionLike(target)) {
      const bound = bindArguments(target, call.arguments, env, receiver);
      return firstFlow([() => through(this.#summaryFlow(target, bound), `returned from ${name ?? 'a function'}()`), producer]);
    }
    // A library call passes its receiver's and arguments' content on, and what its callbacks return
    // (`tokens.map((t) => t.value)`, `p.then((r) => r.token)`), unless its result type is clean. An object
    // that holds a secret passes it on whole (`JSON.stringify(user)`), except through the names of its keys.
    const passed = [receiver, ...call.arguments].filter((e): e is ts.Expression => e !== undefined && !ts.isFunctionLike(e));
    const holders = KEY_LISTERS.has(name ?? '') ? [] : call.arguments.map((e) => () => this.#heldFlow(e));
    const callbacks = call.arguments.filter((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
    const callbackFlow = (cb: ts.ArrowFunction | ts.FunctionExpression) => () => {
      const first = cb.parameters[0];
      const bound: Env = first && receiver ? new Map([[first, { args: [receiver], env }]]) : env;
      return this.#summaryFlow(cb, bound);
    };
    return firstFlow([
      producer,
      () =>
        through(
          firstFlow([...passed.map((e) => () => this.flowOf(e, env)), ...callbacks.map(callbackFlow), ...holders]),
          `through ${name ?? 'a call'}()`,
        ),
    ]);
  }

  /** What a function returns, following its body with `env` binding its parameters. */
  #summaryFlow(fn: ts.SignatureDeclaration, env: Env): Flow | undefined {
    if (this.#active.has(fn)) return undefined;
    this.#active.add(fn);
    try {
      return firstFlow(returnedExpressions(ts, fn).map((r) => () => this.flowOf(r, env)));
    } finally {
      this.#active.delete(fn);
    }
  }

  /** A value whose declared type holds a secret (a tagged field, say), as a whole. */
  #heldFlow(expr: ts.Expression): Flow | undefined {
    if (isLiteral(ts, expr)) return undefined;
    const source = holderSource(this.#checker.getTypeAtLocation(expr), this.#checker, this.#defs, expr);
    return source && fromSource(source);
  }

  #newFlow(expr: ts.NewExpression, env: Env): Flow | undefined {
    const name = calleeName(ts, expr.expression);
    if (name !== undefined && this.#defs.isSanitizer(name)) return undefined;
    const args = expr.arguments ?? [];
    return through(firstFlow(args.map((a) => () => this.flowOf(a, env))), `held by new ${name ?? 'object'}()`);
  }
}
