import type { WhereClause } from './where-clause.js';

// Text every format prints as is: printable ASCII but for what Go's quoting, zap or Go's HTML-escaping
// JSON would escape. Numbers are left out: `count=1` also matches `1.0`.
const VERBATIM = /^[\x20-\x7e]+$/;
const ESCAPED = /["\\<>&]/;
const NUMERIC = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// Fields the formats print differently (text has no "v" and a caller without its directory).
const NOT_VERBATIM_KEYS = new Set(['caller', 'severity', 'v', 'pid']);

/**
 * A quick test on a record's raw text for `--where key=value` clauses: every piece of each value (split at
 * `/`, for `ns/name`) must occur in the text, or the record cannot match. `undefined` when no clause gives
 * such pieces. Skips the parsing of most records in a selective query.
 */
export function rawPrefilter(where: readonly WhereClause[]): ((line: string) => boolean) | undefined {
  const pieces: string[] = [];
  for (const { key, operator, operand } of where) {
    if (operator !== '=' || NOT_VERBATIM_KEYS.has(key) || !VERBATIM.test(operand) || ESCAPED.test(operand) || NUMERIC.test(operand)) continue;
    pieces.push(...operand.split('/').filter((piece) => piece !== ''));
  }
  if (pieces.length === 0) return undefined;
  return (line) => {
    for (const piece of pieces) if (!line.includes(piece)) return false;
    return true;
  };
}
