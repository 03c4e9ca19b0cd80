import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CheckerError } from '@klog-ts/taint/errors';
import { analyzeProject, type AnalysisResult, type ProjectSummary } from '../analyze-project.js';
import { applyBaseline, createBaseline, readBaseline, writeBaseline } from '../baseline/baseline.js';
import { changedFiles, touchesFiles } from '../changes/changed-files.js';
import { displayPath } from '../report/display-path.js';
import type { Finding, ProjectDiagnostic } from '../report/finding.js';
import type { SinkCoverage } from '../project/sink-coverage.js';
import { formatJson } from '../report/format-json.js';
import { formatSarif } from '../report/format-sarif.js';
import { formatText } from '../report/format-text.js';
import { parseCliArgs, USAGE, type CliOptions } from './parse-args.js';
import { collectGarbage } from './collect-garbage.js';
import { createProgress, type TerminalStream } from './progress.js';

/** Where the CLI reads and writes; `process` in production, buffers in tests. */
export interface CliIo {
  readonly stdout: TerminalStream;
  readonly stderr: TerminalStream & { readonly isTTY?: boolean };
  readonly cwd: string;
}

/** Exit codes: no findings, findings, usage or project error. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const MAX_DIAGNOSTICS_SHOWN = 5;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Diagnostics that say how a project was read rather than what is wrong with it.
const NOTES = new Set(['KLOG_CHECK_TYPES_DEFAULT']);

function reportDiagnostics(diagnostics: readonly ProjectDiagnostic[], io: CliIo): void {
  const typeErrors = diagnostics.filter((d) => d.code.startsWith('TS'));
  const others = diagnostics.filter((d) => !d.code.startsWith('TS'));
  const where = (d: ProjectDiagnostic): string => {
    if (d.file === undefined) return '';
    return d.line === undefined ? `${displayPath(d.file, io.cwd)}: ` : `${displayPath(d.file, io.cwd)}:${d.line}:${d.column ?? 1}: `;
  };
  for (const d of others) io.stderr.write(`${where(d)}${NOTES.has(d.code) ? 'note' : 'warning'}: ${d.message}\n`);
  if (typeErrors.length === 0) return;
  io.stderr.write(`klog-check: the analysed project has ${plural(typeErrors.length, 'type error')} (analysis continued):\n`);
  for (const d of typeErrors.slice(0, MAX_DIAGNOSTICS_SHOWN)) io.stderr.write(`  ${where(d)}${d.code} ${d.message.split('\n')[0] ?? ''}\n`);
  if (typeErrors.length > MAX_DIAGNOSTICS_SHOWN) io.stderr.write(`  … and ${typeErrors.length - MAX_DIAGNOSTICS_SHOWN} more\n`);
}

function render(findings: readonly Finding[], options: CliOptions, cwd: string, sinks: readonly SinkCoverage[]): string {
  switch (options.format) {
    case 'json':
      return formatJson(findings, cwd, sinks);
    case 'sarif':
      return formatSarif(findings, { cwd, toolVersion: version() });
    case 'text':
      return formatText(findings, { cwd });
  }
}

// What was checked: `checked 75 logging calls: NestJS Logger 74, console 1`.
function checkedLine(result: AnalysisResult): string {
  const matched = result.sinks.filter((s) => s.calls > 0);
  const total = matched.reduce((n, s) => n + s.calls, 0);
  const parts = matched.map((s) => `${s.sink} ${s.calls}`).join(', ');
  return `klog-check: checked ${plural(total, 'logging call')}${parts === '' ? '' : `: ${parts}`}\n`;
}

// One line per finished project when a run has several, so a long run in CI shows where it is.
function projectLine(summary: ProjectSummary, io: CliIo): string {
  const errors = summary.typeErrors > 0 ? `, ${plural(summary.typeErrors, 'type error')}` : '';
  return (
    `klog-check: ${displayPath(summary.tsconfig, io.cwd)}: ${plural(summary.files, 'file')}, ${plural(summary.sinkCalls, 'logging call')}, ` +
    `${plural(summary.findings, 'finding')}${errors}, ${(summary.milliseconds / 1000).toFixed(1)}s\n`
  );
}

async function analyse(options: CliOptions, io: CliIo): Promise<AnalysisResult> {
  const progress = io.stderr.isTTY === true ? createProgress(io.stderr) : undefined;
  let several = false;
  try {
    return await analyzeProject({
      tsconfig: options.projects.map((p) => resolve(io.cwd, p)),
      ...(options.config === undefined ? {} : { configFile: resolve(io.cwd, options.config) }),
      ...(progress === undefined ? {} : { onProgress: progress.update }),
      onProject: (tsconfig, index, known) => {
        several ||= known > 1;
        if (index > 1) collectGarbage();
        progress?.project(displayPath(tsconfig, io.cwd), index, known);
      },
      onProjectDone: (summary) => {
        if (!several) return;
        progress?.done();
        io.stderr.write(projectLine(summary, io));
      },
    });
  } finally {
    progress?.done();
  }
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  const started = Date.now();
  const changed = options.changedSince === undefined ? undefined : changedFiles(options.changedSince, io.cwd);
  const result = await analyse(options, io);
  reportDiagnostics(result.diagnostics, io);

  let findings = result.findings;
  let known = 0;
  let outside = 0;
  if (changed !== undefined) {
    findings = result.findings.filter((f) => touchesFiles(f, changed));
    outside = result.findings.length - findings.length;
  }
  if (options.baseline !== undefined) {
    const file = resolve(io.cwd, options.baseline);
    if (options.updateBaseline) {
      writeBaseline(file, createBaseline(findings, io.cwd));
      io.stderr.write(`klog-check: wrote ${plural(findings.length, 'finding')} to baseline ${displayPath(file, io.cwd)}\n`);
      return EXIT_CLEAN;
    }
    if (!existsSync(file)) {
      throw new CheckerError('KLOG_CHECK_BAD_BASELINE', `baseline ${options.baseline} does not exist (create it with --update-baseline)`);
    }
    const split = applyBaseline(findings, readBaseline(file), io.cwd);
    findings = split.fresh;
    known = split.known.length;
  }

  const output = render(findings, options, io.cwd, result.sinks);
  if (output !== '') io.stdout.write(output);
  const extras = [
    ...(changed !== undefined ? [`${outside} outside the changes since ${options.changedSince ?? ''}`] : []),
    ...(result.suppressed.length > 0 ? [`${result.suppressed.length} suppressed`] : []),
    ...(known > 0 ? [`${known} in baseline`] : []),
  ];
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary =
    `klog-check: ${findings.length === 0 ? 'no findings' : plural(findings.length, 'finding')}` +
    `${extras.length > 0 ? ` (${extras.join(', ')})` : ''} in ${plural(result.files, 'file')}, ${seconds}s\n`;
  const summaryStream = options.format === 'text' ? io.stdout : io.stderr;
  summaryStream.write(checkedLine(result));
  summaryStream.write(summary);
  return findings.length === 0 ? EXIT_CLEAN : EXIT_FINDINGS;
}

/**
 * Runs `klog-check` with the given arguments and returns its exit code. User mistakes (bad flags, missing
 * tsconfig, invalid config or baseline) print one line on stderr and return 2; never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_CLEAN;
    }
    if (options.version) {
      io.stdout.write(`${version()}\n`);
      return EXIT_CLEAN;
    }
    return await run(options, io);
  } catch (error) {
    const message = error instanceof CheckerError ? error.message : `internal error: ${(error as Error).message}`;
    io.stderr.write(`klog-check: ${message.split('\n')[0] ?? ''}\n`);
    if (!(error instanceof CheckerError) && process.env.KLOG_CHECK_DEBUG !== undefined) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT_ERROR;
  }
}
