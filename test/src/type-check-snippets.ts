import path from 'node:path';
import * as ts from 'typescript';

/** TypeScript code quoted in a Markdown page. */
export interface Snippet {
  /** The page, as it is to be reported: `packages/core/README.md`. */
  readonly page: string;
  /** The 1-based line of the page that holds the snippet's first line. */
  readonly line: number;
  readonly code: string;
}

/**
 * The repository's compiler options (`tsconfig.base.json`: strict, NodeNext, the `@klog-ts/source`
 * condition, `types: ['node']`, standard decorators), for snippets: every snippet is a module of its own,
 * nothing is emitted, and an unused declaration is no error, since a snippet may name what the prose
 * talks about (a destructured result, the parameter a rule-doc example ignores on purpose).
 */
export function snippetCompilerOptions(root: string): ts.CompilerOptions {
  const file = path.join(root, 'tsconfig.base.json');
  const read = ts.readConfigFile(file, (name) => ts.sys.readFile(name));
  const config = read.config as { compilerOptions?: unknown } | undefined;
  const { options, errors } = ts.convertCompilerOptionsFromJson(config?.compilerOptions, root, file);
  const problem = read.error ?? errors[0];
  if (problem) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
  return { ...options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false, moduleDetection: ts.ModuleDetectionKind.Force };
}

function render(diagnostic: ts.Diagnostic): string {
  return `TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').replace(/\n\s*/g, ' ')}`;
}

/**
 * Type-checks the snippets in one program, each as a virtual file in `dir` (a folder, real or not, of a
 * package that depends on what the snippets import), and returns one `page:line: TSxxxx message` per
 * diagnostic, with the line of the page.
 */
export function typeCheckSnippets(snippets: readonly Snippet[], dir: string, options: ts.CompilerOptions): string[] {
  const files = new Map(snippets.map((snippet) => [path.join(dir, `${snippet.page.replace(/[/\\]/g, '--')}-${snippet.line}.ts`), snippet]));
  const disk = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...disk,
    getSourceFile: (name, version, ...rest) => {
      const snippet = files.get(name);
      return snippet ? ts.createSourceFile(name, snippet.code, version) : disk.getSourceFile(name, version, ...rest);
    },
    fileExists: (name) => files.has(name) || disk.fileExists(name),
    readFile: (name) => files.get(name)?.code ?? disk.readFile(name),
  };

  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const failures = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(render);
  for (const [name, snippet] of files) {
    const file = program.getSourceFile(name);
    if (!file) throw new Error(`${snippet.page}:${snippet.line}: the program has no file ${name}`);
    for (const diagnostic of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
      const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      failures.push(`${snippet.page}:${snippet.line + line}: ${render(diagnostic)}`);
    }
  }
  return failures;
}
