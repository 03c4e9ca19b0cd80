import type { ParseArgsConfig } from 'node:util';
import type { InputFormat, ParseOptions } from '../index.js';
import { CliError } from './cli-error.js';

/** Flags every command takes: how to read the input, and how much to say on stderr. */
export const INPUT_FLAGS = {
  from: { type: 'string', default: 'auto' },
  year: { type: 'string' },
  utc: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  'max-errors': { type: 'string', default: '100' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Node's message for a flag without its value (`--v` last, or `--v -1`), as one line that says what to do. */
function missingValue(message: string): string | undefined {
  const flag = /^Option '(?:-\w, )?(--?[\w-]+)[^']*' argument (missing|is ambiguous)/.exec(message);
  if (flag === null) return undefined;
  if (flag[2] === 'missing') return `${flag[1]} needs a value`;
  // Node's hint names the long form (`-o -x` → `--output=-XYZ`), the one where `=` works.
  const long = /use '(--[\w-]+)=/.exec(message)?.[1] ?? flag[1];
  return `${flag[1]} needs a value (one that starts with "-" is written ${long}=VALUE)`;
}

/** Runs node's parseArgs; a mistake becomes one CliError line (the first sentence of node's message). */
export function parseFlags<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = (error as Error).message;
    throw new CliError(missingValue(message) ?? message.split(/\.\s/)[0].replace(/\.$/, ''));
  }
}

/** A flag that must be one of `choices`. */
export function choice<C extends string>(flag: string, value: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(value)) throw new CliError(`invalid --${flag} "${value}": expected ${choices.join(', ')}`);
  return value as C;
}

/** A flag that must be a non-negative integer. */
export function count(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`invalid --${flag} "${value}": expected a non-negative integer`);
  return Number(value);
}

/** The reader options from `--from`, `--year`, `--utc` and `--strict`. */
export function parseOptionsFrom(values: { from: string; year?: string | undefined; utc: boolean; strict: boolean }): ParseOptions {
  const format = choice<InputFormat>('from', values.from, ['auto', 'text', 'json']);
  // Four digits: a two-digit year would be read as itself (24 AD), not as 2024.
  if (values.year !== undefined && !/^[1-9]\d{3}$/.test(values.year)) throw new CliError(`invalid --year "${values.year}": expected a four-digit year such as 2024`);
  const year = values.year === undefined ? undefined : Number(values.year);
  return { format, year, utc: values.utc, strict: values.strict };
}
