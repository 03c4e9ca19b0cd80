/** The workloads of issue 3 ("Speed: ahead of pino"). W4c is W4's second half: a child logger made per call. */
export const WORKLOADS = ['W1', 'W2', 'W3', 'W4', 'W4c', 'W5'] as const;

export type WorkloadId = (typeof WORKLOADS)[number];

/** What each workload logs, as printed in the table and the doc. */
export const WORKLOAD_TITLES: Readonly<Record<WorkloadId, string>> = {
  W1: 'W1: message only',
  W2: 'W2: message + 5 pairs (pod as KObj, node, attempt, latency, ok)',
  W3: 'W3: one nested object (3 levels, 15 leaves) + 2 scalars',
  W4: 'W4: W2 through a logger with 3 bound pairs (pino: a child with 3 bindings)',
  W4c: 'W4, child per call: a 3-pair child made for every call, then W2',
  W5: 'W5: a disabled V(4).infoS at v=2 with W2 pairs (pino, winston, bunyan: debug at level info)',
};

/** The workloads named, in table order; W4 brings W4c along (the W4 has both halves). */
export function expandWorkloads(selected: readonly string[]): WorkloadId[] {
  return WORKLOADS.filter((id) => selected.includes(id) || (id === 'W4c' && selected.includes('W4')));
}
