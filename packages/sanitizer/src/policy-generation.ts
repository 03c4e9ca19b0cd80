import { refilterBoundValues } from '@klog-ts/core';
import { registry } from './registry-slot.js';

/**
 * Says that what counts as a secret changed (a class was tagged or registered): cached per-class plans
 * built before that, in every copy of the package, are rebuilt on their next use.
 */
export function bumpPolicyGeneration(): void {
  registry.generation++;
  // Values bound with withValues were checked once, by the old rules: a registration made after binding
  // must still reach them (cheap: policies change at start-up, not per entry).
  refilterBoundValues();
}
