import { join } from 'node:path';
import { DEFAULT_SINKS, type Definitions, type SinkDefinition } from '@klog-ts/taint/definitions';
import { ts } from 'ts-morph';

/** A sink entry (a preset or a config entry) as resolved against one program. */
export interface ResolvedSink {
  /** The preset's name, or the module as configured. */
  readonly label: string;
  /** From the config (warned about when it resolves to nothing or matches no call), not a preset. */
  readonly configured: boolean;
  /** Its module resolves from the project (always true for a global such as `console`). */
  readonly resolved: boolean;
}

/** Definitions widened by what the sink modules re-export, and which entry each definition stands for. */
export interface SinkResolution {
  readonly defs: Definitions;
  readonly entries: readonly ResolvedSink[];
  /** Every sink definition in `defs`, mapped to the index of its entry. */
  readonly entryOf: ReadonlyMap<SinkDefinition, number>;
}

const strip = (path: string): string => path.replace(/(\.d)?\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');

// The module a sink names, as a program source file; `resolved` without a file when it resolves to
// something the program never loads (no call can reach it) or to an ambient `declare module`.
function moduleFile(program: ts.Program, sink: SinkDefinition, projectDir: string): { resolved: boolean; file?: ts.SourceFile } {
  if (sink.global === true) return { resolved: true };
  if (sink.module.startsWith('/')) {
    const file = program.getSourceFiles().find((f) => strip(f.fileName) === strip(sink.module));
    return file === undefined ? { resolved: false } : { resolved: true, file };
  }
  const checker = program.getTypeChecker();
  if (checker.getAmbientModules().some((m) => m.name === JSON.stringify(sink.module))) return { resolved: true };
  const found = ts.resolveModuleName(sink.module, join(projectDir, '__klog_check__.ts'), program.getCompilerOptions(), ts.sys).resolvedModule;
  if (found === undefined) return { resolved: false };
  const file = program.getSourceFile(found.resolvedFileName);
  return file === undefined ? { resolved: true } : { resolved: true, file };
}

// The files declaring what a module's exports log through: `methods` and `bindings` of its exported
// classes, interfaces and values (through re-exports), of what its `factories` return, and, for a
// callable sink, the call signatures of those. A logger re-exported by a workspace package is declared
// elsewhere; these files let the sink match it there.
function declaringFiles(program: ts.Program, sink: SinkDefinition, file: ts.SourceFile): Set<string> {
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(file);
  const files = new Set<string>();
  if (moduleSymbol === undefined) return files;
  const names = [...sink.methods, ...(sink.bindings ?? [])];
  const add = (decls: readonly ts.Declaration[] | undefined): void => {
    for (const d of decls ?? []) {
      const source = d.getSourceFile();
      if (!program.isSourceFileDefaultLibrary(source)) files.add(source.fileName);
    }
  };
  const scan = (type: ts.Type): void => {
    for (const name of names) add(type.getProperty(name)?.declarations);
    if (sink.callable === true) for (const sig of type.getCallSignatures()) add(sig.declaration === undefined ? [] : [sig.declaration]);
  };
  // `export = pino` is the module itself, called as `default`.
  const exportEquals = moduleSymbol.exports?.get(ts.InternalSymbolName.ExportEquals);
  const exported = checker.getExportsOfModule(moduleSymbol);
  for (const symbol of exportEquals === undefined ? exported : [...exported, exportEquals]) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const exportName = symbol === exportEquals ? 'default' : symbol.name;
    if (names.includes(exportName)) add(target.declarations);
    if (target.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) scan(checker.getDeclaredTypeOfSymbol(target));
    if (!(target.flags & ts.SymbolFlags.Value)) continue;
    const type = checker.getTypeOfSymbol(target);
    scan(type);
    if (sink.factories?.includes(exportName) === true) for (const sig of type.getCallSignatures()) scan(sig.getReturnType());
  }
  files.delete(file.fileName);
  return files;
}

/**
 * Resolves every sink entry against a program: whether its module resolves from the project, and the
 * files where what it exports is declared, added as definitions of their own so that a logger re-exported
 * by another package, or returned by a factory declared elsewhere, is matched.
 */
export function resolveSinks(program: ts.Program, defs: Definitions, projectDir: string): SinkResolution {
  const entries: ResolvedSink[] = [];
  const entryOf = new Map<SinkDefinition, number>();
  const extra: SinkDefinition[] = [];
  defs.sinks.forEach((sink, index) => {
    const configured = !DEFAULT_SINKS.includes(sink);
    const { resolved, file } = moduleFile(program, sink, projectDir);
    entries.push({ label: sink.name ?? sink.module, configured, resolved });
    entryOf.set(sink, index);
    if (file === undefined) return;
    for (const declaring of declaringFiles(program, sink, file)) {
      const widened: SinkDefinition = { ...sink, module: declaring, global: false };
      extra.push(widened);
      entryOf.set(widened, index);
    }
  });
  return { defs: { ...defs, sinks: [...defs.sinks, ...extra] }, entries, entryOf };
}
