import { dirname, isAbsolute, resolve } from 'node:path';
import type { ConfigSink, Definitions, KlogCheckConfig } from '@klog-ts/taint/definitions';
import { findConfig, loadConfigFile, resolveDefinitions, validateConfig } from '@klog-ts/taint/definitions';
import type * as ts from 'typescript';

/** The options of `no-secret-logging`: a config file, and fields that add to it (klog-check's config shape). */
export interface SecretOptions extends KlogCheckConfig {
  /** A `klog-check.config.json` to use instead of the one beside the tsconfig. */
  readonly configFile?: string;
}

const cache = new Map<string, Definitions>();

/**
 * The shared definitions for a program: their defaults, plus the `klog-check.config.json` beside the
 * program's tsconfig (the file `klog-check` reads) or `options.configFile`, plus the rule's inline options.
 * Compiled once per config and options. An invalid config throws `ConfigError` (as `klog-check` does), whose
 * message names the bad field.
 */
export function definitionsFor(program: ts.Program, options: SecretOptions, cwd: string): Definitions {
  const { configFile, ...inlineRaw } = options;
  const tsconfig = program.getCompilerOptions().configFilePath;
  const configDir = typeof tsconfig === 'string' ? dirname(tsconfig) : cwd;
  const key = JSON.stringify([configFile === undefined ? configDir : resolve(cwd, configFile), options, cwd]);
  const cached = cache.get(key);
  if (cached) return cached;
  const loaded = configFile === undefined ? findConfig(configDir) : loadConfigFile(resolve(cwd, configFile));
  const inline = validateConfig(inlineRaw, 'no-secret-logging options');
  const merged: KlogCheckConfig = {
    sinks: [...(loaded.config.sinks ?? []).map((s) => absolute(s, loaded.dir)), ...(inline.sinks ?? []).map((s) => absolute(s, cwd))],
    sources: {
      names: [...(loaded.config.sources?.names ?? []), ...(inline.sources?.names ?? [])],
      excludeNames: [...(loaded.config.sources?.excludeNames ?? []), ...(inline.sources?.excludeNames ?? [])],
    },
    sanitizers: [...(loaded.config.sanitizers ?? []), ...(inline.sanitizers ?? [])],
  };
  const defs = resolveDefinitions(merged, loaded.dir);
  cache.set(key, defs);
  return defs;
}

// Sinks from two places resolve their relative paths against their own base before they are merged.
function absolute(sink: ConfigSink, base: string): ConfigSink {
  const relative = sink.module.startsWith('./') || sink.module.startsWith('../');
  return relative && !isAbsolute(sink.module) ? { ...sink, module: resolve(base, sink.module) } : sink;
}
