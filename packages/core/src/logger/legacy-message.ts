import { filterOperands } from '../filter/filter-stage.js';
import { sprint, sprintln } from '../go/sprint.js';
import { sprintf } from '../go/sprintf.js';
import { safeString } from '../protocols/safe-string.js';

/** How a legacy call formats its operands: fmt.Sprint, fmt.Sprintf or fmt.Sprintln. */
export type LegacyStyle = 'print' | 'printf' | 'println';

const WITHHELD = '<internal error: the log filter failed; the message was withheld>';

/**
 * The message of a legacy unstructured call: its operands pass the filter stage first (they are about
 * to become plain text, where nothing can redact them any more), then Go's fmt formats them. A printf
 * format that is not a string is an operand too (the filter sees it in front of the others).
 */
export function legacyMessage(style: LegacyStyle, format: unknown, args: readonly unknown[]): string {
  if (style !== 'printf') {
    const operands = filterOperands(args);
    if (operands === undefined) return WITHHELD;
    return style === 'print' ? sprint(operands) : sprintln(operands);
  }
  if (typeof format === 'string') {
    const operands = filterOperands(args);
    return operands === undefined ? WITHHELD : sprintf(format, operands);
  }
  const operands = filterOperands([format, ...args]);
  return operands === undefined ? WITHHELD : sprintf(safeString(operands[0]), operands.slice(1));
}
