import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  findConfig,
  loadConfigFile,
  resolveDefinitions,
  type KlogCheckConfig,
  type LoadedConfig,
} from '@klog-ts/taint/definitions';
import { CheckerError } from '@klog-ts/taint/errors';
import { Project, ts } from 'ts-morph';
import { analyzeProgram, type ProgressCallback } from './analysis/analyze-program.js';
import type { Finding, ProjectDiagnostic } from './report/finding.js';
import { findSuppression, SUPPRESSION_MARKER } from './suppression/find-suppression.js';

/** Options of {@link analyzeProject}. */
export interface AnalyzeOptions {
  /** One or more tsconfig files (or directories holding a `tsconfig.json`); their `references` are followed. */
  readonly tsconfig: string | readonly string[];
  /** A config object; overrides any `klog-check.config.json`. Relative sink paths resolve against the tsconfig's directory. */
  readonly config?: KlogCheckConfig;
  /** A config file for every project, instead of the `klog-check.config.json` beside each tsconfig. */
  readonly configFile?: string;
  /** Collect the analysed project's type errors as diagnostics (default true; they never stop the analysis). */
  readonly typeErrors?: boolean;
  readonly onProgress?: ProgressCallback;
}

/** A finding silenced by a `klog-check-ignore-next-line: <reason>` comment. */
export interface SuppressedFinding {
  readonly finding: Finding;
  readonly reason: string;
}

/** What {@link analyzeProject} returns. */
export interface AnalysisResult {
  /** Findings not suppressed by a comment, sorted by file, line and column. */
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** Type errors of the analysed project, suppression comments without a reason, sinks that could not be traced. */
  readonly diagnostics: ProjectDiagnostic[];
  /** Number of source files analysed. */
  readonly files: number;
}

function tsconfigPath(input: string): string {
  const path = resolve(input);
  if (existsSync(path) && statSync(path).isDirectory()) return join(path, 'tsconfig.json');
  return path;
}

function diagnosticOf(d: ts.Diagnostic): ProjectDiagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (d.file === undefined || d.start === undefined) return { file: undefined, line: undefined, column: undefined, code: `TS${d.code}`, message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { file: d.file.fileName, line: line + 1, column: character + 1, code: `TS${d.code}`, message };
}

function loadProject(tsconfig: string): Project {
  if (!existsSync(tsconfig)) throw new CheckerError('KLOG_CHECK_NO_TSCONFIG', `tsconfig not found: ${tsconfig}`, { file: tsconfig });
  let project: Project;
  try {
    project = new Project({ tsConfigFilePath: tsconfig });
  } catch (error) {
    throw new CheckerError('KLOG_CHECK_BAD_TSCONFIG', `cannot load ${tsconfig}: ${(error as Error).message.split('\n')[0] ?? ''}`, { file: tsconfig });
  }
  const errors = project.getConfigFileParsingDiagnostics().filter((d) => d.getCategory() === ts.DiagnosticCategory.Error);
  const first = errors[0];
  if (first !== undefined) {
    const text = ts.flattenDiagnosticMessageText(first.compilerObject.messageText, ' ');
    throw new CheckerError('KLOG_CHECK_BAD_TSCONFIG', `${tsconfig}: ${text}`, { file: tsconfig });
  }
  return project;
}

// The tsconfig files a solution-style tsconfig references (`"references": [{ "path": "./pkg" }]`).
function referencesOf(tsconfig: string): string[] {
  const { config } = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path)) as { config?: { references?: unknown } };
  const refs = Array.isArray(config?.references) ? (config.references as unknown[]) : [];
  return refs.flatMap((r) => {
    const path = (r as { path?: unknown }).path;
    return typeof path === 'string' ? [tsconfigPath(resolve(dirname(tsconfig), path))] : [];
  });
}

function configFor(tsconfig: string, options: AnalyzeOptions): LoadedConfig {
  if (options.config !== undefined) return { config: options.config, file: undefined, dir: dirname(tsconfig) };
  if (options.configFile !== undefined) return loadConfigFile(resolve(options.configFile));
  return findConfig(dirname(tsconfig));
}

/**
 * Analyses one or more TypeScript projects for code paths from secret sources to logging sinks.
 * Throws {@link CheckerError} for a missing or invalid tsconfig and `ConfigError` for an invalid config;
 * type errors in the analysed code are returned as diagnostics and do not stop the analysis.
 */
export async function analyzeProject(options: AnalyzeOptions): Promise<AnalysisResult> {
  const inputs = typeof options.tsconfig === 'string' ? [options.tsconfig] : options.tsconfig;
  if (inputs.length === 0) throw new CheckerError('KLOG_CHECK_NO_TSCONFIG', 'no tsconfig given');
  const seen = new Set<string>();
  const all: Finding[] = [];
  const diagnostics: ProjectDiagnostic[] = [];
  let files = 0;
  // A solution-style tsconfig (`references`) brings its referenced projects along, each analysed once.
  const queue = inputs.map(tsconfigPath);
  const visited = new Set<string>();
  for (let tsconfig = queue.shift(); tsconfig !== undefined; tsconfig = queue.shift()) {
    if (visited.has(tsconfig)) continue;
    visited.add(tsconfig);
    const loaded = configFor(tsconfig, options);
    const defs = resolveDefinitions(loaded.config, loaded.dir);
    const project = loadProject(tsconfig);
    const program = project.getProgram().compilerObject;
    queue.push(...referencesOf(tsconfig));
    const roots = new Set(program.getRootFileNames().map((f) => resolve(f)));
    const sources = program.getSourceFiles().filter((f) => !f.isDeclarationFile && roots.has(resolve(f.fileName)));
    files += sources.length;
    const analysed = analyzeProgram(program, sources, defs, options.onProgress);
    diagnostics.push(...analysed.diagnostics);
    for (const finding of analysed.findings) {
      const key = `${finding.file}:${finding.line}:${finding.column}`;
      if (!seen.has(key)) {
        seen.add(key);
        all.push(finding);
      }
    }
    if (options.typeErrors !== false) {
      sources.forEach((f, i) => {
        for (const d of [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]) diagnostics.push(diagnosticOf(d));
        options.onProgress?.('types', i + 1, sources.length);
      });
    }
    await Promise.resolve(); // let a progress renderer paint between projects
  }
  all.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const texts = new Map<string, string>();
  for (const finding of all) {
    let text = texts.get(finding.file);
    if (text === undefined) {
      text = ts.sys.readFile(finding.file) ?? '';
      texts.set(finding.file, text);
    }
    const suppression = findSuppression(text, finding.line);
    if (suppression.kind === 'valid') {
      suppressed.push({ finding, reason: suppression.reason });
      continue;
    }
    if (suppression.kind === 'missing-reason') {
      diagnostics.push({
        file: finding.file,
        line: finding.line - 1,
        column: 1,
        code: 'KLOG_CHECK_SUPPRESSION_WITHOUT_REASON',
        message: `${SUPPRESSION_MARKER} needs a reason ("// ${SUPPRESSION_MARKER}: <why this is safe>"); the finding below it is reported`,
      });
    }
    findings.push(finding);
  }
  return { findings, suppressed, diagnostics, files };
}
