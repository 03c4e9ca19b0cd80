import type { Definitions } from '@klog-ts/taint/definitions';
import { ACCUMULATOR_METHODS, CALLBACK_PARAM, KEY_LISTERS, MAPPING_METHODS, SANITIZING_PROPERTIES } from '@klog-ts/taint/definitions';
import type { HeldSecret, Member, ProgramView } from '@klog-ts/taint/typescript';
import {
  calleeName,
  contentOperands,
  datapolicyOf,
  declarationOf,
  elementContainer,
  fieldValues,
  holderSource,
  initialValue,
  isCleanType,
  isEntryKey,
  isFromLibrary,
  isFullMask,
  isHolderExpression,
  isLiteral,
  isNamedSecret,
  isPromiseReject,
  memberOf,
  nameRoleOf,
  nameText,
  NeutralValues,
  overriddenKeys,
  reachingWrites,
  readsPrecisely,
  returnedExpressions,
  returningFunction,
  secretTypeOf,
  siblingKeys,
  skipOuter,
  spreadKeys,
  storedElements,
  transparentOperand,
  tupleElements,
  WritesIndex,
} from '@klog-ts/taint/typescript';
import * as ts from 'typescript';
import type { Flow } from './flow.js';
import { firstFlow, fromSource, through } from './flow.js';
import { throwsAndCalls } from './body-parts.js';
import { FileSubclasses } from './file-subclasses.js';
import type { Binding, Env } from './env.js';
import { bindArguments, NO_ENV } from './env.js';
import { receivedBy, type Received } from './received-values.js';

/** Deeper flows are given up (a finding is then missed, never invented). */
const MAX_DEPTH = 60;

type Callback = ts.ArrowFunction | ts.FunctionExpression;

const isCallback = (e: ts.Node | undefined): e is Callback => e !== undefined && (ts.isArrowFunction(e) || ts.isFunctionExpression(e));

// The object a getter is read on or a method called on: `a` in `a.creds` and `a.make()`.
function receiverOf(expr: ts.PropertyAccessExpression | ts.CallExpression): ts.Expression | undefined {
  const access = ts.isCallExpression(expr) ? expr.expression : expr;
  return ts.isPropertyAccessExpression(access) ? access.expression : undefined;
}

/**
 * Demand-driven backward taint over TypeScript's AST and type checker: what secret, if any, an expression may
 * carry. Sources, sanitizers, library flows and the shared pieces of the analysis come from the taint engine
 * the checker uses too (`@klog-ts/taint/definitions` and `/typescript`); the flow rules follow TypeScript's
 * symbols through declarations in any file of the program (a tagged field of an imported class, a function
 * imported from elsewhere), assignments, destructuring, object literals, spreads, templates, containers and
 * their elements, returns and throws (a called function's body is followed with its parameters bound to the
 * call's arguments, a callback's with what its caller passes). What the ESLint rule cannot see is who calls
 * the function under lint: its parameters are secrets only by their names and types. Results without bound
 * parameters are memoized for the program.
 */
export class SecretTracer {
  readonly #checker: ts.TypeChecker;
  readonly #defs: Definitions;
  readonly #writes: WritesIndex;
  readonly #view: ProgramView;
  readonly #memo = new Map<ts.Node, Flow | null>();
  readonly #holders = new Map<ts.Type, HeldSecret | null>();
  readonly #active = new Set<ts.Node>();
  // Functions whose body is being followed: a getter is also a declaration, whose flow is another question.
  readonly #summarizing = new Set<ts.Node>();
  readonly #subclasses: FileSubclasses;
  /** Values that are clean whatever name or key they are stored under (shared with the checker). */
  readonly neutral: NeutralValues;
  #depth = 0;

