import type { ReadItem } from './read-item.js';
import { readLineBatches } from './read-lines.js';
import { RecordParser, type ParseOptions } from './record-parser.js';

/**
 * Reads a stream of log lines (a file, stdin) into records, in batches: one array of items for each chunk
 * of input. Bad records come as error items with their line number, and reading goes on.
 */
export async function* readRecordBatches(source: AsyncIterable<string | Uint8Array>, options: ParseOptions = {}): AsyncGenerator<ReadItem[]> {
  let items: ReadItem[] = [];
  const parser = new RecordParser((item) => items.push(item), options);
  let lineNo = 0;
  for await (const lines of readLineBatches(source)) {
    for (const line of lines) parser.push(line, ++lineNo);
    if (items.length > 0) {
      yield items;
      items = [];
    }
  }
  parser.end(lineNo);
  if (items.length > 0) yield items;
}

/**
 * Reads a stream of klog text or Kubernetes JSON lines (a file, stdin) record by record, as they complete.
 *
 * @example
 * for await (const item of readRecords(process.stdin)) {
 *   if (item.ok) console.log(item.record.msg);
 *   else console.error(`stdin:${item.error.line}: ${item.error.reason}`);
 * }
 */
export async function* readRecords(source: AsyncIterable<string | Uint8Array>, options: ParseOptions = {}): AsyncGenerator<ReadItem> {
  for await (const batch of readRecordBatches(source, options)) yield* batch;
}
