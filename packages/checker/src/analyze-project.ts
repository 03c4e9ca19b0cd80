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
import { ts } from 'ts-morph';
import { analyzeProgram, type ProgressCallback } from './analysis/analyze-program.js';
import { createProgram } from './project/create-program.js';
import { resolveSinks } from './project/resolve-sinks.js';
import { CoverageTally, type SinkCoverage } from './project/sink-coverage.js';
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
  /** Called when a project starts (`index` counts from 1; `known` grows as references are found). */
  readonly onProject?: (tsconfig: string, index: number, known: number) => void;
  /** Called when a project is done, with its numbers (a summary line per project on long runs). */
  readonly onProjectDone?: (summary: ProjectSummary) => void;
}

/** One analysed project's numbers. */
export interface ProjectSummary {
  readonly tsconfig: string;
  readonly files: number;
  /** Calls that matched a sink. */
  readonly sinkCalls: number;
  readonly findings: number;
  readonly typeErrors: number;
  readonly milliseconds: number;
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
  /**
   * Type errors of the analysed projects (`TS…` codes, as their own compiler reports them), suppression
   * comments without a reason, sinks that could not be traced, configured sinks that resolve to nothing or
   * match no call, and notes on how a project was read.
   */
  readonly diagnostics: ProjectDiagnostic[];
  /** Number of source files analysed. */
  readonly files: number;
  /** What was checked: the calls each sink entry matched (configured entries also when they matched none). */
  readonly sinks: SinkCoverage[];
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

// The type errors the project's own compiler (tsc) reports, in its stages: syntax errors; if none, option
// and global errors; if none, each file's semantic errors (tsc does not type-check a misconfigured project).
function typeErrorsOf(program: ts.Program, sources: readonly ts.SourceFile[], onProgress: ProgressCallback | undefined): ProjectDiagnostic[] {
  const syntactic = sources.flatMap((f) => program.getSyntacticDiagnostics(f)).map(diagnosticOf);
  if (syntactic.length > 0) return syntactic;
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(diagnosticOf);
  if (global.length > 0) return global;
  return sources.flatMap((f, i) => {
    const errors = program.getSemanticDiagnostics(f).map(diagnosticOf);
    onProgress?.('types', i + 1, sources.length);
    return errors;
  });
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
 * Analyses one project. Its program lives only in this (synchronous) call: nothing of it is held once the
 * next project starts, so a run over many projects peaks near its largest one.
 */
function analyzeOne(
  tsconfig: string,
  options: AnalyzeOptions,
  tally: CoverageTally,
): { findings: Finding[]; diagnostics: ProjectDiagnostic[]; references: string[]; summary: ProjectSummary } {
  const started = Date.now();
  const loaded = configFor(tsconfig, options);
  const { program, notes } = createProgram(tsconfig);
  const resolution = resolveSinks(program, resolveDefinitions(loaded.config, loaded.dir), dirname(tsconfig));
  const roots = new Set(program.getRootFileNames().map((f) => resolve(f)));
  const sources = program.getSourceFiles().filter((f) => !f.isDeclarationFile && roots.has(resolve(f.fileName)));
  const analysed = analyzeProgram(program, sources, resolution.defs, options.onProgress);
  tally.add(resolution, analysed.matched);
  const typeErrors = options.typeErrors === false ? [] : typeErrorsOf(program, sources, options.onProgress);
  return {
    findings: analysed.findings,
    diagnostics: [...notes, ...analysed.diagnostics, ...typeErrors],
    references: referencesOf(tsconfig),
    summary: {
      tsconfig,
      files: sources.length,
      sinkCalls: analysed.matched.length,
      findings: analysed.findings.length,
      typeErrors: typeErrors.length,
      milliseconds: Date.now() - started,
    },
  };
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
  const tally = new CoverageTally();
  for (let tsconfig = queue.shift(); tsconfig !== undefined; tsconfig = queue.shift()) {
    if (visited.has(tsconfig)) continue;
    visited.add(tsconfig);
    options.onProject?.(tsconfig, visited.size, visited.size + queue.length);
    const one = analyzeOne(tsconfig, options, tally);
    queue.push(...one.references);
    files += one.summary.files;
    diagnostics.push(...one.diagnostics);
    let fresh = 0;
    for (const finding of one.findings) {
      const key = `${finding.file}:${finding.line}:${finding.column}`;
      if (!seen.has(key)) {
        seen.add(key);
        all.push(finding);
        fresh += 1;
      }
    }
    options.onProjectDone?.({ ...one.summary, findings: fresh });
    await Promise.resolve(); // let a progress renderer paint between projects
  }
  diagnostics.push(...tally.warnings());
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
  return { findings, suppressed, diagnostics, files, sinks: tally.coverage() };
}
