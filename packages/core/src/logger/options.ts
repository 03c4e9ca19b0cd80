import { ColorTextEncoder } from '../color/color-text-encoder.js';
import { checkColorSetting, type ColorSetting } from '../color/color-setting.js';
import { ConfigError } from '../config-error.js';
import { checkBooleans } from '../config/check-booleans.js';
import { checkKnownKeys } from '../config/check-known-keys.js';
import { flushFrequencyMs } from '../config/flush-frequency.js';
import type { FormatOptions, LoggingConfiguration } from '../config/logging-configuration.js';
import { parseQuantity } from '../config/quantity.js';
import { JSONEncoder } from '../json/json-encoder.js';
import { Destination } from '../output/destination.js';
import { toOutput, type Output, type WritableLike } from '../output/output.js';
import { SplitOutput } from '../output/split-output.js';
import { stderrDestination } from '../output/standard-output.js';
import { TextEncoder } from '../text/text-encoder.js';
import { systemClock, type Clock } from '../time/clock.js';
import { parseVModule, VModule, type VModuleItem } from '../verbosity/vmodule.js';
import type { Encoder } from './encoder.js';
import type { EntrySink } from './entry-sink.js';
import { trackRuntime } from './live-runtimes.js';
import { Runtime } from './runtime.js';

/** The output formats: klog's text format and Kubernetes' JSON format. */
export type LogFormat = 'text' | 'json';

/**
 * Settings of a logger: Kubernetes' LoggingConfiguration (`format`, `verbosity`, `vmodule`,
 * `flushFrequency`, `options.{text,json}.{splitStream,infoBufferSize}`) plus klog-ts's own. Every field is
 * optional and everything is validated before anything changes.
 */
export interface LoggerOptions extends LoggingConfiguration {
  /**
   * Where entries go: an Output, or anything with `write(string)`. Default: stderr, or with
   * `options.<format>.splitStream` info to stdout (buffered by `infoBufferSize`) and errors to stderr.
   */
  output?: Output | WritableLike;
  /** A backend that takes entries instead of bytes, such as `pinoSink(pinoLogger)`. `null` removes it. */
  sink?: EntrySink | null;
  /** The time source (tests fix it). Default: the system clock, with microseconds. */
  clock?: Clock;
  /** Record the caller's `file:line` (text header, JSON `caller`). Default true. */
  caller?: boolean;
  /** The pid in text headers. Default `process.pid`. */
  pid?: number;
  /** Text headers (klog's `-skip_headers=false`). Default true. */
  headers?: boolean;
  /** `dir/file:line` in text headers (klog's `-add_dir_header`). Default false. */
  addDirHeader?: boolean;
  /**
   * Text format: write keys, object references, multi-line values and legacy messages exactly as klog
   * does, line breaks and control characters included. Unsafe: a value can then forge a record or drive
   * the reader's terminal (see Log injection in the README). Default false.
   */
  unsafeRawText?: boolean;
  /**
   * Let a writer thread write the outputs built from these settings (stderr, and with a split stream stdout
   * too): a log call then only copies the entry into a shared buffer, and `flush()` and the exit hooks wait
   * for the thread (see `destination({ sync: false })`). Default false: synchronous writes. No effect on
   * an `output` given here.
   */
  asyncOutput?: boolean;
  /**
   * Colour the text format's severity letters and keys: `'auto'` (default) when the output takes colour
   * (a terminal, unless `NO_COLOR` or `FORCE_COLOR` says otherwise; with a split stream, both), `true`
   * always, `false` never. JSON is never coloured. See Colour in the README.
   */
  color?: ColorSetting;
}

/** What the runtime was built from, so that a later configure() changes only what it names. */
interface AppliedSettings {
  format: LogFormat;
  pid: number;
  headers: boolean;
  addDirHeader: boolean;
  unsafeRawText: boolean;
  flushFrequencyMs: number;
  asyncOutput: boolean;
  color: ColorSetting;
  streams: Record<LogFormat, { splitStream: boolean; infoBufferSize: number }>;
  /** True when the output came from the user, not from the stream settings. */
  explicitOutput: boolean;
}

const applied = new WeakMap<Runtime, AppliedSettings>();
const KUBERNETES_FLUSH_FREQUENCY_MS = 5000;

