/**
 * `npm run soak`: a bounded soak of the production bundle with live data on. For 60 s, 64 keep-alive connections on
 * loopback read a mix of routes (JSON, a batch, CSV, the three feeds, pages, the widget script, series and history,
 * conditional revalidations) while a data officer publishes a revision every second through the write API. Then it
 * checks, and prints a summary (quoted in the README):
 *
 * - zero errors and zero 5xx: every read is a 200 or, for a revalidation, a 304; every publish a 201;
 * - no torn reads: one ETag always comes with the same bytes, and the indicator being published shows, in its JSON,
 *   exactly the value of the newest publish its ETag's data version contains;
 * - every publish visible: a read that starts after a publish returned is of that version or a newer one, and the
 *   last publish is in the indicator's series and history at the end;
 * - memory flat: the isolate's V8 heap after a full collection (the figure the 128 MB isolate limit applies to, read
 *   over the inspector) grows by less than `--memory-mb` from after the warm-up to the end. workerd's resident memory
 *   is printed too: it also holds Miniflare's simulators of D1 and the Cache API, and memory the allocator keeps.
 *
 *   npm run soak                 # needs `npm run build` first
 *   npm run soak -- --seconds 60 --connections 64 --memory-mb 32
 *
 * The Worker runs on core 0 and this load generator on core 1 (with taskset, when there is one).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { isolateHeapBytes, publishObservation, startWorker } from '../test/node/support/worker';
import { canPin, numberOption } from './load-options';

const seconds = numberOption('seconds', 60);
const connections = numberOption('connections', 64);
const memoryBudgetMb = numberOption('memory-mb', 32);
/** Milliseconds between publishes; 0 reads only (to tell what reads cost in memory from what versions cost). */
const publishEveryMs = numberOption('publish-ms', 1000);

const pinned = canPin;

const INDICATOR = 'platforms-total';
const token = `soak-${crypto.randomUUID()}`;
const worker = await startWorker({ assets: false, d1: true, tokens: `soak-officer:${token}`, inspector: true });

/** workerd's process: the one child of this process that listens for the Worker. */
const workerdPid = Number(
  execFileSync('pgrep', ['-n', '-P', String(process.pid), '-f', 'workerd'], { encoding: 'utf8' }).trim(),
);
if (pinned) {
  execFileSync('taskset', ['-a', '-p', '-c', '0', String(workerdPid)]);
  execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)]);
}
const rssMb = () => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(workerdPid)], { encoding: 'utf8' })) / 1024;

/** The data version in an ETag (`"<version>-<hash>"`) and the log position it stands for (its first 12 hex digits). */
const seqOf = (etag: string) => Number.parseInt(etag.slice(1, 13), 16);

const READS = [
  '/api/v1/datasets',
  '/api/v1/datasets/innovation-platforms',
  `/api/v1/indicators/${INDICATOR}`,
  '/api/v1/indicators?ids=platforms-total,little-giants,little-giants-national-rank',
  '/api/v1/datasets/targets-2023.csv',
  `/api/v1/indicators/${INDICATOR}/series`,
  `/api/v1/indicators/${INDICATOR}/history`,
  '/feed.xml',
  '/feed.atom',
  '/en/feed.json',
  '/',
  `/indicators/${INDICATOR}`,
  '/widget.js',
  `/badge/${INDICATOR}.svg`,
];

/** What the publisher has done: the value each publish wrote, by log position, and when each returned. */
const published: { seq: number; value: number; returnedAt: number }[] = [];
const seedValue = await (async () => {
  const res = await fetch(`${worker.origin}/api/v1/indicators/${INDICATOR}`);
  return ((await res.json()) as { value: number }).value;
})();

const problems: string[] = [];
const problem = (text: string) => {
  if (problems.length < 20) problems.push(text);
};
const statuses = new Map<number, number>();
const bodiesByEtag = new Map<string, string>();
let reads = 0;
let revalidations = 0;
let errors = 0;

/** The value the indicator had at log position `seq`: the newest publish at or before it, else the seed's. */
const valueAt = (seq: number) => published.filter((p) => p.seq <= seq).at(-1)?.value ?? seedValue;

// Warm-up: every route rendered for the current version, then the heap this soak starts from.
for (let round = 0; round < 2; round++) {
  for (const path of READS) await (await fetch(`${worker.origin}${path}`)).arrayBuffer();
}
const heapBefore = (await isolateHeapBytes(worker)) / 2 ** 20;

const end = Date.now() + seconds * 1000;
const memory: number[] = [];
const sampler = setInterval(() => memory.push(rssMb()), 5000);

