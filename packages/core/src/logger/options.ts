import { ConfigError } from '../config-error.js';
import { JSONEncoder } from '../json/json-encoder.js';
import { fdOutput, toOutput, type Output, type WritableLike } from '../output/output.js';
import { TextEncoder } from '../text/text-encoder.js';
import type { Clock } from '../time/clock.js';
import { parseVModule, VModule, type VModuleItem } from '../verbosity/vmodule.js';
import { Runtime } from './runtime.js';

/** The output formats: klog's text format and Kubernetes' JSON format. */
export type LogFormat = 'text' | 'json';

/** Settings of a logger; every field is optional and validated before anything changes. */
export interface LoggerOptions {
  /** `text` (klog's format, the default) or `json` (Kubernetes' `--logging-format=json`). */
  format?: LogFormat;
  /** klog's `-v`: `V(n)` is enabled for n ≤ verbosity. A non-negative integer; default 0. */
  verbosity?: number;
  /** klog's `-vmodule`: `"pattern=N,..."` or Kubernetes' `[{ filePattern, verbosity }]`. */
  vmodule?: string | readonly VModuleItem[];
  /** Where entries go: an Output, or anything with `write(string)`. Default: stderr. */
  output?: Output | WritableLike;
  /** The time source (tests fix it). Default `Date.now`. */
  clock?: Clock;
  /** Record the caller's `file:line` (text header, JSON `caller`). Default true. */
  caller?: boolean;
  /** The pid in text headers. Default `process.pid`. */
  pid?: number;
  /** Text headers (klog's `-skip_headers=false`). Default true. */
  headers?: boolean;
  /** `dir/file:line` in text headers (klog's `-add_dir_header`). Default false. */
  addDirHeader?: boolean;
}

interface EncoderSettings {
  format: LogFormat;
  pid: number;
  headers: boolean;
  addDirHeader: boolean;
}

const encoderSettings = new WeakMap<Runtime, EncoderSettings>();

function check(ok: boolean, setting: string, value: unknown, reason: string): void {
  if (!ok) throw new ConfigError(setting, value, reason);
}

/** Validates a verbosity level (klog's -v); the error names `setting`. */
export function checkVerbosity(value: unknown, setting = 'verbosity'): number {
  check(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2 ** 31 - 1, setting, value, 'must be an integer between 0 and 2147483647');
  return value as number;
}

/** Compiles a vmodule setting; the error names `setting` and the bad entry. */
export function compileVModule(value: string | readonly VModuleItem[], setting = 'vmodule'): VModule | undefined {
  check(typeof value === 'string' || Array.isArray(value), setting, value, 'must be a "pattern=N,..." string or a list of {filePattern, verbosity}');
  const items = typeof value === 'string' ? parseVModule(value, setting) : value;
  const vmodule = new VModule(items, setting);
  return vmodule.empty ? undefined : vmodule;
}

function validate(options: LoggerOptions): void {
  check(typeof options === 'object' && options !== null, 'options', options, 'must be an object');
  const { format, clock, output, pid } = options;
  check(format === undefined || format === 'text' || format === 'json', 'format', format, 'must be "text" or "json"');
  if (options.verbosity !== undefined) checkVerbosity(options.verbosity);
  check(clock === undefined || typeof clock === 'function', 'clock', typeof clock, 'must be a function');
  check(output === undefined || (typeof output === 'object' && output !== null && typeof output.write === 'function'), 'output', typeof output, 'must have a write(string) method');
  check(pid === undefined || (Number.isInteger(pid) && pid >= 0), 'pid', pid, 'must be a non-negative integer');
  for (const flag of ['caller', 'headers', 'addDirHeader'] as const) {
    check(options[flag] === undefined || typeof options[flag] === 'boolean', flag, options[flag], 'must be a boolean');
  }
}

function encoderFor(settings: EncoderSettings): TextEncoder | JSONEncoder {
  if (settings.format === 'json') return new JSONEncoder();
  return new TextEncoder({ pid: settings.pid, headers: settings.headers, addDirHeader: settings.addDirHeader });
}

/** A runtime with the defaults: text to stderr, verbosity 0, caller on. */
export function createRuntime(): Runtime {
  const settings: EncoderSettings = { format: 'text', pid: process.pid, headers: true, addDirHeader: false };
  const runtime = new Runtime(encoderFor(settings), fdOutput(2), Date.now);
  encoderSettings.set(runtime, settings);
  return runtime;
}

/** Validates all options, then applies them at once (nothing changes if one is bad). */
export function applyOptions(runtime: Runtime, options: LoggerOptions): void {
  validate(options);
  const vmodule = options.vmodule === undefined ? runtime.vmodule : compileVModule(options.vmodule);
  const previous = encoderSettings.get(runtime)!;
  const settings: EncoderSettings = {
    format: options.format ?? previous.format,
    pid: options.pid ?? previous.pid,
    headers: options.headers ?? previous.headers,
    addDirHeader: options.addDirHeader ?? previous.addDirHeader,
  };
  if (Object.entries(settings).some(([key, value]) => previous[key as keyof EncoderSettings] !== value)) {
    runtime.encoder = encoderFor(settings);
    encoderSettings.set(runtime, settings);
  }
  if (options.verbosity !== undefined) runtime.verbosity = options.verbosity;
  runtime.vmodule = vmodule;
  if (options.output !== undefined) {
    runtime.output.flush();
    runtime.output = toOutput(options.output);
  }
  if (options.clock !== undefined) runtime.clock = options.clock;
  if (options.caller !== undefined) runtime.caller = options.caller;
}
