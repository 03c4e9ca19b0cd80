import { formatPlain } from './fmt-value.js';

/** fmt.Sprint: operands in `%v`, with a space between two operands when neither is a string. */
export function sprint(args: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (i > 0 && typeof arg !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatPlain(arg, 'v');
  }
  return out;
}

/** fmt.Sprintln: operands in `%v`, always separated by a space, and a final newline. */
export function sprintln(args: readonly unknown[]): string {
  return `${args.map((arg) => formatPlain(arg, 'v')).join(' ')}\n`;
}