function check(ok: boolean, setting: string, value: unknown, reason: string): void {
  if (!ok) throw new ConfigError(setting, value, reason);
}

/** The settings `configure` and `createLogger` know; anything else is a typo that would be silently ignored. */
const OPTION_NAMES: readonly (keyof LoggerOptions)[] = [
  'format', 'verbosity', 'vmodule', 'flushFrequency', 'options', 'output', 'sink', 'clock', 'caller', 'pid', 'headers', 'addDirHeader', 'unsafeRawText', 'asyncOutput', 'color',
];
const FORMAT_NAMES: readonly LogFormat[] = ['text', 'json'];
const STREAM_OPTION_NAMES: readonly (keyof FormatOptions)[] = ['splitStream', 'infoBufferSize'];

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

function streamSettings(options: FormatOptions | undefined, format: LogFormat, previous: AppliedSettings['streams'][LogFormat]): AppliedSettings['streams'][LogFormat] {
  if (options === undefined) return previous;
  const setting = `options.${format}`;
  check(typeof options === 'object' && options !== null, setting, options, 'must be an object');
  checkKnownKeys(options, STREAM_OPTION_NAMES, `${setting} key`);
  checkBooleans(options, ['splitStream'], `${setting}.`);
  const infoBufferSize = options.infoBufferSize === undefined ? previous.infoBufferSize : parseQuantity(options.infoBufferSize);
  check(infoBufferSize !== undefined, `${setting}.infoBufferSize`, options.infoBufferSize, 'must be a byte quantity such as 0, 4096 or 64Ki');
  return { splitStream: options.splitStream ?? previous.splitStream, infoBufferSize: infoBufferSize! };
}

/** Checks every option and works out the settings they lead to; throws ConfigError on the first bad one. */
function resolve(options: LoggerOptions, previous: AppliedSettings): AppliedSettings {
  check(typeof options === 'object' && options !== null && !Array.isArray(options), 'options', options, 'must be an object');
  checkKnownKeys(options, OPTION_NAMES, 'option');
  const { format, clock, output, pid, sink, flushFrequency } = options;
  check(format === undefined || format === 'text' || format === 'json', 'format', format, 'must be "text" or "json"');
  if (options.verbosity !== undefined) checkVerbosity(options.verbosity);
  check(clock === undefined || typeof clock === 'function', 'clock', clock, 'must be a function');
  check(output === undefined || (typeof output === 'object' && output !== null && typeof output.write === 'function'), 'output', output, 'must have a write(string) method');
  check(sink === undefined || sink === null || (typeof sink === 'object' && typeof sink.writeEntry === 'function'), 'sink', sink, 'must have a writeEntry(entry) method');
  check(pid === undefined || (Number.isInteger(pid) && pid >= 0), 'pid', pid, 'must be a non-negative integer');
  checkBooleans(options, ['caller', 'headers', 'addDirHeader', 'unsafeRawText', 'asyncOutput']);
  checkColorSetting(options.color, 'color');
  const flushMs = flushFrequency === undefined ? previous.flushFrequencyMs : flushFrequencyMs(flushFrequency);
  check(flushMs !== undefined, 'flushFrequency', flushFrequency, 'must be a duration such as 5s or a whole number of nanoseconds');
  check(options.options === undefined || (typeof options.options === 'object' && options.options !== null), 'options', options.options, 'must be an object');
  if (options.options !== undefined) checkKnownKeys(options.options, FORMAT_NAMES, 'options key');
  return {
    format: format ?? previous.format,
    pid: pid ?? previous.pid,
    headers: options.headers ?? previous.headers,
    addDirHeader: options.addDirHeader ?? previous.addDirHeader,
    unsafeRawText: options.unsafeRawText ?? previous.unsafeRawText,
    flushFrequencyMs: flushMs!,
    asyncOutput: options.asyncOutput ?? previous.asyncOutput,
    color: options.color ?? previous.color,
    streams: {
      text: streamSettings(options.options?.text, 'text', previous.streams.text),
      json: streamSettings(options.options?.json, 'json', previous.streams.json),
    },
    explicitOutput: output !== undefined || previous.explicitOutput,
  };
}

function encoderFor(settings: AppliedSettings): TextEncoder | JSONEncoder {
  if (settings.format === 'json') return new JSONEncoder();
  return new TextEncoder({ pid: settings.pid, headers: settings.headers, addDirHeader: settings.addDirHeader, unsafeRawText: settings.unsafeRawText });
}

