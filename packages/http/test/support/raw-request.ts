import { request, type Agent, type IncomingHttpHeaders } from 'node:http';

/** A response as node:http's client got it (HEAD and 304 included), and whether its socket was reused. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly reusedSocket: boolean;
}

/** One request with node:http's client (fetch cannot show a reused socket or a HEAD body). */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; agent?: Agent; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, reusedSocket: req.reusedSocket }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
