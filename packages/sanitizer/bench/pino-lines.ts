import pino, { type DestinationStream, type Logger } from 'pino9';
import { redactionMarker } from '../src/index.js';
import type { Variant, WorkloadId } from './variants.js';
import { W3_MESSAGE, w3Request, w3WithSecrets } from './workloads.js';

/**
 * pino 9 (the last line of pino with fast-redact) with its defaults, as `pnpm bench` runs pino, plus the
 * variant's `redact.paths`. The censor is the marker klog-ts's sanitizer writes for a path listed without
 * a kind, so both write the same bytes and one check counts both.
 */
export function pinoLogger(variant: Variant, stream: DestinationStream): Logger {
  return pino(variant.redact === undefined ? {} : { redact: { paths: [...variant.redact], censor: redactionMarker('secret') } }, stream);
}

/** pino's fastest synchronous destination (sonic-boom), one write per line: `pnpm bench`'s `sync` kind. */
export function pinoDestination(path: string): ReturnType<typeof pino.destination> {
  return pino.destination({ dest: path, sync: true });
}

/** Writes `lines` lines of a W3 workload through pino, with pino's own loop (see klogLines). */
export function pinoLines(log: Logger, workload: WorkloadId, lines: number): void {
  switch (workload) {
    case 'W3':
      for (let n = 0; n < lines; n++) {
        w3Request.timing.db.rows = n;
        log.info({ request: w3Request, attempt: n, ok: true }, W3_MESSAGE);
      }
      return;
    case 'W3+secrets':
      for (let n = 0; n < lines; n++) {
        w3WithSecrets.timing.db.rows = n;
        // eslint-disable-next-line @klog-ts/no-secret-logging -- the workload carries secrets on purpose: the redaction variant redacts them.
        log.info({ request: w3WithSecrets, attempt: n, ok: true }, W3_MESSAGE);
      }
      return;
    case 'W2+tagged':
      throw new Error('bench: pino runs the W3 workloads only');
  }
}
