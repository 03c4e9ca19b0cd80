import { isDeepStrictEqual } from 'node:util';
import { createLogger, setLogFilter, type LogFilter } from '@klog-ts/core';
import { klogLines } from './klog-lines.js';
import { pinoLines, pinoLogger } from './pino-lines.js';
import { redactionProblem } from './redaction-problem.js';
import { shapeOf } from './shape-of.js';
import type { Variant, WorkloadId } from './variants.js';
import { W2_PASSWORD, W3_SECRETS, w3Request, w3WithSecrets } from './workloads.js';

/** The secrets each workload carries: none in W3, three in W3+secrets, the tagged password in W2+tagged. */
const SECRETS: Readonly<Record<WorkloadId, readonly string[]>> = {
  W3: [],
  'W3+secrets': Object.values(W3_SECRETS),
  'W2+tagged': [W2_PASSWORD],
};

/** The first line a variant writes, set up as for timing but into a string instead of /dev/null. */
function firstLine(variant: Variant, filter: LogFilter | undefined): string {
  let text = '';
  const write = (chunk: string): void => void (text += chunk);
  if (variant.logger === 'pino 9') {
    pinoLines(pinoLogger(variant, { write }), variant.workload, 1);
    return text;
  }
  const logger = createLogger({ format: 'json', output: { write, flush: () => undefined }, caller: false });
  setLogFilter(filter);
  try {
    klogLines(logger, variant.workload, 1);
  } finally {
    setLogFilter(undefined);
  }
  return text;
}

/** Each variant's first line and what is wrong with the set-up; the run must not time anything unless `problems` is empty. */
export interface Checked {
  lines: string[];
  problems: string[];
}

/**
 * Checks, before anything is timed, that the workloads are what the page says (W3 with secrets has W3's
 * shape) and that each variant redacts what it claims: exactly `redacted` markers per line and none of
 * the secrets' bytes when it redacts, every secret when it does not.
 */
export function checkVariants(variants: readonly Variant[], filters: readonly (LogFilter | undefined)[]): Checked {
  const problems: string[] = [];
  const shape = shapeOf(w3WithSecrets);
  const expected = shapeOf(w3Request);
  if (!isDeepStrictEqual(shape, expected)) problems.push(`W3+secrets has ${JSON.stringify(shape)}, W3 ${JSON.stringify(expected)}: they must be the same size`);
  const lines = variants.map((variant, i) => {
    const text = firstLine(variant, filters[i]);
    const count = text.split('\n').length - 1;
    const problem = count !== 1 ? `wrote ${count} lines for 1 call` : redactionProblem(text, variant.redacted, SECRETS[variant.workload]);
    if (problem !== undefined) problems.push(`${variant.name} (${variant.workload}: ${variant.what}): ${problem}\n    line: ${text.trimEnd()}`);
    return text.trimEnd();
  });
  return { lines, problems };
}
