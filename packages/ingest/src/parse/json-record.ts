import type { KeyValue, LogRecord, LogValue, RecordCaller } from './log-record.js';
import { parseNumberLiteral } from './number-literal.js';
import { objectValue, type ObjectKeys } from './object-keys.js';
import { ScanProblem } from './parse-error.js';
import { topLevelNumbers } from './top-level-literals.js';

const CALLER = /^(.*):(\d+)$/;
// Kubernetes writes `ts` first; zap's production encoder (etcd, controller-runtime) writes `level` first,
// with `ts` in epoch seconds and a string `msg`: without this check its lines would pass as records.
const TS_FIRST = /^\s*\{\s*"ts"\s*:/;

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

/**
 * One record of Kubernetes' JSON format (`--logging-format=json`). It must have a number `ts`, first, and a
 * string `msg`; `caller`, `logger`, `v` and `err` become the record's fields; every other key is a pair. Without
 * `"v"` the record is an error (severity E), as Kubernetes writes no level.
 */
export function jsonRecord(line: string, keys: ObjectKeys): LogRecord {
  const object = parseObject(line);
  const { ts, msg } = object;
  if (typeof ts !== 'number' || typeof msg !== 'string') {
    throw new ScanProblem('NOT_A_RECORD', 'not a Kubernetes JSON record (a number "ts" and a string "msg" are required)', 0);
  }
  if (!TS_FIRST.test(line)) {
    throw new ScanProblem('NOT_A_RECORD', 'not a Kubernetes JSON record (its first field is not "ts")', line.indexOf('"'));
  }
  let caller: RecordCaller | undefined;
  let logger: string | undefined;
  let v: number | undefined;
  let err: string | undefined;
  let literals: Map<string, string> | undefined;
  const kv: KeyValue[] = [];
  for (const key in object) {
    let value = object[key] as LogValue;
    switch (key) {
      case 'ts':
      case 'msg':
        continue;
      case 'caller': {
        const match = typeof value === 'string' ? CALLER.exec(value) : null;
        if (match !== null) {
          caller = { file: match[1], line: Number(match[2]) };
          continue;
        }
        break;
      }
      case 'logger':
        if (typeof value === 'string') {
          logger = value;
          continue;
        }
        break;
      case 'v':
        if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
          v = value;
          continue;
        }
        break;
      case 'err':
        if (typeof value === 'string') {
          err = value;
          continue;
        }
        break;
    }
    if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value)) {
      literals ??= topLevelNumbers(line);
      const literal = literals.get(key);
      if (literal !== undefined) value = parseNumberLiteral(literal) ?? value;
    }
    const kind = keys.kindOf(key);
    kv.push([key, kind === undefined ? value : objectValue(kind, value, false)]);
  }
  return { format: 'json', severity: v === undefined ? 'E' : 'I', ts, pid: undefined, caller, logger, msg, v, err, kv, unstructured: false };
}
