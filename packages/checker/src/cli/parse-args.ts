import { parseArgs } from 'node:util';
import { CheckerError } from '@klog-ts/taint/errors';

/** Output formats of the CLI. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** What the command line asks for. */
export interface CliOptions {
  readonly projects: readonly string[];
  readonly format: OutputFormat;
  readonly config: string | undefined;
  readonly baseline: string | undefined;
  readonly updateBaseline: boolean;
  /** Report only findings whose path touches a file changed since this git ref. */
  readonly changedSince: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: klog-check [--project tsconfig.json ...] [--format text|json|sarif] [--config FILE]
                  [--baseline FILE [--update-baseline]] [--changed-since REF]

Finds code paths that could log a secret (datapolicy-tagged fields, Secret values, credential-like
names) through klog-ts, console, pino, winston, bunyan, NestJS, nestjs-pino, log4js, debug or configured
sinks, and says how many calls each sink matched.

  -p, --project FILE|DIR   tsconfig to analyse (repeatable; default ./tsconfig.json)
  -f, --format FORMAT      text (default), json or sarif (SARIF 2.1.0 for code scanning)
  -c, --config FILE        config file (default: klog-check.config.json beside each tsconfig)
  -b, --baseline FILE      only fail on findings not recorded in FILE
      --update-baseline    write the current findings to the --baseline FILE and exit 0
      --changed-since REF  analyse everything, report only findings whose path (source, steps or
                           sink) touches a file changed since git REF (committed, staged, unstaged
                           or untracked): a pre-submit check on a large repository
  -h, --help               show this help
  -v, --version            show the version

Suppress one finding with "// klog-check-ignore-next-line: <reason>" on the line above the call.
Exit codes: 0 no findings, 1 findings, 2 usage or project error.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

function usageError(message: string): CheckerError {
  return new CheckerError('KLOG_CHECK_USAGE', `${message} (see --help)`);
}

/** Parses the CLI arguments; a bad flag or value is a {@link CheckerError} with code `KLOG_CHECK_USAGE`. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        project: { type: 'string', short: 'p', multiple: true },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        baseline: { type: 'string', short: 'b' },
        'update-baseline': { type: 'boolean' },
        'changed-since': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw usageError((error as Error).message.split('\n')[0]?.replace(/\. To specify.*$/, '') ?? 'bad arguments');
  }
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format as OutputFormat)) throw usageError(`unknown --format '${format}': expected text, json or sarif`);
  const updateBaseline = values['update-baseline'] ?? false;
  if (updateBaseline && values.baseline === undefined) throw usageError('--update-baseline needs --baseline FILE');
  const changedSince = values['changed-since'];
  if (updateBaseline && changedSince !== undefined) throw usageError('--update-baseline records every finding: drop --changed-since');
  return {
    projects: values.project ?? ['tsconfig.json'],
    format: format as OutputFormat,
    config: values.config,
    baseline: values.baseline,
    updateBaseline,
    changedSince,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
