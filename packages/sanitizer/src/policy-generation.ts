import { refilterBoundValues } from '@klog-ts/core';

/**
 * Bumped whenever what counts as a secret changes (a class is tagged or registered): cached per-class
 * plans built before that are rebuilt on their next use.
 */
export const policyState = { generation: 0 };

export function bumpPolicyGeneration(): void {
  policyState.generation++;
  // Values bound with withValues were checked once, by the old rules: a registration made after binding
  // must still reach them (cheap: policies change at start-up, not per entry).
  refilterBoundValues();
}
