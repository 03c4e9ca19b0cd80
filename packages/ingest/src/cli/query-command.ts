import { parseArgs } from 'node:util';
import { RecordFormatter, type LogRecord } from '../index.js';
import type { CliIO } from './cli-io.js';
import { choice, count, INPUT_FLAGS, parseFlags, parseOptionsFrom } from './cli-options.js';
import { QUERY_HELP } from './help-text.js';
import { rawPrefilter } from './raw-prefilter.js';
import { parseSeverity, recordFilter } from './record-filter.js';
import type { RecordSink } from './run-reader.js';
import { runReader } from './run-reader.js';
import { parseTimeBound } from './since-time.js';
import { TableWriter } from './table-writer.js';
import { parseWhere } from './where-clause.js';

const QUERY_FLAGS = {
  ...INPUT_FLAGS,
  where: { type: 'string', multiple: true, default: [] as string[] },
  'min-severity': { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  v: { type: 'string' },
  output: { type: 'string', short: 'o', default: 'raw' },
  count: { type: 'boolean', default: false },
} as const;

type OutputFormat = 'raw' | 'text' | 'json' | 'table';

/** What to print for each match. */
function printer(output: OutputFormat, utc: boolean): Pick<RecordSink, 'take' | 'end'> {
  switch (output) {
    case 'raw': return { take: (_record, raw) => `${raw}\n`, end: () => '' };
    case 'table': {
      const table = new TableWriter(utc);
      return { take: (record) => table.add(record), end: () => table.end() };
    }
    default: {
      const formatter = new RecordFormatter(output);
      return { take: (record) => formatter.format(record), end: () => '' };
    }
  }
}

/** `klog-ts query [--where k=v]... [--min-severity S] [--since T] [--v N] [-o FORMAT] [files...]`. */
export async function queryCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(() => parseArgs({ args: [...argv], options: QUERY_FLAGS, allowPositionals: true, strict: true }));
  if (values.help) {
    io.stdout.write(QUERY_HELP);
    return 0;
  }
  const now = io.now();
  const where = values.where.map(parseWhere);
  const matches = recordFilter({
    where,
    minSeverity: values['min-severity'] === undefined ? undefined : parseSeverity(values['min-severity']),
    since: values.since === undefined ? undefined : parseTimeBound('--since', values.since, now),
    until: values.until === undefined ? undefined : parseTimeBound('--until', values.until, now),
    verbosity: values.v === undefined ? undefined : count('v', values.v),
  });
  const print = printer(choice<OutputFormat>('output', values.output, ['raw', 'text', 'json', 'table']), values.utc);
  let matched = 0;
  let skipped = 0;
  const prefilter = rawPrefilter(where);
  const mayMatch =
    prefilter === undefined
      ? undefined
      : (line: string): boolean => {
          if (prefilter(line)) return true;
          skipped++;
          return false;
        };
  const sink: RecordSink = {
    take(record: LogRecord, raw: string) {
      if (!matches(record)) return '';
      matched++;
      return values.count ? '' : print.take(record, raw);
    },
    end: () => (values.count ? `${matched}\n` : print.end()),
    summary: () => `${matched.toLocaleString('en-US')} matched`,
    skipped: () => skipped,
  };
  const parse = { ...parseOptionsFrom(values), mayMatch };
  return runReader(io, { inputs: positionals, parse, quiet: values.quiet, maxErrors: count('max-errors', values['max-errors']) }, sink);
}