/**
 * stderr, or Kubernetes' split stream: info to stdout (buffered by infoBufferSize), errors to stderr. The
 * stdout destination is this runtime's own (released when it is replaced); stderr is shared by all.
 */
function streamOutput(settings: AppliedSettings): { output: Output; own: Destination | undefined } {
  const { splitStream, infoBufferSize } = settings.streams[settings.format];
  const sync = !settings.asyncOutput;
  if (!splitStream) return { output: stderrDestination(sync), own: undefined };
  const stdout = new Destination({ dest: 1, bufferSize: infoBufferSize, flushInterval: settings.flushFrequencyMs, sync });
  return { output: new SplitOutput(stdout, stderrDestination(sync)), own: stdout };
}

/** The destination a runtime built for itself, if any: closed when a reconfiguration replaces it. */
const ownOutputs = new WeakMap<Runtime, Destination>();

function setOutput(runtime: Runtime, output: Output, own: Destination | undefined): void {
  runtime.flush();
  runtime.output = output;
  // Released after the switch, so no entry reaches it once closed; its flush timer and exit hook go with it.
  ownOutputs.get(runtime)?.close();
  if (own === undefined) ownOutputs.delete(runtime);
  else ownOutputs.set(runtime, own);
}

const DEFAULTS: AppliedSettings = {
  format: 'text',
  pid: process.pid,
  headers: true,
  addDirHeader: false,
  unsafeRawText: false,
  flushFrequencyMs: KUBERNETES_FLUSH_FREQUENCY_MS,
  asyncOutput: false,
  color: 'auto',
  streams: { text: { splitStream: false, infoBufferSize: 0 }, json: { splitStream: false, infoBufferSize: 0 } },
  explicitOutput: false,
};

/** A runtime with the defaults: text to stderr, verbosity 0, caller on. */
export function createRuntime(): Runtime {
  const output = stderrDestination();
  const runtime = new Runtime(withColor(encoderFor(DEFAULTS), DEFAULTS.color, output), output, systemClock);
  applied.set(runtime, DEFAULTS);
  trackRuntime(runtime);
  return runtime;
}

function differs(a: AppliedSettings, b: AppliedSettings, keys: readonly (keyof AppliedSettings)[]): boolean {
  return keys.some((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/**
 * The encoder for an output: text coloured when the setting (or under `'auto'`, the output) says so. Decided
 * once, when the output is known: the uncoloured text encoder is used as it is, with no check per entry.
 */
function withColor(encoder: Encoder, setting: ColorSetting, output: Output): Encoder {
  const color = setting === 'auto' ? output.color === true : setting;
  return encoder.format === 'text' && color ? new ColorTextEncoder(encoder) : encoder;
}

/** Validates all options, then applies them at once (nothing changes if one is bad). */
export function applyOptions(runtime: Runtime, options: LoggerOptions): void {
  const previous = applied.get(runtime)!;
  const settings = resolve(options, previous);
  const vmodule = options.vmodule === undefined ? runtime.vmodule : compileVModule(options.vmodule);
  let encoder = runtime.encoder instanceof ColorTextEncoder ? runtime.encoder.plain : runtime.encoder;
  if (differs(settings, previous, ['format', 'pid', 'headers', 'addDirHeader', 'unsafeRawText'])) encoder = encoderFor(settings);
  runtime.unsafeRawText = settings.unsafeRawText;
  if (options.output !== undefined) setOutput(runtime, toOutput(options.output), undefined);
  else if (!settings.explicitOutput && differs(settings, previous, ['format', 'streams', 'flushFrequencyMs', 'asyncOutput'])) {
    const { output, own } = streamOutput(settings);
    setOutput(runtime, output, own);
  }
  runtime.encoder = withColor(encoder, settings.color, runtime.output);
  if (options.sink !== undefined) runtime.sink = options.sink ?? undefined;
  if (options.verbosity !== undefined) runtime.verbosity = options.verbosity;
  runtime.vmodule = vmodule;
  if (options.clock !== undefined) runtime.clock = options.clock;
  if (options.caller !== undefined) runtime.caller = options.caller;
  applied.set(runtime, settings);
}
