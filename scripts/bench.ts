/**
 * Throughput of the production bundle against a bare Worker, both in workerd
 * through Miniflare's API (wrangler dev's logging proxy would cap both).
 *
 *   npm run bench                # needs `npm run build` first; uses wrk if installed
 *   npm run bench -- --seconds 5 --rounds 3 --connections 32 [--assets] [--budget 0.5]
 *
 * Server and load generator are pinned to different cores with taskset when
 * available; runs are interleaved and medians reported with the ratio to the
 * bare Worker. Exits 1 if a cached read falls below the budget ratio.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { startWorker } from '../test/node/support/worker';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 4);
const rounds = arg('rounds', 3);
const connections = arg('connections', 32);
/** Cached reads must reach this share of the bare Worker's throughput (the coming goal is 0.9). */
const budget = arg('budget', 0.5);

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const pinned = has('taskset');
const useWrk = has('wrk');

/** Requests per second for `url`, with wrk when installed, else a keep-alive fetch loop. */
async function load(url: string, headers: Record<string, string> = {}): Promise<number> {
  if (useWrk) {
    const args = [
      '-t1',
      `-c${connections}`,
      `-d${seconds}s`,
      ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
      url,
    ];
    const out = execFileSync(pinned ? 'taskset' : 'wrk', pinned ? ['-c', '1', 'wrk', ...args] : args, {
      encoding: 'utf8',
    });
    const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    if (non2xx) throw new Error(`${url}: ${non2xx[1]} error responses`);
    return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]);
  }
  let done = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status >= 400) throw new Error(`${url}: ${res.status}`);
        done++;
      }
    }),
  );
  return done / seconds;
}

if (pinned && !process.env.BENCH_PINNED) {
  // Re-run this script on core 0 so workerd (a child) runs there too; the load generator uses core 1.
  const result = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  process.exit(result.status ?? 1);
}

// Both run in the same setup, so the ratio measures our code. Miniflare's local assets router (several Worker hops)
// cuts throughput by about 3x for any Worker, so it is left out unless `--assets` asks for it; the routes measured
// here never touch static assets.
const assets = process.argv.includes('--assets');
const bare = await startWorker({
  assets,
  script: 'export default { fetch: () => new Response("ok", { headers: { "content-type": "text/plain" } }) }',
});
const bareOrigin = bare.origin;
const worker = await startWorker({ assets });

const etag = (await fetch(`${worker.origin}/api/v1/datasets`)).headers.get('etag') ?? '';
const targets: { name: string; url: string; headers?: Record<string, string>; cached: boolean }[] = [
  { name: 'bare Worker (baseline)', url: `${bareOrigin}/`, cached: false },
  { name: 'GET /api/v1/datasets', url: `${worker.origin}/api/v1/datasets`, cached: true },
  {
    name: 'GET /api/v1/indicators/platforms-total',
    url: `${worker.origin}/api/v1/indicators/platforms-total`,
    cached: true,
  },
  {
    name: 'GET /api/v1/indicators?ids=… (3)',
    url: `${worker.origin}/api/v1/indicators?ids=platforms-total,little-giants,little-giants-national-rank`,
    cached: true,
  },
  {
    name: 'GET /api/v1/datasets/targets-2023.csv',
    url: `${worker.origin}/api/v1/datasets/targets-2023.csv`,
    cached: true,
  },
  { name: 'GET /feed.xml', url: `${worker.origin}/feed.xml`, cached: true },
  { name: 'GET / (HTML)', url: `${worker.origin}/`, cached: true },
  {
    name: 'GET /api/v1/datasets → 304',
    url: `${worker.origin}/api/v1/datasets`,
    headers: { 'If-None-Match': etag },
    cached: true,
  },
];

// Warm every route once (first render per isolate) and check it answers.
for (const t of targets) {
  const res = await fetch(t.url, { headers: t.headers });
  await res.arrayBuffer();
  if (res.status >= 400) throw new Error(`${t.name}: ${res.status}`);
}

const samples = new Map<string, number[]>(targets.map((t) => [t.name, []]));
for (let round = 0; round < rounds; round++) {
  for (const t of targets) samples.get(t.name)!.push(await load(t.url, t.headers));
}
await worker.stop();
await bare.stop();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(samples.get(targets[0]!.name)!);
console.log(
  `\nbench: ${assets ? 'with' : 'without'} the local assets router, ${useWrk ? `wrk -t1 -c${connections} -d${seconds}s` : `fetch loop, ${connections} concurrent, ${seconds}s`}, ${rounds} interleaved rounds, ${pinned ? 'server on core 0, load on core 1' : 'not pinned (no taskset)'}\n`,
);
console.log('| route | median req/s | vs bare Worker |');
console.log('|---|---:|---:|');
let failed = false;
for (const t of targets) {
  const rps = median(samples.get(t.name)!);
  const ratio = rps / base;
  if (t.cached && ratio < budget) failed = true;
  console.log(`| ${t.name} | ${rps.toFixed(0)} | ${(ratio * 100).toFixed(0)}% |`);
}
if (failed) {
  console.error(`\nbench: a cached read is below ${(budget * 100).toFixed(0)}% of the bare Worker (budget)`);
  process.exit(1);
}
console.log(`\nbench: every cached read is at or above ${(budget * 100).toFixed(0)}% of the bare Worker (budget)`);
