import { LineConverter } from '../convert/line-converter.js';
import { readLineBatches } from '../parse/read-lines.js';
import { RecordFormatter } from '../parse/record-formatter.js';
import { CliError } from './cli-error.js';
import type { CliIO } from './cli-io.js';
import { ErrorReporter } from './error-reporter.js';
import { OutputWriter } from './output-writer.js';
import { Progress, ReadStats } from './progress.js';
import { counted, inputs } from './read-inputs.js';
import type { RunSettings } from './run-reader.js';

/**
 * The loop of `convert --to json|text`: reads the inputs line by line through a LineConverter (the fast
 * path for whole records, the reader for the rest), writes the output with back-pressure, reports lines
 * that are no record and progress on stderr. Returns the exit code.
 */
export async function runConverter(io: CliIO, settings: RunSettings, to: 'json' | 'text'): Promise<number> {
  const stats = new ReadStats();
  const out = new OutputWriter(io.stdout);
  const reporter = new ErrorReporter(io.stderr, settings.maxErrors);
  const progress = new Progress(io.stderr, settings.quiet);
  const formatter = new RecordFormatter(to);
  reading: for (const input of inputs(settings.inputs, io)) {
    const converter = new LineConverter(to, settings.parse, formatter, {
      record(text, record) {
        stats.records++;
        if (record?.unparsed !== undefined) stats.unparsed++;
        out.write(text);
      },
      error(error) {
        stats.errors++;
        reporter.report(input.name, error);
      },
    });
    let lineNo = 0;
    try {
      for await (const lines of readLineBatches(counted(input.open(), stats))) {
        for (const line of lines) converter.push(line, ++lineNo);
        progress.tick(stats);
        await out.flush();
        if (out.closed) break reading;
      }
      converter.end(lineNo);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot read "${input.name}": ${(error as Error).message}`, false);
    }
  }
  await out.flush(true);
  reporter.finish(stats.unparsed);
  progress.finish(stats, undefined);
  return stats.errors > 0 ? 1 : 0;
}
