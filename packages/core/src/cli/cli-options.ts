import type { ParseArgsConfig } from 'node:util';
import type { InputFormat, ParseOptions } from '../parse/index.js';
import { CliError } from './cli-error.js';

/** Flags every command takes: how to read the input, and how much to say on stderr. */
export const INPUT_FLAGS = {
  from: { type: 'string', default: 'auto' },
  year: { type: 'string' },
  utc: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  'max-errors': { type: 'string', default: '100' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Runs node's parseArgs; a mistake becomes one CliError line (the first sentence of node's message). */
export function parseFlags<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CliError((error as Error).message.split(/\.\s/)[0].replace(/\.$/, ''));
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

/** The reader options from `--from`, `--year` and `--utc`. */
export function parseOptionsFrom(values: { from: string; year?: string | undefined; utc: boolean }): ParseOptions {
  const format = choice<InputFormat>('from', values.from, ['auto', 'text', 'json']);
  const year = values.year === undefined ? undefined : count('year', values.year);
  return { format, year, utc: values.utc };
}
