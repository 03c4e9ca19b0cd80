import type { ServerResponse } from 'node:http';

/** Where a response's body byte count is kept, the status its header went out with, and the `write`/`end` it wraps. */
export interface ResponseCounter {
  bytes: number;
  /**
   * The status sent, seen at the first write or end after which the header is out: a framework may set
   * `statusCode` again afterwards (Fastify's error handler sets 500 on a response that was half sent).
   */
  sentStatus: number | undefined;
  readonly write: ServerResponse['write'];
  readonly end: ServerResponse['end'];
}

const kCounter = Symbol('klog-ts.http.response-counter');

type CountedResponse = ServerResponse & { [kCounter]: ResponseCounter };

function byteLength(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0; // end(), end(callback)
}

// One pair of functions for every response (a counter on the response holds the state), so counting
// allocates no closure per request. `this` is the response, as Node, Express and Fastify call them.
function countedWrite(this: CountedResponse, ...args: Parameters<ServerResponse['write']>): boolean {
  const counter = this[kCounter];
  counter.bytes += byteLength(args[0], args[1]);
  const result = (counter.write as (...a: unknown[]) => boolean).apply(this, args);
  if (counter.sentStatus === undefined && this.headersSent) counter.sentStatus = this.statusCode;
  return result;
}

function countedEnd(this: CountedResponse, ...args: Parameters<ServerResponse['end']>): ServerResponse {
  const counter = this[kCounter];
  counter.bytes += byteLength(args[0], args[1]);
  const result = (counter.end as (...a: unknown[]) => ServerResponse).apply(this, args);
  if (counter.sentStatus === undefined && this.headersSent) counter.sentStatus = this.statusCode;
  return result;
}

/**
 * Counts the body bytes written through `res.write`/`res.end` from now on (strings by their encoded
 * length). Middleware installed later that wraps them in turn (compression) writes through these, so its
 * output is what is counted.
 */
export function countResponse(res: ServerResponse): ResponseCounter {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called back with `.apply(res)`.
  const counter: ResponseCounter = { bytes: 0, sentStatus: undefined, write: res.write, end: res.end };
  (res as CountedResponse)[kCounter] = counter;
  res.write = countedWrite as ServerResponse['write'];
  res.end = countedEnd as ServerResponse['end'];
  return counter;
}
