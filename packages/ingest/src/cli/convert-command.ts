import { parseArgs } from 'node:util';
import { RecordFormatter } from '../index.js';
import { CliError } from './cli-error.js';
import type { CliIO } from './cli-io.js';
import { choice, count, INPUT_FLAGS, parseFlags, parseOptionsFrom } from './cli-options.js';
import { CONVERT_HELP } from './help-text.js';
import { runReader } from './run-reader.js';

/** `klog-ts convert --to json|text [files...]`: every record, in the other format. */
export async function convertCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(() => parseArgs({ args: [...argv], options: { ...INPUT_FLAGS, to: { type: 'string' } }, allowPositionals: true, strict: true }));
  if (values.help) {
    io.stdout.write(CONVERT_HELP);
    return 0;
  }
  if (values.to === undefined) throw new CliError('convert needs --to json or --to text');
  const formatter = new RecordFormatter(choice('to', values.to, ['json', 'text']));
  return runReader(
    io,
    { inputs: positionals, parse: parseOptionsFrom(values), quiet: values.quiet, maxErrors: count('max-errors', values['max-errors']) },
    { take: (record) => formatter.format(record), end: () => '' },
  );
}
