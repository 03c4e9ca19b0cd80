import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

type ClassLike = ts.ClassLikeDeclaration;

/**
 * The classes that extend another (added one by one, from a walk over the files), so that a field's writes
 * include those in subclasses (`this.dsn = ...` in the constructor of a derived class).
 */
export class SubclassIndex {
  private readonly derived: ClassLike[] = [];
  private byBase: Map<ClassLike, ClassLike[]> | undefined;

  constructor(
    private readonly ts: TypeScript,
    private readonly checker: ts.TypeChecker,
  ) {}

  /** Notes a class (classes without an `extends` clause are skipped). */
  add(cls: ClassLike): void {
    if (this.extendsClause(cls) === undefined) return;
    this.derived.push(cls);
    this.byBase = undefined;
  }

  /** The classes that extend `cls`, directly or not. */
  subclassesOf(cls: ClassLike): ClassLike[] {
    this.byBase ??= this.index();
    const found: ClassLike[] = [];
    const queue = [cls];
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      for (const sub of this.byBase.get(c) ?? []) {
        if (found.includes(sub)) continue; // a cycle in invalid code
        found.push(sub);
        queue.push(sub);
      }
    }
    return found;
  }

  private extendsClause(cls: ClassLike): ts.HeritageClause | undefined {
    return cls.heritageClauses?.find((h) => h.token === this.ts.SyntaxKind.ExtendsKeyword);
  }

  // Resolved on the first question after a change: most runs never ask.
  private index(): Map<ClassLike, ClassLike[]> {
    const byBase = new Map<ClassLike, ClassLike[]>();
    for (const cls of this.derived) {
      const base = this.extendsClause(cls)?.types[0];
      const decl = base === undefined ? undefined : this.baseDeclaration(base.expression);
      if (decl !== undefined) byBase.set(decl, [...(byBase.get(decl) ?? []), cls]);
    }
    return byBase;
  }

  private baseDeclaration(expr: ts.Expression): ClassLike | undefined {
    let symbol = this.checker.getSymbolAtLocation(expr);
    if (symbol !== undefined && symbol.flags & this.ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.find((d): d is ClassLike => this.ts.isClassLike(d));
  }
}
