import { stripVTControlCharacters } from 'node:util';
import { MESSAGE, NESTED_MESSAGE } from '../src/workload-data.js';
import type { Cell } from '../src/run-rounds.js';

const TEXT_HEADER = /^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ (\S+)\] "([^"]+)"/;

/** The message each workload logs, per line. */
function messageFor(cell: Cell): string {
  return cell.workload === 'W3' ? NESTED_MESSAGE : MESSAGE;
}

/**
 * Checks one written line of a cell and returns what is wrong with it, or undefined. `i` is the line's
 * index, which W2–W4c log as `attempt`.
 */
export function lineProblem(cell: Cell, line: string, i: number): string | undefined {
  const { library } = cell.variant;
  if (library.startsWith('klog-text')) {
    if (library === 'klog-text-color') {
      if (!line.startsWith('\u001b[32mI\u001b[39m')) return 'not coloured';
      line = stripVTControlCharacters(line);
    }
    const header = TEXT_HEADER.exec(line);
    if (header === null) return 'not a klog text line';
    if (header[2] !== messageFor(cell)) return `message ${header[2]}`;
    if (library === 'klog-text-caller' && !/^klog\.ts:\d+$/.test(header[1])) return `caller ${header[1]}`;
    if (library === 'klog-text-callsite' && header[1] !== 'klog-call-sites.ts:20') return `caller ${header[1]}`;
    if (cell.workload !== 'W1' && cell.workload !== 'W3' && !line.includes(`pod="default/web-7d4b9c6f5-x2x9z" node="worker-node-3" attempt=${i} `)) return 'W2 pairs missing';
    return undefined;
  }
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return 'not JSON';
  }
  const message = library === 'winston' ? record.message : record.msg;
  if (message !== messageFor(cell)) return `message ${String(message)}`;
  if (cell.workload === 'W1') return undefined;
  if (record.attempt !== i) return `attempt ${String(record.attempt)}`;
  if (cell.workload === 'W3') return (record.request as { timing?: { db?: { rows?: unknown } } }).timing?.db?.rows === i ? undefined : 'W3 object';
  if (JSON.stringify(record.pod) !== '{"name":"web-7d4b9c6f5-x2x9z","namespace":"default"}') return `pod ${JSON.stringify(record.pod)}`;
  if (cell.workload.startsWith('W4') && record.controller !== 'replicaset-controller') return 'bound pairs missing';
  if (library === 'klog-json-otel-span' && !/^[0-9a-f]{32}$/.test(String(record.trace_id))) return `trace_id ${String(record.trace_id)}`;
  if (library !== 'klog-json-otel-span' && 'trace_id' in record) return 'trace_id outside a span';
  return undefined;
}
