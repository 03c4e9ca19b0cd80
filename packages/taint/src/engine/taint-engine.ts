import type { Definitions } from '../definitions/index.js';
import {
  calleeName,
  contentOperands,
  datapolicyOf,
  declarationOf,
  functionName,
  holderSource,
  isCleanType,
  isFieldObject,
  isHolderExpression,
  isLiteral,
  isNamedSecret,
  isProcessEnv,
  nameRoleOf,
  nameText,
  NeutralValues,
  overriddenKeys,
  returnedExpressions,
  secretTypeOf,
  spreadKeys,
  transparentOperand,
  type HeldSecret,
  type ProgramView,
  type TypeScript,
  WritesIndex,
} from '../typescript/index.js';
import type * as ts from 'typescript';
import { callTaint, newTaint, thrownIn } from './call-taint.js';
import { computeDeclaration, variableTaint } from './declaration-taint.js';
import { elementTaint, fieldTaint, memberTaint, propertyTaint } from './member-taint.js';
import { parameterOf, type ParamRef } from './param-ref.js';
import { extend, fromParam, fromSource, heldDropped, step, through, union, withoutHeld, withoutParams, type Taint } from './taint.js';
import type { CallIndex } from './call-index.js';

const MAX_DEPTH = 120;

/** What a call passes for parameter `index` (or for the destructured `field` of it). */
export type ArgumentTaint = (index: number, rest: boolean, field?: ts.BindingElement) => Taint | undefined;

/**
 * Demand-driven backward taint: what secret (if any) an expression may carry, following TypeScript's own
 * symbols through declarations, assignments, containers, object literals, calls (function summaries with
 * parameters substituted by arguments), class fields and getters. Results are memoized per node.
 */
export class TaintEngine implements ProgramView {
  /** Values that are clean whatever name or key they are stored under. */
  readonly neutral: NeutralValues;
  private readonly memo = new Map<ts.Node, Taint | null>();
  private readonly declMemo = new Map<ts.Node, Taint | null>();
  private readonly summaries = new Map<ts.Node, Taint | null>();
  private readonly throwSummaries = new Map<ts.Node, Taint | null>();
  private readonly holders = new Map<ts.Type, HeldSecret | null>();
  // Nodes being computed, per memo: a getter's declaration and its summary are different questions.
  private readonly active = new Map<Map<ts.Node, Taint | null>, Set<ts.Node>>();
  private depth = 0;

  readonly writes: WritesIndex;

  /**
   * `ts`: the compiler API that built the nodes (ts-morph's bundled copy in klog-check, the project's
   * `typescript` in the ESLint rule); `calls`: the callers and subclasses in sight (CallIndex).
   */
  constructor(
    readonly ts: TypeScript,
    readonly checker: ts.TypeChecker,
    readonly defs: Definitions,
    readonly calls: CallIndex,
  ) {
    this.writes = new WritesIndex(ts, checker);
    this.neutral = new NeutralValues(ts, checker, defs, this.writes);
  }

  /** The taint of an expression, or undefined when it cannot carry a secret. */
  taintOf(expr: ts.Expression): Taint | undefined {
    return this.cached(this.memo, expr, () => this.compute(expr));
  }

