import { CliError, EXIT } from './cli-error.js';
import type { CliIO } from './cli-io.js';
import { convertCommand } from './convert-command.js';
import { MAIN_HELP } from './help-text.js';
import { queryCommand } from './query-command.js';

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIO) => Promise<number>>> = {
  convert: convertCommand,
  query: queryCommand,
};

/**
 * Runs the klog-ts CLI with `argv` (without node and the script) and returns the exit code. A user mistake
 * prints one line on stderr (`klog-ts: …`), never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout).write(MAIN_HELP);
    return command === undefined ? EXIT.USAGE : EXIT.OK;
  }
  try {
    const run = COMMANDS[command];
    if (run === undefined) throw new CliError(`unknown command "${command}": expected convert or query`);
    return await run(rest, io);
  } catch (error) {
    if (!(error instanceof CliError)) {
      io.stderr.write(`klog-ts: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.USAGE;
    }
    const hint = error.showHelpHint ? ` (run "klog-ts ${command in COMMANDS ? `${command} ` : ''}--help")` : '';
    io.stderr.write(`klog-ts: ${error.message}${hint}\n`);
    return EXIT.USAGE;
  }
}
