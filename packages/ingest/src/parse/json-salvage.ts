import type { LogValue } from './log-record.js';
import { parseNumberLiteral } from './number-literal.js';
import { jsonEnd } from './text-cursor.js';

/** The fields of a JSON object line read up to where it breaks, and the text from there on. */
export interface SalvagedObject {
  readonly fields: [key: string, value: LogValue][];
  readonly rest: string;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\r')) at++;
  return at;
}

/** The end (exclusive) of the JSON string that opens at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/** The end (exclusive) of the JSON value at `start`, or -1. */
function valueEnd(text: string, start: number): number {
  const c = text[start];
  if (c === '"') return stringEnd(text, start);
  if (c === '{' || c === '[') return jsonEnd(text, start);
  let end = start;
  while (end < text.length && !',}] \t\r'.includes(text[end])) end++;
  return end === start ? -1 : end;
}

/** A value's JSON text as a LogValue (integers beyond 2^53 as bigints, as the reader gives them), or undefined. */
function readValue(text: string): LogValue | undefined {
  try {
    const value = JSON.parse(text) as LogValue;
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return parseNumberLiteral(text) ?? value;
    return value;
  } catch {
    return undefined;
  }
}

/**
 * Reads the top-level fields of a JSON object line that is not valid JSON (cut short, or with something
 * after a field), in order, up to the first field it cannot read; `rest` is the line from there on
 * (from that field, or from the text after the object). Undefined if the line does not start an object.
 */
export function salvageObject(line: string): SalvagedObject | undefined {
  let at = skipSpace(line, 0);
  if (line[at] !== '{') return undefined;
  const fields: [string, LogValue][] = [];
  let fieldStart = at + 1;
  for (;;) {
    at = skipSpace(line, fieldStart);
    if (line[at] !== '"') break;
    const keyEnd = stringEnd(line, at);
    const key = keyEnd === -1 ? undefined : readValue(line.slice(at, keyEnd));
    if (typeof key !== 'string') break;
    at = skipSpace(line, keyEnd);
    if (line[at] !== ':') break;
    at = skipSpace(line, at + 1);
    const end = valueEnd(line, at);
    const value = end === -1 ? undefined : readValue(line.slice(at, end));
    if (value === undefined) break;
    fields.push([key, value]);
    at = skipSpace(line, end);
    if (line[at] === ',') {
      fieldStart = at + 1;
      continue;
    }
    return { fields, rest: line.slice(line[at] === '}' ? at + 1 : at) };
  }
  return { fields, rest: line.slice(skipSpace(line, fieldStart)) };
}