  /**
   * Substitutes the parameters of `fn` in `taint` by what `argTaint(i)` says the i-th argument carries
   * (`field`: only the destructured field of it that the summary depends on).
   */
  substitute(taint: Taint | undefined, fn: ts.SignatureDeclaration, argTaint: ArgumentTaint, at: ts.Node): Taint | undefined {
    const { ts } = this;
    if (taint === undefined || taint.params.size === 0) return taint;
    const own = (p: ParamRef): boolean => parameterOf(ts, p).parent === fn;
    const parts: (Taint | undefined)[] = [withoutParams(taint, own)];
    const name = functionName(ts, fn) ?? 'function';
    for (const [ref, steps] of taint.params) {
      if (!own(ref)) continue;
      const param = parameterOf(ts, ref);
      const index = fn.parameters.indexOf(param);
      const field = ts.isBindingElement(ref) ? ref : undefined;
      const passed = through(argTaint(index, param.dotDotDotToken !== undefined, field), step(at, `passed to ${name}() as '${nameText(ts, ref.name) ?? `#${index}`}'`));
      parts.push(extend(heldDropped(steps) ? withoutHeld(passed) : passed, steps));
    }
    return union(parts);
  }

  /**
   * Taint of the i-th argument of a call (all remaining arguments for a rest parameter), or of the field
   * of it that a parameter destructures (`{ host }: Opts` reads `host` of the argument).
   */
  argumentTaint(args: readonly ts.Expression[], index: number, rest: boolean, field?: ts.BindingElement): Taint | undefined {
    const { ts } = this;
    const picked = rest ? args.slice(index) : args.slice(index, index + 1);
    // A spread argument may land on any parameter at or after its position.
    const spread = args.slice(0, index).filter(ts.isSpreadElement);
    const arg = picked[0];
    if (field !== undefined && !rest && spread.length === 0 && arg !== undefined && !ts.isSpreadElement(arg)) return fieldTaint(this, arg, field);
    return union([...picked, ...spread].map((a) => (ts.isArrowFunction(a) || ts.isFunctionExpression(a) ? this.summaryOf(a) : this.taintOf(a))));
  }

  /** {@link argumentTaint} of a call's arguments, as {@link substitute} takes it. */
  byArguments(args: readonly ts.Expression[]): ArgumentTaint {
    return (index, rest, field) => this.argumentTaint(args, index, rest, field);
  }

  private cached(memo: Map<ts.Node, Taint | null>, node: ts.Node, compute: () => Taint | undefined): Taint | undefined {
    const hit = memo.get(node);
    if (hit !== undefined) return hit ?? undefined;
    let active = this.active.get(memo);
    if (active === undefined) {
      active = new Set();
      this.active.set(memo, active);
    }
    if (active.has(node) || this.depth > MAX_DEPTH) return undefined;
    active.add(node);
    this.depth++;
    let result: Taint | undefined;
    try {
      result = compute();
    } finally {
      this.depth--;
      active.delete(node);
    }
    memo.set(node, result ?? null);
    return result;
  }

  private compute(expr: ts.Expression): Taint | undefined {
    const { ts } = this;
    if (isLiteral(ts, expr)) return undefined;
    const type = this.checker.getTypeAtLocation(expr);
    if (isCleanType(ts, type)) return undefined;
    const secret = secretTypeOf(type, this.defs);
    if (secret === 'wrapper') return undefined;
    const inner = this.computeSyntax(expr);
    if (inner?.flow !== undefined && inner.flow.source.kind !== 'credential-name') return inner;
    if (secret === 'branded') {
      const name = type.aliasSymbol?.name ?? 'Secret';
      return union([inner, fromSource({ kind: 'secret-type', name, node: expr })]);
    }
    if (isProcessEnv(ts, expr, this.checker)) return union([inner, fromSource({ kind: 'credential-name', name: 'process.env', node: expr, held: true })]);
    // An object whose type holds a secret carries it into whatever it is passed to (JSON.stringify, spreads).
    if (isHolderExpression(ts, expr)) {
      const held = this.holderOf(type, expr);
      if (held !== undefined) return union([inner, through(fromSource({ ...held, held: true }), step(expr, 'held by this object'))]);
    }
    return inner;
  }

  private holderOf(type: ts.Type, at: ts.Node): HeldSecret | undefined {
    const { ts } = this;
    const hit = this.holders.get(type);
    if (hit !== undefined) return hit ?? undefined;
    const source = holderSource(ts, type, this.checker, this.defs, at);
    this.holders.set(type, source ?? null);
    return source;
  }

  private computeSyntax(expr: ts.Expression): Taint | undefined {
    const { ts } = this;
    const operand = transparentOperand(ts, expr);
    if (operand !== undefined) return this.taintOf(operand);
    if (ts.isIdentifier(expr)) return this.identifierTaint(expr);
    if (ts.isPropertyAccessExpression(expr)) return propertyTaint(this, expr);
    if (ts.isElementAccessExpression(expr)) return elementTaint(this, expr);
    if (ts.isCallExpression(expr)) return callTaint(this, expr);
    if (ts.isNewExpression(expr)) return newTaint(this, expr);
    if (ts.isObjectLiteralExpression(expr)) return this.objectTaint(expr);
    if (ts.isArrayLiteralExpression(expr)) return union(expr.elements.map((e) => this.taintOf(e)));
    // Made a string, an object shows its toString, not its fields: what its type holds stays behind.
    if (ts.isTemplateExpression(expr)) return union(expr.templateSpans.map((s) => withoutHeld(this.taintOf(s.expression))));
    if (ts.isTaggedTemplateExpression(expr)) {
      const tag = calleeName(ts, expr.tag);
      if (tag !== undefined && this.defs.isSanitizer(tag)) return undefined;
      return ts.isTemplateExpression(expr.template) ? this.taintOf(expr.template) : undefined;
    }
    if (ts.isBinaryExpression(expr)) {
      const concatenated = expr.operatorToken.kind === ts.SyntaxKind.PlusToken || expr.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken;
      return union(contentOperands(ts, expr).map((e) => (concatenated ? withoutHeld(this.taintOf(e)) : this.taintOf(e))));
    }
    if (ts.isConditionalExpression(expr)) return union([this.taintOf(expr.whenTrue), this.taintOf(expr.whenFalse)]);
    return undefined;
  }

  private identifierTaint(id: ts.Identifier): Taint | undefined {
    const { ts } = this;
    const decl = declarationOf(ts, id, this.checker);
    if (decl === undefined && id.text === 'arguments') return this.argumentsTaint(id);
    // An implicit global (a JavaScript name assigned or read without a declaration) is judged by its name.
    if (decl === undefined) return this.checker.getSymbolAtLocation(id) === undefined ? this.nameSource(id.text, id, undefined) : undefined;
    if (ts.isVariableDeclaration(decl) && datapolicyOf(ts, decl, this.checker) === undefined && !this.isCredentialDeclaration(decl)) {
      return variableTaint(this, decl, id);
    }
    return this.declarationTaint(decl);
  }

  /**
   * `arguments` (forwarded by `console.log.apply(this, arguments)`): the function's parameters, and what its
   * callers pass beyond them (a function declared without parameters that forwards whatever it gets).
   */
  private argumentsTaint(id: ts.Identifier): Taint | undefined {
    const { ts } = this;
    const fn = ts.findAncestor(id.parent, (n) => ts.isFunctionLike(n) && !ts.isArrowFunction(n)) as ts.SignatureDeclaration | undefined;
    if (fn === undefined) return undefined;
    const extra = this.calls.callersOf(fn).flatMap((call) => (call.arguments ?? []).slice(fn.parameters.length).map((a) => through(this.taintOf(a), step(call, `passed to ${functionName(ts, fn) ?? 'a function'}() in its arguments`))));
    return union([...fn.parameters.map((p) => fromParam(p)), ...extra]);
  }

  private isCredentialDeclaration(decl: ts.VariableDeclaration): boolean {
    return this.variableNameSource(decl) !== undefined;
  }

  /**
   * A credential-named variable is a source unless everything ever assigned to it is neutral
   * (`let token = ''` followed by `token = req.body.t` is a source; `const password = hash(raw)` is not).
   */
  variableNameSource(decl: ts.VariableDeclaration): Taint | undefined {
    const { ts } = this;
    const name = nameText(ts, decl.name);
    const type = this.checker.getTypeAtLocation(decl);
    if (name === undefined || !isNamedSecret(ts, this.checker, this.defs, name, type, 'own')) return undefined;
    const values = [...(decl.initializer === undefined ? [] : [decl.initializer]), ...this.writes.writesTo(decl).map((w) => w.value)];
    if (values.length > 0 && values.every((v) => this.neutral.isNeutral(v))) return undefined;
    return fromSource({ kind: 'credential-name', name, node: decl, held: isFieldObject(ts, type, this.checker) });
  }

  /**
   * `{ ...x }`: what each of x's fields carries, except the fields the literal overrides afterwards
   * (`{ ...creds, password: '***' }` is clean); an object without known fields carries all of x.
   */
  spreadTaint(expr: ts.Expression, overridden: ReadonlySet<string>, at: ts.Node): Taint | undefined {
    const { ts } = this;
    const keys = spreadKeys(ts, this.checker, expr, overridden);
    if (keys === undefined) return through(this.taintOf(expr), step(at, 'spread'));
    return through(union(keys.map((key) => memberTaint(this, expr, key, at))), step(at, 'spread'));
  }

  /**
   * A name-based source (isNamedSecret: not a clean value, nor a property holding an object, which counts
   * by its content), unless the declared value is neutral. `type` is the value's, when `node` is not it.
   */
  nameSource(name: string | undefined, node: ts.Node, value: ts.Expression | undefined, type?: ts.Type): Taint | undefined {
    const { ts } = this;
    const valueType = type ?? this.checker.getTypeAtLocation(node);
    if (!isNamedSecret(ts, this.checker, this.defs, name, valueType, nameRoleOf(ts, node))) return undefined;
    if (value !== undefined && this.neutral.isNeutral(value)) return undefined;
    // A credential-named object of declared fields (`const secret: V1Secret`) holds the secret in some field:
    // logged whole it is one, a field read out of it is judged by its own name.
    return fromSource({ kind: 'credential-name', name: name ?? '', node, held: isFieldObject(ts, valueType, this.checker) });
  }

  /** The taint of whatever a declaration holds. */
  declarationTaint(decl: ts.Node): Taint | undefined {
    return this.cached(this.declMemo, decl, () => computeDeclaration(this, decl));
  }

  declOfCall(call: ts.CallExpression | ts.NewExpression): ts.Declaration | undefined {
    return this.checker.getResolvedSignature(call)?.declaration;
  }

  private objectTaint(expr: ts.ObjectLiteralExpression): Taint | undefined {
    const { ts } = this;
    const parts: (Taint | undefined)[] = [];
    for (const prop of expr.properties) {
      if (ts.isSpreadAssignment(prop)) {
        parts.push(this.spreadTaint(prop.expression, overriddenKeys(ts, expr, prop), prop));
      } else if (ts.isShorthandPropertyAssignment(prop)) {
        parts.push(through(this.taintOf(prop.name), step(prop, 'held by an object literal')));
      } else if (ts.isPropertyAssignment(prop)) {
        parts.push(through(this.declarationTaint(prop), step(prop, 'held by an object literal')));
      } else if (ts.isGetAccessorDeclaration(prop)) {
        parts.push(this.declarationTaint(prop));
      }
      if (parts.some((p) => p?.flow !== undefined)) break;
    }
    return union(parts);
  }

  /** What a function throws, with its own parameters left symbolic. */
  thrownBy(fn: ts.SignatureDeclaration): Taint | undefined {
    return this.cached(this.throwSummaries, fn, () => ('body' in fn && fn.body !== undefined ? thrownIn(this, fn.body) : undefined));
  }

  /** What a function returns, with its own parameters left symbolic (a function summary). */
  summaryOf(fn: ts.SignatureDeclaration): Taint | undefined {
    const { ts } = this;
    return this.cached(this.summaries, fn, () => union(returnedExpressions(ts, fn).map((r) => this.taintOf(r))));
  }

}
