import type { Linter } from 'eslint';

/**
 * How logcheck's checks map onto the plugin: logcheck's flags (`-check-<name>`, logcheck/pkg/logcheck.go), the
 * kinds of diagnostic its test data expects, which rule and messageId report each kind here, and the rule
 * configuration that stands for a set of flags. docs/logcheck-parity.md explains the choices.
 */

/** logcheck's checks, by flag name. */
export type Check =
  | 'structured'
  | 'parameters'
  | 'contextual'
  | 'with-helpers'
  | 'verbosity-zero'
  | 'verbosity-error'
  | 'key'
  | 'value'
  | 'deprecations';

export type Checks = Readonly<Record<Check, boolean>>;

/** logcheck's defaults (its flag definitions). */
export const DEFAULT_CHECKS: Checks = {
  structured: true,
  parameters: true,
  contextual: false,
  'with-helpers': false,
  'verbosity-zero': true,
  'verbosity-error': true,
  key: true,
  value: false,
  deprecations: true,
};

/** A kind of diagnostic logcheck's test data expects: logcheck's message, and what reports it here. */
export interface Kind {
  /** logcheck's message (its format string), for the reader. */
  readonly logcheck: string;
  /** `rule/messageId` of the plugin's reports of this kind; empty when the kind has no TypeScript meaning. */
  readonly reportedBy: readonly string[];
  /** Whether a key (one argument) is what is reported: logcheck reports one finding per key. */
  readonly perKey?: true;
}

export const KINDS = {
  unstructured: {
    logcheck: 'unstructured logging function %q should not be used',
    reportedBy: ['structured/unstructured', 'structured/unstructuredExit'],
  },
  'format-specifier': {
    logcheck: 'logging function %q should not use format specifier %q',
    reportedBy: ['message-style/formatSpecifier', 'message-style/printFormatSpecifier'],
  },
  'kv-odd': {
    logcheck: 'Additional arguments to %s should always be Key Value pairs. Please check if there is any key or value missing.',
    reportedBy: ['kv-pairs/missingValue'],
  },
  'key-not-literal': {
    logcheck: 'Key positional arguments are expected to be inlined constant strings. Please replace %v provided with string value.',
    reportedBy: ['kv-pairs/nonConstantKey', 'kv-pairs/nonStringKey', 'kv-pairs/nonLiteralKey'],
    perKey: true,
  },
  'key-non-ascii': {
    logcheck: 'Key positional arguments %s are expected to be lowerCamelCase alphanumeric strings. Please remove any non-Latin characters.',
    reportedBy: ['kv-pairs/nonAsciiKey'],
    perKey: true,
  },
  'key-format': {
    logcheck: 'Key positional arguments %s are expected to be alphanumeric and start with either one lowercase or two uppercase letters. ...',
    reportedBy: ['key-naming/notLowerCamelCase'],
    perKey: true,
  },
  'contextual-call': {
    logcheck: 'function %q should not be used, convert to contextual logging',
    reportedBy: ['contextual/globalLogger', 'contextual/useLogger', 'contextual/useContextLogger'],
  },
  'not-for-contextual': {
    logcheck: 'the text of a //logcheck:context annotation, or "%s should not be used in code which supports contextual logging."',
    reportedBy: ['contextual/notForContextualCode'],
  },
  'unknown-keyword': {
    logcheck: 'unknown logcheck keyword in comment',
    reportedBy: ['contextual/unknownKeyword'],
  },
  deprecated: {
    logcheck: 'Detected usage of deprecated helper "%s". Please switch to "%s" instead.',
    reportedBy: ['deprecations/deprecated'],
  },
  'v-zero': {
    logcheck: 'Logging with V(0) is semantically equivalent to the same expression without it and just causes unnecessary overhead. It should get removed.',
    reportedBy: ['verbosity/vZero'],
  },
  'v-error': {
    logcheck: 'V().Error ignores the verbosity and always logs. Use only Error if that is desired, otherwise V().Info(..., "err", err).',
    reportedBy: ['verbosity/errorIgnoresVerbosity'],
  },
  'if-enabled': {
    logcheck: 'the result of %s should be stored in a variable and then be used multiple times: if %s := %s(); %s.Enabled() { ... %s.Info ... }',
    reportedBy: ['verbosity/storeVerbose'],
  },
  'incomplete-stringer': {
    logcheck: 'The type %s inherits %s as implementation of fmt.Stringer, which covers only a subset of the value. ...',
    reportedBy: ['inherited-stringer/inheritedStringer'],
  },
  'context-and-logger': {
    logcheck: 'A function should accept either a context or a logger, but not both. ...',
    reportedBy: [],
  },
  'with-helpers': {
    logcheck: 'function %q should be called through klogr.Logger%s',
    reportedBy: [],
  },
} as const satisfies Record<string, Kind>;

