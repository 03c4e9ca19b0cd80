import { parseArgs } from 'node:util';
import { colorEnabled } from '@klog-ts/core/color';
import type { CliIO } from './cli-io.js';
import { count, INPUT_FLAGS, parseFlags, parseOptionsFrom } from './cli-options.js';
import { PRETTY_HELP } from './help-text.js';
import { runConverter } from './run-converter.js';

/**
 * `klog-ts pretty [files...]`: every record as klog text, coloured when stdout is a terminal (the rules
 * loggers follow: `NO_COLOR`, `FORCE_COLOR`, `TERM=dumb`), or always with `--color`, never with
 * `--no-color`. What pino-pretty is to pino: `kubectl logs deploy/app | klog-ts pretty`.
 */
export async function prettyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(() =>
    parseArgs({ args: [...argv], options: { ...INPUT_FLAGS, color: { type: 'boolean' }, 'no-color': { type: 'boolean' } }, allowPositionals: true, strict: true }),
  );
  if (values.help) {
    io.stdout.write(PRETTY_HELP);
    return 0;
  }
  const setting = values['no-color'] === true ? false : values.color === true ? true : 'auto';
  const settings = { inputs: positionals, parse: parseOptionsFrom(values), quiet: values.quiet, maxErrors: count('max-errors', values['max-errors']) };
  return runConverter(io, settings, 'text', colorEnabled(setting, io.stdout.isTTY === true));
}