  constructor(checker: ts.TypeChecker, defs: Definitions) {
    this.#checker = checker;
    this.#defs = defs;
    this.#writes = new WritesIndex(ts, checker);
    this.#view = { ts, checker, writes: this.#writes };
    this.#subclasses = new FileSubclasses(checker);
    this.neutral = new NeutralValues(ts, checker, defs, this.#writes);
  }

  /** The flow of a secret into `expr`, or `undefined` when it cannot carry one. */
  flowOf(expr: ts.Expression, env: Env = NO_ENV): Flow | undefined {
    return this.#guarded(expr, env, () => this.#compute(expr, env));
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

  #compute(expr: ts.Expression, env: Env): Flow | undefined {
    if (isLiteral(ts, expr)) return undefined;
    const type = this.#checker.getTypeAtLocation(expr);
    if (isCleanType(ts, type)) return undefined;
    const secret = secretTypeOf(type, this.#defs);
    if (secret === 'wrapper') return undefined; // renders redacted
    const inner = this.#syntax(expr, env);
    if (inner) return inner;
    if (secret === 'branded') return fromSource({ kind: 'secret-type', name: type.aliasSymbol?.name ?? 'Secret' });
    // An object whose type holds a secret carries it into whatever it is passed to (`{ db: settings }`, a spread).
    return isHolderExpression(ts, expr) ? through(this.#heldFlow(expr), 'held by this object') : undefined;
  }

  #syntax(expr: ts.Expression, env: Env): Flow | undefined {
    const operand = transparentOperand(ts, expr);
    if (operand) return this.flowOf(operand, env);
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
    if (ts.isBinaryExpression(expr)) return firstFlow(contentOperands(ts, expr).map((e) => () => this.flowOf(e, env)));
    if (ts.isConditionalExpression(expr)) {
      return firstFlow([() => this.flowOf(expr.whenTrue, env), () => this.flowOf(expr.whenFalse, env)]);
    }
    return undefined; // typeof, !x, x++ and friends: no content
  }

  /**
   * A name-based source (isNamedSecret: not a clean value, nor a property holding an object, which counts
   * by its content), unless the declared value is neutral. `type` is the value's, when `node` is not it.
   */
  #nameSource(name: string | undefined, node: ts.Node, value: ts.Expression | undefined, type?: ts.Type): Flow | undefined {
    if (!isNamedSecret(ts, this.#checker, this.#defs, name, type ?? this.#checker.getTypeAtLocation(node), nameRoleOf(ts, node))) return undefined;
    if (value && this.neutral.isNeutral(value)) return undefined;
    return fromSource({ kind: 'credential-name', name: name ?? '' });
  }

  #identifierFlow(id: ts.Identifier, env: Env): Flow | undefined {
    const decl = declarationOf(ts, id, this.#checker);
    if (!decl) return undefined;
    if (ts.isParameter(decl)) {
      // Bound by a followed call: what that call passed; else what callers in sight pass (memoized).
      if (env.has(decl)) return this.#nameSource(nameText(ts, decl.name), decl, undefined) ?? this.#parameterFlow(decl, env);
      return this.#declarationFlow(decl);
    }
    if (ts.isVariableDeclaration(decl)) {
      const policy = datapolicyOf(ts, decl, this.#checker);
      if (policy !== undefined) return fromSource({ kind: 'datapolicy', name: nameText(ts, decl.name) ?? policy, policy });
      return this.#nameSource(nameText(ts, decl.name), decl, decl.initializer) ?? this.#variableFlow(decl, id, env);
    }
    return this.#declarationFlow(decl, env);
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
      return this.#nameSource(name, decl, decl.initializer) ?? this.#fieldFlow(decl, name ?? '', env);
    }
    if (ts.isGetAccessorDeclaration(decl)) return this.#nameSource(name, decl, undefined) ?? this.#summaryFlow(decl, NO_ENV);
    if (ts.isPropertySignature(decl)) return this.#nameSource(name, decl, undefined);
    return undefined;
  }

  /**
   * A class field: its initializer and what the class or a subclass writes into it (fieldValues). Subclasses
   * are looked for in the base's file (FileSubclasses): a lint rule does not walk the program.
   */
  #fieldFlow(decl: ts.PropertyDeclaration, name: string, env: Env): Flow | undefined {
    const values = fieldValues(ts, decl, this.#subclasses.subclassesOf(decl.parent));
    return firstFlow(values.map((v) => () => through(this.flowOf(v, env), `stored in field '${name}'`)));
  }

  #valueDeclarationFlow(decl: ts.Declaration, env: Env): Flow | undefined {
    if (ts.isParameter(decl) && env.has(decl)) return this.#parameterFlow(decl, env) ?? this.#declarationFlow(decl);
    return this.#declarationFlow(decl, env);
  }

  /** A variable's initializer or loop element, and the writes that can run before `use`. */
  #variableFlow(decl: ts.VariableDeclaration, use: ts.Node | undefined, env: Env): Flow | undefined {
    if (ts.isCatchClause(decl.parent)) return through(this.#thrownFlow(decl.parent.parent.tryBlock, env), 'thrown and caught');
    const name = nameText(ts, decl.name) ?? '…';
    // The initializer (or loop element) is a write at the declaration, which any reassignment may hide.
    const initial = initialValue(ts, decl);
    const reaching = reachingWrites(ts, initial ? [{ value: initial.value, at: decl }] : [], this.#writes.writesTo(decl), use);
    const note = (w: { at: ts.Node }): string =>
      w.at !== decl ? `written to '${name}'` : initial?.element ? `element assigned to '${name}'` : `assigned to '${name}'`;
    return firstFlow(reaching.map((w) => () => through(this.flowOf(w.value, env), note(w))));
  }

  /**
   * What evaluating `node` may throw or reject with: its `throw`s and `Promise.reject(reason)`s, and the
   * throws in the bodies of the program's functions it calls (with their parameters bound to the arguments).
   */
  #thrownFlow(node: ts.Node, env: Env): Flow | undefined {
    const direct = throwsAndCalls(node);
    const candidates = direct.throws.map((e) => () => this.flowOf(e, env));
    for (const call of direct.calls) {
      const reason = call.arguments[0];
      if (isPromiseReject(ts, call) && reason) candidates.push(() => this.flowOf(reason, env));
      const target = this.#checker.getResolvedSignature(call)?.declaration;
      if (!target || !ts.isFunctionLike(target) || isFromLibrary(target) || this.#summarizing.has(target)) continue;
      const body = (target as { body?: ts.Node }).body;
      const bound = bindArguments(target, call.arguments, env);
      if (body) candidates.push(...throwsAndCalls(body).throws.map((e) => () => this.flowOf(e, bound)));
    }
    return firstFlow(candidates);
  }

  /** What a parameter receives from the callers in sight (receivedBy), or its default value. */
  #parameterFlow(param: ts.ParameterDeclaration, env: Env): Flow | undefined {
    const received = receivedBy(this.#checker, param, env).map((r) => () => through(this.#receivedFlow(r), r.note));
    return firstFlow([...received, () => (param.initializer ? this.flowOf(param.initializer, env) : undefined)]);
  }

  #receivedFlow(r: Received): Flow | undefined {
    return 'rejectedBy' in r ? this.#thrownFlow(r.rejectedBy, r.env) : this.flowOf(r.value, r.env);
  }

  #bindingFlow(decl: ts.BindingElement, env: Env): Flow | undefined {
    const pattern = decl.parent;
    const container = pattern.parent;
    const note = `destructured into '${nameText(ts, decl.name) ?? '…'}'`;
    const key = ts.isObjectBindingPattern(pattern) && !decl.dotDotDotToken ? nameText(ts, decl.propertyName ?? decl.name) : undefined;
    if (key !== undefined && ts.isVariableDeclaration(container) && container.initializer) {
      return through(this.#memberFlow(container.initializer, key, decl, env), note);
    }
    // `const { password, ...rest } = user`: rest holds the other fields only.
    if (decl.dotDotDotToken && ts.isObjectBindingPattern(pattern) && ts.isVariableDeclaration(container) && container.initializer) {
      return through(this.#spreadFlow(container.initializer, siblingKeys(ts, decl), env), note);
    }
    // `({ host, apiKey: key }: Opts) =>`: that field of what the parameter receives, by its own name first.
    if (key !== undefined && ts.isParameter(container)) return through(this.#parameterField(container, key, decl, env), note);
    if (ts.isArrayBindingPattern(pattern) && ts.isVariableDeclaration(container)) {
      // `for (const [key, value] of map)`: keys are names, not contents.
      if (isEntryKey(ts, this.#checker, decl)) return undefined;
      // `const [user, token] = await Promise.all([loadUser(), getToken()])`: each element is its own position.
      const held = !decl.dotDotDotToken && container.initializer ? tupleElements(ts, container.initializer, pattern.elements.indexOf(decl)) : undefined;
      if (held) return through(firstFlow(held.map((e) => () => this.flowOf(e, env))), note);
    }
    const whole = (): Flow | undefined => {
      if (ts.isVariableDeclaration(container)) {
        const initial = initialValue(ts, container);
        return initial && this.flowOf(initial.value, env);
      }
      if (ts.isParameter(container)) return this.#valueDeclarationFlow(container, env);
      return ts.isBindingElement(container) ? this.#declarationFlow(container, env) : undefined;
    };
    return through(whole(), note);
  }

  /** Field `key` of what a parameter receives (`({ host, apiKey: key }: Opts) =>`), by its tag or name first. */
  #parameterField(param: ts.ParameterDeclaration, key: string, at: ts.BindingElement, env: Env): Flow | undefined {
    const member = memberOf(this.#checker, param, key);
    const named = this.#memberSource(member.decls, key, at, member.type);
    if (named) return named;
    return firstFlow(
      receivedBy(this.#checker, param, env).map((r) => () => {
        if ('rejectedBy' in r) return through(this.#thrownFlow(r.rejectedBy, r.env), r.note);
        if (!r.element) return through(this.#memberFlow(r.value, key, at, r.env), r.note);
        const whole = (): Flow | undefined => this.flowOf(r.value, r.env);
        return through(this.#memberRead(member, key, at, () => this.#elementsField(r.value, key, at, r.env), whole), r.note);
      }),
    );
  }

  /** Field `key` of the elements stored in `container`, when every way in is known (storedElements). */
  #elementsField(container: ts.Expression, key: string, at: ts.Node, env: Env): Flow | undefined {
    const stored = storedElements(this.#view, container);
    return stored && firstFlow(stored.map((v) => () => this.#memberFlow(v, key, at, env)));
  }

  /** A member that is a source by itself: a datapolicy tag, or a credential-like key (judged by the member's type). */
  #memberSource(decls: readonly ts.Declaration[], key: string, at: ts.Node, type: ts.Type | undefined): Flow | undefined {
    for (const decl of decls) {
      const policy = datapolicyOf(ts, decl, this.#checker);
      if (policy !== undefined) return fromSource({ kind: 'datapolicy', name: key, policy });
    }
    return this.#nameSource(key, at, undefined, type);
  }

  /** The flow into `obj.key` (memberRead), `obj` as built (constructedMember) or as a whole. */
  #memberFlow(obj: ts.Expression, key: string, at: ts.Node, env: Env): Flow | undefined {
    // `a.b?.key`: the property of `b`'s type, not of `B | undefined` (which has none), as the checker reads it.
    const member = memberOf(this.#checker, obj, key);
    return this.#memberRead(member, key, at, () => this.#constructedMember(obj, key, at, env), () => this.flowOf(obj, env));
  }

  /**
   * Reading `key` of an object whose property is `member`: a source by its tag or name; else what its own
   * declarations hold (a class field's writes, an object literal's value) and, unless an object literal
   * declares it, what `built` says built the object; only an undeclared property (an index signature, `any`, a library type) may be anything the
   * whole object holds.
   */
  #memberRead(member: Member, key: string, at: ts.Node, built: () => Flow | undefined, whole: () => Flow | undefined): Flow | undefined {
    const named = this.#memberSource(member.decls, key, at, member.type);
    if (named) return named;
    const own = member.decls.filter((d) => !isFromLibrary(d));
    const fromBuilder = readsPrecisely(ts, own) ? [] : [() => through(built(), `property '${key}' read`)];
    const fromDecls = firstFlow([...own.map((d) => () => this.#declarationFlow(d)), ...fromBuilder]);
    if (fromDecls || own.length > 0) return fromDecls;
    return through(whole(), `property '${key}' read`);
  }

  /**
   * What built `obj`, field `key` of it: `new C(args)` (as the constructor set it from its arguments), or the
   * elements stored in the container `obj` is read from (`xs[i]`, `m.get(k)`, a `for...of` variable),
   * following `const` variables and `this` in a method followed for a call on such a receiver.
   */
  #constructedMember(obj: ts.Expression, key: string, at: ts.Node, env: Env): Flow | undefined {
    let expr: ts.Expression = skipOuter(ts, obj); // the host's node types, for its `SyntaxKind`
    let scope = env;
    for (let hops = 0; hops < 4; hops++) {
      const container = elementContainer(this.#view, expr);
      if (container) return this.#elementsField(container, key, at, scope);
      if (expr.kind === ts.SyntaxKind.ThisKeyword) {
        const owner = ts.findAncestor(expr, ts.isClassLike);
        const receiver: Binding | undefined = owner && scope.get(owner);
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
    const fn = returningFunction(ts, this.#checker, expr);
    if (fn) {
      // `a.credentials.pw`, `make(x).pw`: that field of what the program's getter or function returns.
      const receiver = ts.isPropertyAccessExpression(expr) || ts.isCallExpression(expr) ? receiverOf(expr) : undefined;
      const bound = bindArguments(fn, ts.isCallExpression(expr) ? expr.arguments : [], scope, receiver);
      return this.#returned(fn, (r) => this.#memberFlow(r, key, at, bound));
    }
    if (!ts.isNewExpression(expr)) return undefined;
    const ctor = this.#checker.getResolvedSignature(expr)?.declaration;
    if (!ctor || !ts.isConstructorDeclaration(ctor) || isFromLibrary(ctor)) return undefined;
    const bound = bindArguments(ctor, expr.arguments ?? [], scope);
    const paramProp = ctor.parameters.find((p) => nameText(ts, p.name) === key && ts.getModifiers(p) !== undefined);
    const field = ctor.parent.members.find((m) => ts.isPropertyDeclaration(m) && nameText(ts, m.name) === key);
    return firstFlow([
      () => (paramProp ? this.#parameterFlow(paramProp, bound) : undefined),
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
        if (ts.isSpreadAssignment(prop)) return this.#spreadFlow(prop.expression, overriddenKeys(ts, expr, prop), env);
        // `{ body }` reads the variable `body` (whose type may hold a secret), `{ key: v }` its declaration.
        if (ts.isShorthandPropertyAssignment(prop)) return through(this.flowOf(prop.name, env), 'held by an object literal');
        if (ts.isPropertyAssignment(prop)) return through(this.#declarationFlow(prop, env), 'held by an object literal');
        return ts.isGetAccessorDeclaration(prop) ? this.#declarationFlow(prop) : undefined;
      }),
    );
  }

  /** `{ ...x }`, `const { a, ...rest } = x`: what x's fields carry but the `excluded` ones (spreadKeys), or all of x. */
  #spreadFlow(expr: ts.Expression, excluded: ReadonlySet<string>, env: Env): Flow | undefined {
    const keys = spreadKeys(ts, this.#checker, expr, excluded);
    const flow = keys ? firstFlow(keys.map((key) => () => this.#memberFlow(expr, key, expr, env))) : this.flowOf(expr, env);
    return through(flow, 'spread into an object');
  }

  #callFlow(call: ts.CallExpression, env: Env): Flow | undefined {
    const callee = call.expression;
    const name = calleeName(ts, callee);
    if ((name !== undefined && this.#defs.isSanitizer(name)) || this.neutral.isSanitizedChain(callee)) return undefined;
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
    return firstFlow([producer, () => through(this.#libraryFlow(call, name, receiver, env), `through ${name ?? 'a call'}()`)]);
  }

  /**
   * A library call: a mapping method (`xs.map(f)`, `p.then(f)`) returns what its callback returns, a fold
   * (`reduce`) that or its initial value, with the callback's parameters bound as the method passes them;
   * any other call passes its receiver's and arguments' content on (an object holding a secret passes it
   * whole: `JSON.stringify(user)`, `keys.join()`), and what its callbacks return; `Object.keys` passes names.
   */
  #libraryFlow(call: ts.CallExpression, name: string | undefined, receiver: ts.Expression | undefined, env: Env): Flow | undefined {
    const callback = call.arguments[0];
    const element: Binding | undefined = receiver && { args: [receiver], env, element: true };
    if (name !== undefined && element && isCallback(callback) && (MAPPING_METHODS.has(name) || ACCUMULATOR_METHODS.has(name))) {
      const bound = new Map<ts.Node, Binding>();
      const [first, second] = callback.parameters;
      const initial = call.arguments[1];
      if (ACCUMULATOR_METHODS.has(name)) {
        if (first) bound.set(first, initial ? { args: [initial], env } : element);
        if (second) bound.set(second, element);
        return firstFlow([() => this.#summaryFlow(callback, bound), () => (initial ? this.flowOf(initial, env) : undefined)]);
      }
      if (first) bound.set(first, element);
      return this.#summaryFlow(callback, bound);
    }
    if (KEY_LISTERS.has(name ?? '')) return undefined;
    const passed = [receiver, ...call.arguments].filter((e): e is ts.Expression => e !== undefined && !ts.isFunctionLike(e));
    const callbackFlow = (cb: Callback) => () => {
      const index = CALLBACK_PARAM.get(name ?? '') ?? 0;
      const param = cb.parameters[index];
      return this.#summaryFlow(cb, param && element ? new Map([[param, element]]) : env);
    };
    return firstFlow([...passed.map((e) => () => this.flowOf(e, env)), ...call.arguments.filter(isCallback).map(callbackFlow)]);
  }

  /** What a function returns, following its body with `env` binding its parameters. */
  #summaryFlow(fn: ts.SignatureDeclaration, env: Env): Flow | undefined {
    return this.#returned(fn, (r) => this.flowOf(r, env));
  }

  /** The first flow `read` finds in what `fn` returns; none while `fn`'s body is already being followed (recursion). */
  #returned(fn: ts.SignatureDeclaration, read: (returned: ts.Expression) => Flow | undefined): Flow | undefined {
    if (this.#summarizing.has(fn)) return undefined;
    this.#summarizing.add(fn);
    try {
      return firstFlow(returnedExpressions(ts, fn).map((r) => () => read(r)));
    } finally {
      this.#summarizing.delete(fn);
    }
  }

  /** A value whose declared type holds a secret (a tagged field, say), as a whole; cached per type, as the checker does. */
  #heldFlow(expr: ts.Expression): Flow | undefined {
    if (isLiteral(ts, expr)) return undefined;
    const type = this.#checker.getTypeAtLocation(expr);
    let source = this.#holders.get(type);
    if (source === undefined) this.#holders.set(type, (source = holderSource(ts, type, this.#checker, this.#defs, expr) ?? null));
    return source ? fromSource(source) : undefined;
  }

  #newFlow(expr: ts.NewExpression, env: Env): Flow | undefined {
    const name = calleeName(ts, expr.expression);
    if (name !== undefined && this.#defs.isSanitizer(name)) return undefined;
    const args = expr.arguments ?? [];
    return through(firstFlow(args.map((a) => () => this.flowOf(a, env))), `held by new ${name ?? 'object'}()`);
  }
}