export type KindName = keyof typeof KINDS;

export function isKindName(name: string): name is KindName {
  return Object.hasOwn(KINDS, name);
}

/**
 * The plugin's reports that no logcheck check makes, so the suite cannot score them: checks the plugin adds
 * (message capitalization and final period, a message that is not constant, duplicate keys, negative levels).
 */
export const PLUGIN_ONLY: ReadonlySet<string> = new Set([
  'message-style/nonConstant',
  'message-style/lowercaseStart',
  'message-style/trailingPeriod',
  'kv-pairs/duplicateKey',
  'kv-pairs/duplicateBoundKey',
  'verbosity/negativeVerbosity',
]);

/** The messageIds rules use for suggestions, never for a report. */
export const SUGGESTIONS: ReadonlySet<string> = new Set([
  'contextual/callLogger',
  'key-naming/rename',
  'message-style/capitalize',
  'message-style/removePeriod',
  'verbosity/removeV',
]);

/** The kind a report of `rule/messageId` is, or `undefined` for a plugin-only report. */
export function kindOf(ruleAndMessage: string): KindName | undefined {
  for (const [name, kind] of Object.entries(KINDS) as [KindName, Kind][]) {
    if (kind.reportedBy.includes(ruleAndMessage)) return name;
  }
  if (PLUGIN_ONLY.has(ruleAndMessage)) return undefined;
  throw new Error(`${ruleAndMessage} is neither a logcheck kind nor listed as plugin-only`);
}

const KEY_KINDS: readonly KindName[] = ['key-not-literal', 'key-non-ascii', 'key-format'];

/**
 * Where logcheck stops checking a call after a finding (a `return` in checkForFunctionExpr or kvCheck), and so
 * never makes findings that the plugin's rules, which report independently, do make: on a line where logcheck
 * expects a kind listed here, the plugin's reports of the kinds it lists are shadowed, not false alarms.
 */
export const SHADOWS: Readonly<Partial<Record<KindName, readonly KindName[]>>> = {
  // A call contextual code must not make: logcheck reports that and nothing else about the call.
  'contextual-call': ['unstructured', 'format-specifier', 'kv-odd', ...KEY_KINDS, 'v-zero'],
  // An unstructured call: its parameters and verbosity are not checked.
  unstructured: ['format-specifier', 'kv-odd', ...KEY_KINDS, 'v-zero'],
  // A format specifier: "check for arg length will most probably fail", so nothing else is checked.
  'format-specifier': ['kv-odd', ...KEY_KINDS, 'v-zero', 'v-error'],
  // An odd number of key/value arguments: the keys are not checked.
  'kv-odd': KEY_KINDS,
};

/** Whether two kinds found on one key count once (logcheck's checkKey reports one finding per key). */
export function sameKeyFinding(a: KindName, b: KindName): boolean {
  return KEY_KINDS.includes(a) && KEY_KINDS.includes(b);
}

/** Reasons a Go case has no TypeScript meaning, by the id its `// n/a(<id>)` annotation gives. */
export const NO_TS_MEANING = {
  'context-parameter':
    "klog-ts has no context.Context: code reaches the contextual logger through fromContext() (AsyncLocalStorage, set by withLogger()), so no function takes a context and a logger",
  'klogr-helpers':
    "klog-ts has no klogr helpers (LoggerWithName, LoggerWithValues, NewContext) to prefer over a Logger's own withName/withValues: contextual logging cannot be switched off at run time",
  'klog-todo': 'klog-ts has no TODO() (a Background() logger marked for later conversion)',
} as const;

export type NoTsMeaning = keyof typeof NO_TS_MEANING;

/**
 * The plugin's rules, configured to stand for a set of logcheck's checks. Each rule is on when one of the
 * checks it ports is; options select the parts.
 */
export function eslintRules(checks: Checks): Linter.RulesRecord {
  const on = (enabled: boolean, ...options: unknown[]): Linter.RuleEntry => (enabled ? ['error', ...options] : 'off');
  const keys = checks.parameters || checks.key;
  return {
    '@klog-ts/structured': on(checks.structured),
    // logcheck checks every key/value list under either check, and wants keys as inlined literals.
    '@klog-ts/kv-pairs': on(keys, { strictConstantKeys: true }),
    '@klog-ts/message-style': on(checks.parameters),
    '@klog-ts/key-naming': on(checks.key),
    '@klog-ts/contextual': on(checks.contextual, { mode: 'always' }),
    // logcheck's if-Enabled check has no flag: it always runs.
    '@klog-ts/verbosity': on(true, {
      verbosityZero: checks['verbosity-zero'],
      verbosityError: checks['verbosity-error'],
      ifEnabled: true,
    }),
    '@klog-ts/deprecations': on(checks.deprecations),
    '@klog-ts/inherited-stringer': on(checks.value),
  };
}
