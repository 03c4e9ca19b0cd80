import { KObj } from '@klog-ts/core';
import { datapolicy } from '../src/index.js';

/**
 * W3 of `pnpm bench`: one nested object (3 levels, 15 leaves) and 2 scalars. The request carries an
 * `authorization` header, which the path and key-name variants redact and the others leave alone.
 */
export const w3Request = {
  method: 'GET',
  path: '/api/v1/namespaces/default/pods',
  status: 200,
  headers: {
    host: 'api.example.com',
    'user-agent': 'kubectl/v1.31.0',
    accept: 'application/json',
    authorization: 'Bearer 8f14e45fceea167a5a36dedd4bea2543',
  },
  client: { ip: '10.0.0.12', port: 51432, geo: { country: 'NL', city: 'Amsterdam' } },
  user: { name: 'alice', groups: ['system:authenticated'] },
  timing: { queueMs: 1.5, handlerMs: 12.25 },
};

/** The 3 redaction paths of the path variant (one wildcard). */
export const w3Paths = ['request.headers.authorization', 'request.headers.cookie', '*.password'];

/** A class with one `@datapolicy` field, for W2's tagged instance. */
export class Credentials {
  user: string;
  @datapolicy('password') password: string;

  constructor(user: string, password: string) {
    this.user = user;
    this.password = password;
  }
}

/** W2's values: `pod` as KObj (at every call, as service code does), `node`, `attempt`, `latency`, `ok`; plus a tagged instance. */
export const w2Pod = { metadata: { name: 'web-7d4b9c6f5-x2x9k', namespace: 'default' } };
export const w2Credentials = new Credentials('alice', 'hunter2');

/** A float that changes with the line, so no output can be cached (as in `pnpm bench`). */
export function latencyAt(line: number): number {
  return 0.25 + (line % 1000) * 0.013;
}

/** W3 with one leaf changed per line. */
export function w3At(line: number): typeof w3Request {
  w3Request.timing.handlerMs = latencyAt(line);
  return w3Request;
}

export { KObj };
