import { isAbsolute, resolve } from 'node:path';
import type { KlogCheckConfig } from './config.js';
import { createCredentialNameMatcher, type CredentialNameMatcher } from './credential-names.js';
import { DATAPOLICY_TAG } from './datapolicy.js';
import { createSanitizerMatcher, type SanitizerMatcher } from './sanitizers.js';
import { REVEAL_METHOD_NAMES, SECRET_TYPE_NAMES } from './secret-type.js';
import { DEFAULT_SINKS, sinkMethodNames, type SinkDefinition } from './sinks.js';

/** Everything the analysis (checker or ESLint rule) needs to know about secrets, compiled once. */
export interface Definitions {
  readonly sinks: readonly SinkDefinition[];
  /** Union of every sink's method names: calls with other names are never sinks. */
  readonly sinkMethods: ReadonlySet<string>;
  readonly isCredentialName: CredentialNameMatcher;
  readonly isSanitizer: SanitizerMatcher;
  readonly datapolicyTag: string;
  readonly secretTypeNames: readonly string[];
  readonly revealMethodNames: readonly string[];
}

// `./log` and `../x/log.ts` are paths relative to the config; anything else is an import specifier.
function resolveModule(module: string, configDir: string): string {
  if (isAbsolute(module)) return module;
  return module.startsWith('./') || module.startsWith('../') ? resolve(configDir, module) : module;
}

/**
 * Merges a (validated) config with the defaults. Relative sink modules are resolved against `configDir`
 * (the config file's directory; defaults to the current directory).
 */
export function resolveDefinitions(config: KlogCheckConfig = {}, configDir: string = process.cwd()): Definitions {
  const userSinks: SinkDefinition[] = (config.sinks ?? []).map((s) => ({ ...s, module: resolveModule(s.module, configDir) }));
  const sinks = [...DEFAULT_SINKS, ...userSinks];
  return {
    sinks,
    sinkMethods: sinkMethodNames(sinks),
    isCredentialName: createCredentialNameMatcher(config.sources ?? {}),
    isSanitizer: createSanitizerMatcher(config.sanitizers ?? []),
    datapolicyTag: DATAPOLICY_TAG,
    secretTypeNames: SECRET_TYPE_NAMES,
    revealMethodNames: REVEAL_METHOD_NAMES,
  };
}
