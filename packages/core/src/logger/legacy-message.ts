import { sprint, sprintln } from '../go/sprint.js';
import { sprintf } from '../go/sprintf.js';
import { safeString } from '../protocols/safe-string.js';
import { filterState } from './filter-registry.js';

/** How a legacy call formats its operands: fmt.Sprint, fmt.Sprintf or fmt.Sprintln. */
export type LegacyStyle = 'print' | 'printf' | 'println';

/**
 * The message of a legacy unstructured call: its operands pass the installed filter first (they are
 * about to become plain text, where nothing can redact them any more), then Go's fmt formats them.
 */
export function legacyMessage(style: LegacyStyle, format: unknown, args: readonly unknown[]): string {
  let operands: readonly unknown[];
  try {
    operands = filterState.filter?.filterArgs?.(args) ?? args;
  } catch {
    return '<internal error: the log filter failed; the message was withheld>';
  }
  if (style === 'printf') return sprintf(safeString(format), operands);
  return style === 'print' ? sprint(operands) : sprintln(operands);
}
