import type { LogRecord, LogValue } from '../index.js';
import { isRefList } from '../parse/is-ref-list.js';
import { valuesOf, valueText } from '../parse/record-values.js';
import { CliError } from './cli-error.js';

type Operator = '=' | '!=' | '~' | '<' | '<=' | '>' | '>=' | 'exists';

const CLAUSE = /^([^!<>=~]+)(=|!=|~|<=|>=|<|>)([\s\S]*)$/;
const NUMERIC = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** One `--where` condition, compiled. */
export interface WhereClause {
  readonly key: string;
  readonly operator: Operator;
  readonly operand: string;
  matches(record: LogRecord): boolean;
}

function compare(value: LogValue, operator: Operator, operand: number): boolean {
  if (typeof value !== 'number' && typeof value !== 'bigint') return false;
  const n = Number(value);
  switch (operator) {
    case '<': return n < operand;
    case '<=': return n <= operand;
    case '>': return n > operand;
    default: return n >= operand;
  }
}

function equals(value: LogValue, operand: string): boolean {
  if (isRefList(value)) return value.some((item) => equals(item, operand));
  if ((typeof value === 'number' || typeof value === 'bigint') && NUMERIC.test(operand)) return Number(value) === Number(operand);
  return valueText(value) === operand;
}

/**
 * Compiles `--where` text: `key=value`, `key!=value`, `key~regex`, `key>=n` (also `>`, `<`, `<=`), or
 * `key` alone (the key is present). Keys name pairs (`pod`), record fields (`msg`, `err`, `logger`, `v`,
 * `severity`, `caller`, `pid`, `unparsed`) or paths (`pod.namespace`); `namespace` also matches every reference's namespace.
 */
export function parseWhere(text: string): WhereClause {
  const match = CLAUSE.exec(text);
  const key = (match === null ? text : match[1]).trim();
  if (key === '' || /[!<>=~]/.test(key)) throw new CliError(`invalid --where "${text}": expected key=value, key!=value, key~regex, key>=n or key`);
  const operator = (match?.[2] ?? 'exists') as Operator;
  const operand = match?.[3] ?? '';
  let test: (value: LogValue) => boolean;
  switch (operator) {
    case 'exists': test = () => true; break;
    case '=': case '!=': test = (value) => equals(value, operand); break;
    case '~': {
      let regex: RegExp;
      try {
        regex = new RegExp(operand);
      } catch (error) {
        throw new CliError(`invalid --where "${text}": ${(error as Error).message}`);
      }
      // A list of references matches when one of them does, as with `=`.
      test = (value) => (isRefList(value) ? value.some((ref) => regex.test(valueText(ref))) : regex.test(valueText(value)));
      break;
    }
    default: {
      if (!NUMERIC.test(operand)) throw new CliError(`invalid --where "${text}": ${operator} needs a number`);
      const n = Number(operand);
      test = (value) => compare(value, operator, n);
    }
  }
  const negate = operator === '!=';
  return {
    key,
    operator,
    operand,
    matches: (record) => valuesOf(record, key).some(test) !== negate,
  };
}
