import { colorizeText } from '@klog-ts/core/color';
import { ByteBuffer } from '../convert/byte-buffer.js';
import { ByteConverter } from '../convert/byte-converter.js';
import { RecordFormatter } from '../parse/record-formatter.js';
import { CliError } from './cli-error.js';
import type { CliIO } from './cli-io.js';
import { ErrorReporter } from './error-reporter.js';
import { OutputWriter } from './output-writer.js';
import { Progress, ReadStats } from './progress.js';
import { fillBuffer } from './fill-buffer.js';
import { inputs } from './read-inputs.js';
import type { RunSettings } from './run-reader.js';

/** Output piled up past this is written out, even within a chunk of input. */
const WRITE_AT = 1 << 19;

/**
 * The loop of `convert --to json|text` (and `pretty`): reads each input in chunks of bytes, hands each
 * line to a ByteConverter (in place for whole records, the string way for the rest), writes the output
 * with back-pressure (coloured for a terminal when `color`: what is written out is whole records, which
 * colorizeText takes), reports lines that are no record and progress on stderr. Returns the exit code.
 */
export async function runConverter(io: CliIO, settings: RunSettings, to: 'json' | 'text', color = false): Promise<number> {
  const stats = new ReadStats();
  const out = new OutputWriter(io.stdout);
  const reporter = new ErrorReporter(io.stderr, settings.maxErrors);
  const progress = new Progress(io.stderr, settings.quiet);
  const formatter = new RecordFormatter(to);
  const buffer = new ByteBuffer(1 << 20, 1 << 20);
  reading: for (const input of inputs(settings.inputs, io)) {
    const converter = new ByteConverter(
      to,
      settings.parse,
      formatter,
      buffer,
      {
        record(text, record) {
          stats.records++;
          if (record?.unparsed !== undefined) stats.unparsed++;
          buffer.utf8(text);
        },
        error(error) {
          stats.errors++;
          reporter.report(input.name, error);
        },
      },
      () => stats.records++,
    );
    const writeOut = async (): Promise<void> => {
      const bytes = buffer.take(converter.writable);
      if (color) {
        out.write(colorizeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')));
        await out.flush();
      } else await out.writeBytes(bytes);
      converter.outputTaken();
    };
    let lineNo = 0;
    buffer.inputEnd = 0;
    try {
      for await (const _ of fillBuffer(input, buffer, stats)) {
        const lines = buffer.bytes.subarray(0, buffer.inputEnd);
        let start = 0;
        for (let lf = lines.indexOf(0x0a); lf !== -1; lf = lines.indexOf(0x0a, start)) {
          converter.push(start, lf, ++lineNo);
          start = lf + 1;
          if (buffer.out - buffer.outputStart > WRITE_AT) await writeOut();
        }
        converter.inputMoving();
        buffer.keepFrom(start);
        progress.tick(stats);
        await writeOut();
        if (out.closed) break reading;
      }
      // A last line without a line feed.
      if (buffer.inputEnd > 0) converter.push(0, buffer.inputEnd, ++lineNo);
      converter.end(lineNo);
      await writeOut();
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
