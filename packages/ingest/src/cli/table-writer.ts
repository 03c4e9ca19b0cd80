import type { LogRecord } from '../index.js';
import { valueText } from '../parse/record-values.js';

const SAMPLE_ROWS = 200;
const MAX_MESSAGE_WIDTH = 60;
const HEADINGS = ['TIME', 'S', 'CALLER', 'MESSAGE', 'PAIRS'];

// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Control characters (line feeds, terminal escapes) shown escaped: log content never drives the terminal. */
function safe(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function timeText(ts: number | undefined, utc: boolean): string {
  if (ts === undefined) return '-';
  const micros = Math.round(ts * 1000);
  const d = new Date(Math.floor(micros / 1000));
  const [y, mo, day, h, mi, s] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  const fraction = String(((micros % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, '0');
  return `${y}-${pad2(mo)}-${pad2(day)} ${pad2(h)}:${pad2(mi)}:${pad2(s)}.${fraction}`;
}

function pairText(key: string, value: Parameters<typeof valueText>[0]): string {
  const text = valueText(value);
  return `${key}=${typeof value === 'string' && (text === '' || /[\s"=]/.test(text)) ? JSON.stringify(text) : text}`;
}

function cells(record: LogRecord, utc: boolean): string[] {
  const pairs: string[] = [];
  if (record.err !== undefined) pairs.push(pairText('err', record.err));
  if (record.logger !== undefined) pairs.push(pairText('logger', record.logger));
  if (record.v !== undefined) pairs.push(`v=${record.v}`);
  for (const [key, value] of record.kv) pairs.push(pairText(key, value));
  if (record.unparsed !== undefined) pairs.push(pairText('unparsed', record.unparsed));
  const caller = record.caller === undefined ? '-' : `${record.caller.file}:${record.caller.line}`;
  return [timeText(record.ts, utc), record.severity ?? '-', caller, record.msg, pairs.join(' ')].map(safe);
}

/**
 * Records as an aligned table (time, severity, caller, message, pairs), for people. Column widths come from
 * the first rows, so output starts before the input ends; a longer cell later just runs over.
 */
export class TableWriter {
  readonly #utc: boolean;
  #sample: string[][] | undefined = [];
  #widths: number[] = [];

  constructor(utc: boolean) {
    this.#utc = utc;
  }

  /** The table text for this record: empty while the first rows are sampled, then one line. */
  add(record: LogRecord): string {
    const row = cells(record, this.#utc);
    if (this.#sample === undefined) return this.#line(row);
    this.#sample.push(row);
    return this.#sample.length < SAMPLE_ROWS ? '' : this.#flushSample();
  }

  /** What is still held at the end. */
  end(): string {
    return this.#sample === undefined || this.#sample.length === 0 ? '' : this.#flushSample();
  }

  #flushSample(): string {
    const rows = [HEADINGS, ...this.#sample!];
    this.#sample = undefined;
    this.#widths = HEADINGS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    this.#widths[3] = Math.min(this.#widths[3], MAX_MESSAGE_WIDTH);
    return rows.map((row) => this.#line(row)).join('');
  }

  #line(row: readonly string[]): string {
    const last = row.length - 1;
    return `${row.map((cell, i) => (i === last ? cell : cell.padEnd(this.#widths[i]))).join('  ').trimEnd()}\n`;
  }
}
