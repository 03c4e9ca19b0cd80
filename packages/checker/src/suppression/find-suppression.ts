/** The comment that suppresses a finding on the next line; a reason after a colon is required. */
export const SUPPRESSION_MARKER = 'klog-check-ignore-next-line';

const COMMENT = new RegExp(`(?://|/\\*)\\s*${SUPPRESSION_MARKER}\\b(?:\\s*:\\s*(.*?))?\\s*(?:\\*/)?\\s*$`);

/** What the line above a finding says: no suppression, a valid one (with its reason), or one lacking a reason. */
export type Suppression = { readonly kind: 'none' } | { readonly kind: 'valid'; readonly reason: string } | { readonly kind: 'missing-reason' };

/**
 * Looks for `// klog-check-ignore-next-line: <reason>` (or the block-comment form) on the line before
 * `line` (1-based) of `text`. Without a non-empty reason the comment does not suppress anything.
 */
export function findSuppression(text: string, line: number): Suppression {
  const lines = text.split('\n');
  const above = lines[line - 2];
  if (above === undefined) return { kind: 'none' };
  const match = COMMENT.exec(above);
  if (match === null) return { kind: 'none' };
  const reason = (match[1] ?? '').trim();
  return reason === '' ? { kind: 'missing-reason' } : { kind: 'valid', reason };
}
