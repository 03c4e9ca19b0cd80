import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { CheckerError } from '@klog-ts/taint/errors';
import { ts } from 'ts-morph';
import type { ProjectDiagnostic } from '../report/finding.js';
import { hasTypesPackages, projectTypeScriptMajor } from './project-typescript.js';

/** A project's program, and what the checker did to read it as the project's own compiler would. */
export interface LoadedProgram {
  readonly program: ts.Program;
  /** One-line notes: defaults adapted to the project's TypeScript, or a warning that types may be missing. */
  readonly notes: ProjectDiagnostic[];
}

// The defaults TypeScript 6 changed, as TypeScript 5 had them.
const TYPESCRIPT_5_DEFAULTS: ts.CompilerOptions = {
  types: ['*'],
  strict: false,
  esModuleInterop: false,
  noUncheckedSideEffectImports: false,
};

let libTexts: Map<string, string> | undefined;

// TypeScript's lib files (`lib.es2023.d.ts`), bundled by ts-morph: this TypeScript has none on disk.
function libText(file: string): string | undefined {
  libTexts ??= new Map(getLibFiles().map((f) => [`${libFolderInMemoryPath}/${f.fileName}`, f.text]));
  return libTexts.get(file);
}

/**
 * TypeScript's own compiler host, with the lib files served from memory. TypeScript's host (unlike
 * ts-morph's) gives each file the module format its package.json implies, so `"type": "module"` packages
 * read as ESM (no false TS1470 on `import.meta`).
 */
function createHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  return {
    ...host,
    getDefaultLibLocation: () => libFolderInMemoryPath,
    getDefaultLibFileName: (o) => `${libFolderInMemoryPath}/${ts.getDefaultLibFileName(o)}`,
    fileExists: (file) => libText(file) !== undefined || host.fileExists(file),
    readFile: (file) => libText(file) ?? host.readFile(file),
    getSourceFile: (file, languageVersion, onError, shouldCreate) => {
      const text = libText(file);
      if (text !== undefined) return ts.createSourceFile(file, text, languageVersion);
      return host.getSourceFile(file, languageVersion, onError, shouldCreate);
    },
  };
}

function configError(tsconfig: string, diagnostic: ts.Diagnostic): CheckerError {
  return new CheckerError('KLOG_CHECK_BAD_TSCONFIG', `${tsconfig}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`, { file: tsconfig });
}

/**
 * Loads a tsconfig into a program the way the project's own compiler would. A project that installs
 * TypeScript 5 gets 5's defaults where 6 changed them: every `@types` package when `types` is unset, and
 * deprecated options (`moduleResolution: node`, `baseUrl`) accepted. A project with no TypeScript of its
 * own but `@types` packages and no `types` gets a one-line warning. Throws {@link CheckerError} for a
 * missing or invalid tsconfig.
 */
export function createProgram(tsconfig: string): LoadedProgram {
  if (!existsSync(tsconfig)) throw new CheckerError('KLOG_CHECK_NO_TSCONFIG', `tsconfig not found: ${tsconfig}`, { file: tsconfig });
  const dir = dirname(tsconfig);
  const major = projectTypeScriptMajor(dir);
  const legacy = major !== undefined && major < 6;
  let unrecoverable: ts.Diagnostic | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, legacy ? { ignoreDeprecations: '6.0' } : {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      unrecoverable = d;
    },
  });
  if (parsed === undefined || unrecoverable !== undefined) {
    throw unrecoverable === undefined ? new CheckerError('KLOG_CHECK_BAD_TSCONFIG', `cannot load ${tsconfig}`, { file: tsconfig }) : configError(tsconfig, unrecoverable);
  }
  const error = parsed.errors.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (error !== undefined) throw configError(tsconfig, error);
  const notes: ProjectDiagnostic[] = [];
  const options: ts.CompilerOptions = { ...parsed.options };
  if (legacy) {
    for (const [key, value] of Object.entries(TYPESCRIPT_5_DEFAULTS)) options[key] ??= value;
    notes.push(note(tsconfig, 'KLOG_CHECK_TYPES_DEFAULT', `the project uses TypeScript ${major}: read with its defaults (every @types package, no esModuleInterop, not strict) where the tsconfig is silent`));
  } else if (options.types === undefined && major === undefined && hasTypesPackages(dir)) {
    notes.push(
      note(tsconfig, 'KLOG_CHECK_TYPES_UNSET', '"types" is unset and no TypeScript is installed: TypeScript 6 loads no @types packages, so Node and library globals may be untyped (set "types", e.g. ["node"])'),
    );
  }
  const program = ts.createProgram({ rootNames: parsed.fileNames, options, host: createHost(options), configFileParsingDiagnostics: parsed.errors });
  return { program, notes };
}

function note(file: string, code: string, message: string): ProjectDiagnostic {
  return { file, line: undefined, column: undefined, code, message };
}
