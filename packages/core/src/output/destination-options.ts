import { ConfigError } from '../config-error.js';
import { checkBooleans } from '../config/check-booleans.js';
import { checkKnownKeys } from '../config/check-known-keys.js';
import { checkColorSetting, type ColorSetting } from '../color/color-setting.js';
import { REOPEN_SIGNALS, type ReopenSignal } from './reopen-on-signal.js';

/** Where a destination writes, how much it may buffer, and whether a writer thread does the writing. */
export interface DestinationOptions {
  /** A file descriptor (1 stdout, 2 stderr) or a file path (appended to). Default 2. */
  dest?: number | string;
  /** Bytes gathered before a write. 0 (default) writes each entry at once. */
  bufferSize?: number;
  /** Milliseconds between flushes of a partly filled buffer (Kubernetes' flushFrequency). Default 5000; 0 never. */
  flushInterval?: number;
  /**
   * How long a full destination (EAGAIN: a pipe nobody reads) may block a write or a flush. After that,
   * entries are dropped and counted for ten times as long, then writing is tried again. Default 1000 ms.
   */
  maxBlockMs?: number;
  /** Create the file's directory if it is missing. */
  mkdir?: boolean;
  /**
   * `true` (default): the log call encodes the entry into a reused buffer and writes it (batched by
   * `bufferSize`) with a synchronous write. `false`: the log call only copies the entry into a shared buffer, and a writer
   * thread writes it out; `flush()` and the exit hooks wait until the thread has written everything.
   */
  sync?: boolean;
  /**
   * Whether klog text written here is coloured (for loggers whose own `color` is `'auto'`): `'auto'`
   * (default) when the descriptor is a terminal and neither `NO_COLOR` nor `FORCE_COLOR` says otherwise,
   * `true` always, `false` never. Read once, when the destination is opened. JSON is never coloured.
   */
  color?: ColorSetting;
  /**
   * A file destination only: reopen the file (same path) when the process receives this signal, as
   * logrotate's `postrotate` asks (`kill -HUP`): what was accepted before goes to the old file, what comes
   * after to the new one. While set, the signal no longer ends the process. Default: none.
   */
  reopenOnSignal?: ReopenSignal;
}

const OPTION_NAMES: readonly (keyof DestinationOptions)[] = ['dest', 'bufferSize', 'flushInterval', 'maxBlockMs', 'mkdir', 'sync', 'color', 'reopenOnSignal'];

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Validates before anything is opened, so that a mistake names the option rather than a file-system error. */
export function checkDestinationOptions(options: DestinationOptions): void {
  if (typeof options !== 'object' || options === null) throw new ConfigError('destination options', options, 'must be an object');
  checkKnownKeys(options, OPTION_NAMES, 'destination option');
  const { dest, bufferSize, flushInterval, maxBlockMs } = options;
  if (dest !== undefined && !isCount(dest) && (typeof dest !== 'string' || dest === '')) {
    throw new ConfigError('destination dest', dest, 'must be a file descriptor (1, 2, …) or a file path');
  }
  if (bufferSize !== undefined && !isCount(bufferSize)) throw new ConfigError('destination bufferSize', bufferSize, 'must be a non-negative integer');
  for (const [name, value] of [['flushInterval', flushInterval], ['maxBlockMs', maxBlockMs]] as const) {
    // Milliseconds, fractions allowed: a flushFrequency of 100us arrives here as 0.1.
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new ConfigError(`destination ${name}`, value, 'must be a non-negative number of milliseconds');
    }
  }
  checkBooleans(options, ['mkdir', 'sync'], 'destination ');
  checkColorSetting(options.color, 'destination color');
  const signal = options.reopenOnSignal;
  if (signal !== undefined && !(REOPEN_SIGNALS as readonly unknown[]).includes(signal)) {
    throw new ConfigError('destination reopenOnSignal', signal, `must be one of ${REOPEN_SIGNALS.join(', ')}`);
  }
  if (signal !== undefined && typeof dest !== 'string') {
    throw new ConfigError('destination reopenOnSignal', signal, 'needs a file path as dest (a descriptor cannot be reopened)');
  }
}
