/**
 * `@klog-ts/checker`: the taint analysis from secret sources to logging sinks, its formatters, and (from
 * `@klog-ts/taint`, which the ESLint plugin shares) its errors, definitions and config.
 */
export { analyzeProject, type AnalysisResult, type AnalyzeOptions, type ProjectSummary, type SuppressedFinding } from './analyze-project.js';
export { changedFiles, touchesFiles } from './changes/changed-files.js';
export type { SinkCoverage } from './project/sink-coverage.js';
export type { ProgressCallback } from './analysis/analyze-program.js';
export type { SourceKind } from '@klog-ts/taint/engine';
export { RULE_ID, type Finding, type Location, type PathStep, type ProjectDiagnostic } from './report/finding.js';
export { applyBaseline, baselineKey, createBaseline, readBaseline, writeBaseline, type Baseline } from './baseline/baseline.js';
export { runCli, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, type CliIo } from './cli/run-cli.js';
export { formatJson } from './report/format-json.js';
export { formatSarif, toSarif, type SarifOptions } from './report/format-sarif.js';
export { formatText, type TextOptions } from './report/format-text.js';
export { findSuppression, SUPPRESSION_MARKER, type Suppression } from './suppression/find-suppression.js';
export { CheckerError } from '@klog-ts/taint/errors';
export * from '@klog-ts/taint/definitions';
