/** What the sanitizer (and pino, given it as its censor) writes in place of a value: `[REDACTED:<kinds>]`. */
export const MARKER_PREFIX = '[REDACTED:';

/** Occurrences of `part` in `text`. */
function count(text: string, part: string): number {
  let found = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) found++;
  return found;
}

/**
 * What is wrong with a written line that should have `expected` values redacted, or undefined: it must
 * carry exactly `expected` markers and, when it redacts anything, none of the workload's secrets; a line
 * that redacts nothing must carry all of them (else the workload has nothing to redact).
 */
export function redactionProblem(line: string, expected: number, secrets: readonly string[]): string | undefined {
  const markers = count(line, MARKER_PREFIX);
  if (markers !== expected) return `${markers} ${MARKER_PREFIX} marker${markers === 1 ? '' : 's'} where ${expected} ${expected === 1 ? 'is' : 'are'} expected`;
  const written = secrets.filter((secret) => line.includes(secret));
  if (expected > 0 && written.length > 0) return `${written.length} secret${written.length === 1 ? ' is' : 's are'} written: ${written.map((s) => `${s.slice(0, 6)}…`).join(', ')}`;
  if (expected === 0 && written.length < secrets.length) return `${secrets.length - written.length} of the workload's ${secrets.length} secrets missing from an unredacted line`;
  return undefined;
}
