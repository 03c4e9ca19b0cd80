import { salvageObject } from './json-salvage.js';
import type { KeyValue, LogRecord, LogValue } from './log-record.js';
import { parseNumberLiteral } from './number-literal.js';
import { objectValue, type ObjectKeys } from './object-keys.js';
import { ScanProblem } from './parse-error.js';
import { topLevelNumbers } from './top-level-literals.js';

const CALLER = /^(.*):(\d+)$/;
// Kubernetes writes `ts` first; zap's production encoder (etcd, controller-runtime) writes `level` first,
// with `ts` in epoch seconds and a string `msg`: without this check its lines would pass as records.
const TS_FIRST = /^\s*\{\s*"ts"\s*:/;
// The start of a record that breaks off later: `{"ts":` and a number.
const TS_NUMBER_FIRST = /^\s*\{\s*"ts"\s*:\s*-?\d/;

type Draft = { -readonly [K in keyof LogRecord]: LogRecord[K] } & { kv: KeyValue[] };

function parseObject(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    const position = /position (\d+)/.exec(reason);
    throw new ScanProblem('BAD_JSON', `invalid JSON (${reason})`, position === null ? 0 : Number(position[1]));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ScanProblem('NOT_A_RECORD', 'a JSON value that is not an object', 0);
  }
  return value as Record<string, unknown>;
}

function draftOf(ts: number, msg: string): Draft {
  return { format: 'json', severity: undefined, ts, pid: undefined, caller: undefined, logger: undefined, msg, v: undefined, err: undefined, kv: [], unstructured: false, unparsed: undefined };
}

/** Takes one field of a record: `caller`, `logger`, `v` and `err` of the right type become fields; anything else is a pair. */
function addField(draft: Draft, key: string, value: LogValue, keys: ObjectKeys): void {
  switch (key) {
    case 'caller': {
      const match = typeof value === 'string' ? CALLER.exec(value) : null;
      if (match !== null) {
        draft.caller = { file: match[1], line: Number(match[2]) };
        return;
      }
      break;
    }
    case 'logger':
      if (typeof value === 'string') {
        draft.logger = value;
        return;
      }
      break;
    case 'v':
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
        draft.v = value;
        return;
      }
      break;
    case 'err':
      if (typeof value === 'string') {
        draft.err = value;
        return;
      }
      break;
  }
  const kind = keys.kindOf(key);
  draft.kv.push([key, kind === undefined ? value : objectValue(kind, value, false)]);
}

/**
 * A line that starts a record (`{"ts":` and a number) but is not valid JSON (cut short, garbage after a
 * field): the fields up to where it breaks, the rest as `unparsed`. Its severity is `I` if its `"v"` was
 * read, else unknown. Undefined if it is no such line.
 */
function salvagedRecord(line: string, keys: ObjectKeys): LogRecord | undefined {
  if (!TS_NUMBER_FIRST.test(line)) return undefined;
  const salvaged = salvageObject(line);
  const first = salvaged?.fields[0];
  if (salvaged === undefined || first === undefined || typeof first[1] !== 'number') return undefined;
  const draft = draftOf(first[1], '');
  for (const [key, value] of salvaged.fields.slice(1)) {
    if (key === 'msg' && typeof value === 'string' && draft.msg === '') draft.msg = value;
    else addField(draft, key, value, keys);
  }
  draft.severity = draft.v === undefined ? undefined : 'I';
  draft.unparsed = salvaged.rest;
  return draft;
}

/**
 * One record of Kubernetes' JSON format (`--logging-format=json`). It must have a number `ts`, first, and a
 * string `msg`; `caller`, `logger`, `v` and `err` become the record's fields; every other key is a pair. Without
 * `"v"` the record is an error (severity E), as Kubernetes writes no level. Unless `strict`, a line that starts
 * a record but is not valid JSON is read up to where it breaks (see {@link salvagedRecord}).
 */
export function jsonRecord(line: string, keys: ObjectKeys, strict = true): LogRecord {
  let object: Record<string, unknown>;
  try {
    object = parseObject(line);
  } catch (problem) {
    const salvaged = strict || !(problem instanceof ScanProblem) || problem.code !== 'BAD_JSON' ? undefined : salvagedRecord(line, keys);
    if (salvaged === undefined) throw problem;
    return salvaged;
  }
  const { ts, msg } = object;
  if (typeof ts !== 'number' || typeof msg !== 'string') {
    throw new ScanProblem('NOT_A_RECORD', 'not a Kubernetes JSON record (a number "ts" and a string "msg" are required)', 0);
  }
  if (!TS_FIRST.test(line)) {
    throw new ScanProblem('NOT_A_RECORD', 'not a Kubernetes JSON record (its first field is not "ts")', line.indexOf('"'));
  }
  const draft = draftOf(ts, msg);
  let literals: Map<string, string> | undefined;
  for (const key in object) {
    if (key === 'ts' || key === 'msg') continue;
    let value = object[key] as LogValue;
    if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value)) {
      literals ??= topLevelNumbers(line);
      const literal = literals.get(key);
      if (literal !== undefined) value = parseNumberLiteral(literal) ?? value;
    }
    addField(draft, key, value, keys);
  }
  draft.severity = draft.v === undefined ? 'E' : 'I';
  return draft;
}
