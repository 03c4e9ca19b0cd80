import type { Check, Checks } from './kinds.js';
import { DEFAULT_CHECKS } from './kinds.js';

/**
 * logcheck's test runs (TestAnalyzer in kubernetes-sigs/logtools logcheck/main_test.go at
 * 84220d70b4eb4edfd85d056bd6b6f55274a533c1): each analyses one package of its test data with some checks
 * switched, and, for two of them, a per-file configuration (`-config`).
 */
export interface Run {
  readonly name: string;
  /** The checks the run sets (`-check-<name>=<value>`); the others keep logcheck's defaults. */
  readonly checks: Partial<Record<Check, boolean>>;
  /** The `-config` file's lines: `<checks> <regexp>` (logcheck/pkg/filter.go). */
  readonly config?: readonly string[];
  /** The package under test: a directory of test/fixtures/logcheck. */
  readonly testPackage: string;
}

export const RUNS: readonly Run[] = [
  { name: 'Allow unstructured logs', checks: { structured: false, key: false }, testPackage: 'allowUnstructuredLogs' },
  { name: 'Do not allow unstructured logs', checks: { key: false }, testPackage: 'doNotAllowUnstructuredLogs' },
  {
    name: 'Per-file config',
    checks: { structured: false },
    // testdata/src/mixed/structured_logging
    config: ['structured .*doNotAllowUnstructuredLogs.go'],
    testPackage: 'mixed',
  },
  { name: 'Function call parameters', checks: { structured: false, key: false }, testPackage: 'parameters' },
  { name: 'Only allow contextual calls', checks: { structured: true, contextual: true }, testPackage: 'onlyAllowContextual' },
  {
    name: 'Only allow contextual calls through config',
    checks: { structured: false, contextual: false },
    // testdata/src/onlyAllowContextual/klog_logging
    config: ['contextual .*onlyAllowContextual.go'],
    testPackage: 'onlyAllowContextual',
  },
  { name: 'importrename', checks: {}, testPackage: 'importrename' },
  { name: 'verbose', checks: {}, testPackage: 'verbose' },
  { name: 'gologr', checks: { contextual: true, key: false }, testPackage: 'gologr' },
  { name: 'contextual', checks: { contextual: true }, testPackage: 'contextual' },
  { name: 'helpers', checks: { 'with-helpers': true }, testPackage: 'helpers' },
  {
    name: 'Do not allow Verbosity Zero logs',
    checks: { structured: false, key: false, 'verbosity-error': false },
    testPackage: 'doNotAllowVerbosityZeroLogs',
  },
  {
    name: 'Allow Verbosity Zero logs',
    checks: { structured: false, 'verbosity-zero': false, 'verbosity-error': false, key: false },
    testPackage: 'allowVerbosityZeroLogs',
  },
  { name: 'Do not allow Bad Keys logs', checks: { structured: false, parameters: false }, testPackage: 'doNotAllowBadkeysLogs' },
  { name: 'Allow Bad Keys logs', checks: { structured: false, parameters: false, key: false }, testPackage: 'allowBadkeysLogs' },
  { name: 'Detect incomplete fmt.Stringer', checks: { value: true }, testPackage: 'stringer' },
  { name: 'logcheck facts', checks: { contextual: true }, testPackage: 'k8s.io/apimachinery/pkg/util/runtime' },
];

/**
 * The checks in force for one file of a run: the run's flags, then each `-config` line whose regular
 * expression matches the whole `<package>/<file>.go` name, in order (RegexpFilter.Enabled).
 */
export function checksFor(run: Run, goFile: string): Checks {
  const checks: Record<Check, boolean> = { ...DEFAULT_CHECKS, ...run.checks };
  for (const line of run.config ?? []) {
    const [names = '', pattern = ''] = line.split(/ (.*)/s);
    if (!new RegExp(`^(?:${pattern})$`).test(`${run.testPackage}/${goFile}`)) continue;
    for (const name of names.split(',')) {
      const enabled = !name.startsWith('-');
      const check = name.replace(/^[+-]/, '') as Check;
      if (!Object.hasOwn(DEFAULT_CHECKS, check)) throw new Error(`unknown check ${check} in ${line}`);
      checks[check] = enabled;
    }
  }
  return checks;
}