async function reader(n: number) {
  const etags = new Map<string, string>();
  for (let i = n; Date.now() < end; i++) {
    const path = READS[i % READS.length]!;
    // Every third read of a path revalidates with the ETag this connection saw last.
    const known = i % 3 === 0 ? etags.get(path) : undefined;
    const newestReturned = published.at(-1);
    try {
      const res = await fetch(`${worker.origin}${path}`, { headers: known ? { 'If-None-Match': known } : {} });
      const body = Buffer.from(await res.arrayBuffer());
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      reads++;
      if (res.status === 304) {
        revalidations++;
        continue;
      }
      if (res.status !== 200) {
        problem(`${path}: ${res.status}`);
        continue;
      }
      const etag = res.headers.get('ETag')!;
      etags.set(path, etag);
      const hash = createHash('sha256').update(body).digest('hex');
      const seen = bodiesByEtag.get(`${path} ${etag}`);
      if (seen === undefined) bodiesByEtag.set(`${path} ${etag}`, hash);
      else if (seen !== hash) problem(`${path}: two bodies for ETag ${etag}`);
      // The widget script's ETag is the file's, not a data version.
      if (path === '/widget.js') continue;
      if (newestReturned && seqOf(etag) < newestReturned.seq)
        problem(`${path}: version ${seqOf(etag)} read after publish ${newestReturned.seq} had returned`);
      if (path === `/api/v1/indicators/${INDICATOR}`) {
        const { value } = JSON.parse(body.toString('utf8')) as { value: number };
        if (value !== valueAt(seqOf(etag))) problem(`${path}: value ${value} under version ${seqOf(etag)}`);
      }
    } catch (error) {
      errors++;
      problem(`${path}: ${(error as Error).message}`);
    }
  }
}

async function publisher() {
  for (let n = 1; publishEveryMs > 0 && Date.now() < end - publishEveryMs; n++) {
    const started = Date.now();
    const value = seedValue + n;
    const res = await publishObservation(
      worker,
      token,
      INDICATOR,
      { period: '2023-06-30', value },
      { 'Idempotency-Key': crypto.randomUUID() },
    );
    if (res.status !== 201) problem(`publish ${n}: ${res.status} ${await res.text()}`);
    else {
      await res.arrayBuffer();
      published.push({ seq: seqOf(res.headers.get('ETag')!), value, returnedAt: Date.now() });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishEveryMs - (Date.now() - started))));
  }
}

const started = Date.now();
await Promise.all([publisher(), ...Array.from({ length: connections }, (_, n) => reader(n))]);
const elapsed = (Date.now() - started) / 1000;
clearInterval(sampler);

// Every publish is visible afterwards: the last value is current, and in the series and the history.
const last = published.at(-1);
if (last) {
  const current = (await (await fetch(`${worker.origin}/api/v1/indicators/${INDICATOR}`)).json()) as { value: number };
  if (current.value !== last.value) problem(`after the soak: value ${current.value}, last published ${last.value}`);
  const history = (await (await fetch(`${worker.origin}/api/v1/indicators/${INDICATOR}/history`)).json()) as {
    revisions: { value?: number }[];
  };
  const historyValues = new Set(history.revisions.map((r) => r.value));
  const missing = published.filter((p) => !historyValues.has(p.value));
  if (missing.length) problem(`after the soak: ${missing.length} publishes missing from the history`);
}
const heapAfter = (await isolateHeapBytes(worker)) / 2 ** 20;
await worker.stop();

const growth = heapAfter - heapBefore;
if (growth > memoryBudgetMb) problem(`the isolate's heap grew by ${growth.toFixed(1)} MB`);
const fivexx = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);

console.log(
  `\nsoak: ${new Date().toISOString().slice(0, 10)}, ${elapsed.toFixed(0)} s, ${connections} keep-alive connections on loopback, live data (D1), ${pinned ? 'Worker on core 0, load on core 1' : 'not pinned'}\n`,
);
console.log(
  `| reads | per second | 304 revalidations | publishes | errors | 5xx | torn or stale reads | isolate heap (MB), start → end |`,
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---|');
console.log(
  `| ${reads} | ${(reads / elapsed).toFixed(0)} | ${revalidations} | ${published.length} | ${errors} | ${fivexx} | ${problems.filter((p) => /ETag|version|value/.test(p)).length} | ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} |`,
);
console.log(`\nworkerd RSS every 5 s (MB): ${memory.map((mb) => mb.toFixed(0)).join(' ')}`);
console.log(`statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
if (problems.length) {
  console.error(`\nsoak: FAILED\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `\nsoak: passed: no errors, no 5xx, no torn or stale reads, all ${published.length} publishes visible, memory within ${memoryBudgetMb} MB`,
);
