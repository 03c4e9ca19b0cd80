import { timingSafeEqual } from 'node:crypto';
import { fromContext } from '@klog-ts/core';
import { sendJSON } from './http-io.js';
import type { RequestContext } from './request-context.js';

/** Whether the request carries `Authorization: Bearer <the API token>`; if not, answers 401 and logs why. */
export function checkToken({ req, res, apiToken }: RequestContext): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(apiToken.reveal());
  if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  fromContext().errorS(new Error(header === '' ? 'no bearer token' : 'invalid bearer token'), 'Unauthorized request');
  sendJSON(res, 401, { error: 'unauthorized' });
  return false;
}
