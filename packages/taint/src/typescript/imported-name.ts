import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

/**
 * The name a module exports what a local identifier names: `infoS` for `log` in `import { infoS as log }`
 * (through re-exports too), else the identifier's own text.
 */
export function importedName(ts: TypeScript, id: ts.Identifier, checker: ts.TypeChecker): string {
  const symbol = checker.getSymbolAtLocation(id);
  return symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol).name : id.text;
}
