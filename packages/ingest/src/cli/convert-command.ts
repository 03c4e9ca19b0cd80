import { parseArgs } from 'node:util';
import { clickhouseRowLine } from '../clickhouse/clickhouse-row.js';
import { CliError } from './cli-error.js';
import type { CliIO } from './cli-io.js';
import { choice, count, INPUT_FLAGS, parseFlags, parseOptionsFrom } from './cli-options.js';
import { CONVERT_HELP } from './help-text.js';
import { runConverter } from './run-converter.js';
import { runReader } from './run-reader.js';

/** `klog-ts convert --to json|text|clickhouse [files...]`: every record, in the other format, or as a ClickHouse row. */
export async function convertCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(() => parseArgs({ args: [...argv], options: { ...INPUT_FLAGS, to: { type: 'string' } }, allowPositionals: true, strict: true }));
  if (values.help) {
    io.stdout.write(CONVERT_HELP);
    return 0;
  }
  if (values.to === undefined) throw new CliError('convert needs --to json, --to text or --to clickhouse');
  const to = choice('to', values.to, ['json', 'text', 'clickhouse']);
  const settings = { inputs: positionals, parse: parseOptionsFrom(values), quiet: values.quiet, maxErrors: count('max-errors', values['max-errors']) };
  if (to !== 'clickhouse') return runConverter(io, settings, to);
  return runReader(io, settings, { take: clickhouseRowLine, end: () => '' });
}
