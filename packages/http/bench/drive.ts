import { Agent, request } from 'node:http';

/** One request on a keep-alive agent; resolves when its response has been read. */
function get(url: string, agent: Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', resolve);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** What one round cost: the process's CPU time (server and client together) and the wall time. */
export interface RoundCost {
  readonly cpuNsPerRequest: number;
  readonly wallNsPerRequest: number;
}

/** Sends `count` GETs to `url`, `concurrency` at a time over keep-alive connections, and measures them. */
export async function drive(url: string, count: number, concurrency: number): Promise<RoundCost> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next++;
      await get(url, agent);
    }
  };
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = Number(process.hrtime.bigint() - start);
  const used = process.cpuUsage(cpu);
  agent.destroy();
  return { cpuNsPerRequest: ((used.user + used.system) * 1000) / count, wallNsPerRequest: wall / count };
}
