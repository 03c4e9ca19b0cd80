/**
 * Bumped whenever what counts as a secret changes (a class is tagged or registered): cached per-class
 * plans built before that are rebuilt on their next use.
 */
export const policyState = { generation: 0 };
export function bumpPolicyGeneration() {
    policyState.generation++;
}
