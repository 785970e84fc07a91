/**
 * A load generator for the benches, run as its own process (see `runLoad`), so the clients'
 * work is not counted against the server's event loop: `clients` keep-alive connections, each
 * sending GETs back to back. Reports each request's time to the parent over IPC.
 */
import { fork } from 'node:child_process';
import { Agent, get } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `url`: one address, or several taken in turn (so a load is not one cached query); `headers`
 * go with every request (a session cookie, say).
 */
export type LoadRequest = {
  url: string | string[];
  clients: number;
  requestsPerClient: number;
  headers?: Record<string, string>;
};
/** `cpuMs`: the load generator's own CPU time, to see whether it, not the server, was the limit. */
export type LoadResult = { times: number[]; wallMs: number; failures: string[]; cpuMs: number };

/** Runs one load in a child process and waits for its figures. */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'] });
    child.once('message', (message) => {
      resolve(message as LoadResult);
      child.kill();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code) reject(new Error(`load client exited with ${code}`));
    });
    child.send(request);
  });
}

function getOnce(url: string, agent: Agent, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    }).on('error', reject);
  });
}

async function load({ url, clients, requestsPerClient, headers }: LoadRequest): Promise<LoadResult> {
  const urls = typeof url === 'string' ? [url] : url;
  let next = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const times: number[] = [];
  const failures: string[] = [];
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < requestsPerClient; i++) {
        const t0 = performance.now();
        const target = urls[next++ % urls.length] ?? '';
        const status = await getOnce(target, agent, headers).catch((err: Error) => err.message);
        times.push(performance.now() - t0);
        if (status !== 200) failures.push(String(status));
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  return { times, wallMs: performance.now() - start, failures, cpuMs: (cpu.user + cpu.system) / 1000 };
}

// Started by runLoad: wait for the job, run it, report back.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.once('message', async (request) => {
    process.send?.(await load(request as LoadRequest));
  });
}
