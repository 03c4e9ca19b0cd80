import type { LogRecord, ParseOptions } from '../index.js';
import type { CliIO } from './cli-io.js';
import { ErrorReporter } from './error-reporter.js';
import { OutputWriter } from './output-writer.js';
import { Progress, ReadStats } from './progress.js';
import { readInputs } from './read-inputs.js';

/** What a command does with each record read: returns the text to print (possibly empty). */
export interface RecordSink {
  take(record: LogRecord, raw: string): string;
  /** Text to print after the last record. */
  end(): string;
  /** The summary's words about the result (`12 matched`), if any. */
  summary?(): string;
  /** How many records a pre-check skipped unparsed (they count as read). */
  skipped?(): number;
}

/** Settings shared by the commands. */
export interface RunSettings {
  readonly inputs: readonly string[];
  readonly parse: ParseOptions;
  readonly quiet: boolean;
  readonly maxErrors: number;
}

/**
 * The loop of every command: reads the inputs, hands each record to `sink`, writes what it returns to
 * stdout with back-pressure, reports unreadable records and progress on stderr. Returns the exit code.
 */
export async function runReader(io: CliIO, settings: RunSettings, sink: RecordSink): Promise<number> {
  const stats = new ReadStats();
  const out = new OutputWriter(io.stdout);
  const reporter = new ErrorReporter(io.stderr, settings.maxErrors);
  const progress = new Progress(io.stderr, settings.quiet);
  await readInputs(settings.inputs, io, settings.parse, stats, async (items, source) => {
    for (const item of items) {
      if (item.ok) {
        stats.records++;
        if (item.record.unparsed !== undefined) stats.unparsed++;
        const text = sink.take(item.record, item.raw);
        if (text !== '') out.write(text);
      } else {
        stats.errors++;
        reporter.report(source, item.error);
      }
    }
    progress.tick(stats);
    await out.flush();
    return !out.closed;
  });
  out.write(sink.end());
  await out.flush(true);
  reporter.finish(stats.unparsed);
  stats.records += sink.skipped?.() ?? 0;
  progress.finish(stats, sink.summary?.());
  return stats.errors > 0 ? 1 : 0;
}
