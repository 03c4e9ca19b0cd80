import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Secret } from '@klog-ts/sanitizer';
import type { PodStore } from './pod-store.js';
import type { UserStore } from './user-store.js';

/** What a handler gets: the request, the response, and the service's state. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly pods: PodStore;
  readonly users: UserStore;
  readonly apiToken: Secret<string>;
}
