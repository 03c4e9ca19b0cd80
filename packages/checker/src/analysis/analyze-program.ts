import type { Definitions, SinkDefinition } from '@klog-ts/taint/definitions';
import { CallIndex, sinkFlow, TaintEngine } from '@klog-ts/taint/engine';
import { matchSink, scanRegistrations, type SinkCall } from '@klog-ts/taint/typescript';
import { ts } from 'ts-morph';
import type { Finding, ProjectDiagnostic } from '../report/finding.js';
import { sinkDisplay } from './sink-display.js';
import { toFinding } from './to-finding.js';
import { tsApi } from './ts-api.js';

/** Progress of a run: files walked, then sinks traced, then (analyzeProject) files checked for type errors. */
export type ProgressCallback = (phase: 'files' | 'sinks' | 'types', done: number, total: number) => void;

/**
 * Runs the analysis over the given files of one program: one walk to find the sink calls, index every
 * call by name and note the derived classes, then a backward trace from each sink. Returns one finding per sink call that a secret reaches;
 * a sink whose trace fails (a bug, or code the analysis does not expect) becomes a diagnostic, not a crash.
 * `matched` holds, per sink call, the definition it matched (undefined: a klog-style logger by its shape).
 */
export function analyzeProgram(
  program: ts.Program,
  files: readonly ts.SourceFile[],
  defs: Definitions,
  onProgress?: ProgressCallback,
): { findings: Finding[]; diagnostics: ProjectDiagnostic[]; matched: (SinkDefinition | undefined)[] } {
  const checker = program.getTypeChecker();
  // The engine sees every caller in the program: the walk below tells it every call, `new` and class.
  const calls = new CallIndex(tsApi, checker, 'program');
  const engine = new TaintEngine(tsApi, checker, defs, calls);
  scanRegistrations(tsApi, program);
  const sinks: SinkCall[] = [];
  files.forEach((file, i) => {
    const visit = (node: ts.Node): void => {
      calls.add(node);
      if (ts.isCallExpression(node)) {
        const sink = matchSink(tsApi, node, checker, defs);
        if (sink !== undefined) sinks.push(sink);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(file, visit);
    onProgress?.('files', i + 1, files.length);
  });
  const findings: Finding[] = [];
  const diagnostics: ProjectDiagnostic[] = [];
  sinks.forEach((sink, i) => {
    try {
      const flow = sinkFlow(engine, sink);
      if (flow !== undefined) findings.push(toFinding(sink, flow));
    } catch (error) {
      const file = sink.call.getSourceFile();
      const { line, character } = file.getLineAndCharacterOfPosition(sink.call.getStart(file));
      const message = `could not trace this ${sinkDisplay(sink)}() call: ${(error as Error).message}`;
      diagnostics.push({ file: file.fileName, line: line + 1, column: character + 1, code: 'KLOG_CHECK_INTERNAL', message });
    }
    onProgress?.('sinks', i + 1, sinks.length);
  });
  return { findings, diagnostics, matched: sinks.map((s) => s.sink) };
}
