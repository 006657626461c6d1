/**
 * `npm run scale`: the service at 10,000 indicators. Writes a synthetic catalog (scripts/scale-catalog.ts: 100
 * datasets, 10,000 indicators, 10 quarterly observations each, 100,100 revisions) straight into the D1 of the built
 * Worker (`dist/worker/index.js`) running in workerd through Miniflare, the database kept in a temporary directory,
 * then measures over real HTTP against the production bundle:
 *
 * - the query plans of the Worker's statements on the filled log (and fails on a scan or sort where an index is meant);
 * - time to the first response after a cold start (a new workerd, a new isolate, over the same database);
 * - the isolate's heap (V8's own count over the inspector, after a full collection) idle, after the first read (the
 *   snapshot) and after every measured route was rendered once, against the 128 MB isolate limit; and the snapshot
 *   alone, built by the same code in Node from the same rows;
 * - the time to a new version after a publish (the write's request builds it), split into the D1 read of the new
 *   rows and the fold;
 * - response sizes at 36 indicators (the bundled seed) and at 10,000;
 * - a cached single-indicator read at 36 and at 10,000: requests/s with wrk, and the first render's latency.
 *
 *   npm run build && npm run scale            # needs wrk (apt-get install wrk); about 3 minutes on 2 cores
 *   npm run scale -- --seconds 4 --rounds 6 --connections 32 --cold 3 [--keep] [--reuse <dir kept before>]
 *
 * Like `npm run bench`, it runs itself pinned to core 0 (workerd too) and wrk on core 1. Exits 1 over a budget:
 * snapshot heap under 64 MB (half the isolate), cached throughput at 10,000 within 10% of that at 36, no response over
 * 2 MB, and every query plan as the migration's header says.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { isolateHeapBytes, publishObservation, type RunningWorker, startWorker } from '../test/node/support/worker';
import { bundledData } from '../worker/store';
import { buildLiveSnapshot, extendLiveSnapshot, type LiveSnapshot } from '../worker/store/live-snapshot';
import { readHead, readRevisions } from '../worker/store/read';
import { READ_COLUMNS } from '../worker/store/revision';
import { insertRows, syntheticIds, syntheticRows } from './scale-catalog';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 4);
const rounds = arg('rounds', 6);
const connections = arg('connections', 32);
const coldSamples = arg('cold', 3);
const keep = process.argv.includes('--keep');

// Budgets. Half the isolate for the data leaves the other half to rendering caches, requests and the runtime.
const ISOLATE_MB = 128;
const HEAP_BUDGET_MB = 64;
/** The cached read at 10,000 must keep this share of its throughput at 36 (the hot path does not look at the data). */
const THROUGHPUT_BUDGET = 0.9;
/** No response over this: lists page, summary pages list the first figures of each dataset, sitemaps split. */
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!has('wrk')) {
  console.error('scale: wrk is not installed (apt-get install wrk)');
  process.exit(1);
}
const pinned = has('taskset');
if (pinned && !process.env.SCALE_PINNED) {
  // Re-run on core 0 so workerd (a child) runs there too; wrk gets core 1.
  const result = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SCALE_PINNED: '1' },
  });
  process.exit(result.status ?? 1);
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || typeof WebSocket === 'undefined') {
  console.error('scale: run with node --expose-gc --experimental-websocket (npm run scale does)');
  process.exit(1);
}

const failures: string[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const kb = (bytes: number) => (bytes < 10_240 ? (bytes / 1024).toFixed(2) : (bytes / 1024).toFixed(0));
const log = (...parts: unknown[]) => console.log(...parts);
const section = (title: string) => log(`\n## ${title}\n`);
const d1Of = async (worker: RunningWorker) => (await worker.mf.getD1Database('DB')) as unknown as D1Database;

/** Milliseconds of one request, its body read; the body's size. */
async function timed(url: string, init: RequestInit = {}): Promise<{ ms: number; bytes: number; status: number }> {
  const started = performance.now();
  const res = await fetch(url, init);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - started, bytes: body.byteLength, status: res.status };
}

// 1. The catalog.
const reuse = process.argv.includes('--reuse') ? process.argv[process.argv.indexOf('--reuse') + 1] : undefined;
const dir = reuse ?? mkdtempSync(join(tmpdir(), 'zhuzhou-scale-'));
const token = `scale-${crypto.randomUUID()}`;
const tokens = `scale-officer:${token}`;
let started = performance.now();
const rows = syntheticRows();
const generated = performance.now() - started;
const ids = syntheticIds();
const kinds: Record<string, number> = {};
for (const r of rows) kinds[String(r.values.kind)] = (kinds[String(r.values.kind)] ?? 0) + 1;
section('Synthetic catalog');
log(
  `${rows.length} revisions (${Object.entries(kinds)
    .map(([k, n]) => `${n} ${k}`)
    .join(
      ', ',
    )}), ${ids.datasets.length} datasets, ${ids.indicators.length} indicators; made and validated by the store's parseRevisionInput in ${ms(generated)} ms`,
);

const filler = await startWorker({ d1: true, d1Persist: dir, tokens });
const db = await d1Of(filler);
const countRows = async () => (await db.prepare('SELECT count(*) AS n FROM revisions').first<{ n: number }>())!.n;
started = performance.now();
// `--reuse <dir>`: a database this script filled before (`--keep`), as it was left (publishes included).
if (!reuse || (await countRows()) === 0) await insertRows(db, rows);
const inserted = performance.now() - started;
const count = await countRows();
const logBytes = (await db
  .prepare(
    `SELECT sum(${READ_COLUMNS.split(', ')
      .map((c) => `coalesce(length(CAST(${c} AS BLOB)), 0)`)
      .join(' + ')}) AS n FROM revisions`,
  )
  .first<{ n: number }>())!.n;
log(
  `inserted ${count} rows in ${ms(inserted)} ms (literal multi-row INSERTs, 20 a batch); the columns the Worker reads hold ${mb(logBytes)} MB (D1 answers at most 50 MB a query: the Worker reads 5,000 rows a query)`,
);
if (count < rows.length) failures.push(`the log holds ${count} rows of ${rows.length}`);

// 2. Query plans of the Worker's statements, on the filled log.
section('Query plans (EXPLAIN QUERY PLAN on the filled log, real migrations)');
const someIndicator = `indicator:${ids.indicators[4321]}`;
const someRevision = rows[54_321]!.values.id as string;
const PLANS: { name: string; sql: string; params: unknown[]; uses: RegExp; forbid?: RegExp }[] = [
  {
    name: 'history of an indicator',
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE subject = ? ORDER BY seq`,
    params: [someIndicator],
    uses: /SEARCH revisions USING INDEX revisions_by_subject \(subject=\?\)/,
  },
  {
    name: 'current value',
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE subject = ? AND period IS NOT NULL ORDER BY period_end DESC, seq DESC LIMIT 1`,
    params: [someIndicator],
    uses: /SEARCH revisions USING INDEX revisions_observed \(subject=\?\)/,
  },
  {
    name: 'change log after a cursor',
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE seq > (SELECT seq FROM revisions WHERE id = ?) ORDER BY seq LIMIT ?`,
    params: [someRevision, 100],
    uses: /SEARCH revisions USING INTEGER PRIMARY KEY \(rowid>\?\)[\s\S]*SEARCH revisions USING COVERING INDEX sqlite_autoindex_revisions_1 \(id=\?\)/,
  },
  {
    name: 'log read (a chunk of the snapshot)',
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`,
    params: [1, count, 5000],
    uses: /SEARCH revisions USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/,
  },
  {
    name: 'head (data version)',
    sql: 'SELECT seq, id FROM revisions ORDER BY seq DESC LIMIT 1',
    params: [],
    // The rowid b-tree from its end: one page, no sort.
    uses: /^SCAN revisions$/,
  },
  {
    name: 'If-Match version',
    sql: 'SELECT max(seq) FROM revisions WHERE subject = ?',
    params: [someIndicator],
    uses: /SEARCH revisions USING COVERING INDEX revisions_by_subject \(subject=\?\)/,
  },
  {
    name: 'vintage version',
    sql: 'SELECT seq FROM revisions WHERE published_at < ? ORDER BY published_at DESC, seq DESC LIMIT 1',
    params: ['2022-01-01T00:00:00.000Z'],
    uses: /SEARCH revisions USING COVERING INDEX revisions_published \(published_at<\?\)/,
  },
  {
    name: 'idempotency key',
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE idempotency_key = ?`,
    params: ['k'],
    uses: /SEARCH revisions USING INDEX revisions_idempotency \(idempotency_key=\?\)/,
  },
];
log('| statement | plan |');
log('|---|---|');
for (const plan of PLANS) {
  const { results } = await db
    .prepare(`EXPLAIN QUERY PLAN ${plan.sql}`)
    .bind(...plan.params)
    .all<{ detail: string }>();
  const detail = results.map((r) => r.detail).join('; ');
  const lines = results.map((r) => r.detail).join('\n');
  const ok =
    plan.uses.test(lines) &&
    !/USE TEMP B-TREE/.test(lines) &&
    (plan.name.startsWith('head') || !/^SCAN revisions\b/m.test(lines));
  if (!ok) failures.push(`query plan of "${plan.name}": ${detail}`);
  log(`| ${plan.name} | \`${detail}\`${ok ? '' : ' **(not as expected)**'} |`);
}

// 3. The snapshot in Node, from the same rows: heap retained, a cold fold, and a fold after one publish.
section('The snapshot, built by the same code in Node (node --expose-gc)');
const head = (await readHead(db))!;
const meta = bundledData().meta;
gc();
gc();
const heapBefore = process.memoryUsage().heapUsed;
started = performance.now();
// The last ten are held back, to be folded on one by one as publishes would be.
let revisions = await readRevisions(db, { to: head.seq - 10 });
const nodeRead = performance.now() - started;
started = performance.now();
let nodeSnapshot: LiveSnapshot | undefined = await buildLiveSnapshot(meta, revisions, 'scale');
const coldFold = performance.now() - started;
revisions = [];
gc();
gc();
const nodeHeap = process.memoryUsage().heapUsed - heapBefore;
const readOne: number[] = [];
const extendOne: number[] = [];
for (let seq = head.seq - 9; seq <= head.seq; seq++) {
  let t = performance.now();
  const newer = await readRevisions(db, { from: seq, to: seq });
  readOne.push(performance.now() - t);
  t = performance.now();
  nodeSnapshot = await extendLiveSnapshot(nodeSnapshot!, newer, `scale-${seq}`);
  extendOne.push(performance.now() - t);
}
log(
  `read ${head.seq - 10} revisions in ${ms(nodeRead)} ms (through Miniflare's D1 proxy), folded in ${ms(coldFold)} ms; retained heap ${mb(nodeHeap)} MB (Node: 8-byte pointers; workerd compresses pointers to 4, so the isolate holds less)`,
);
log(
  `then the last 10, one at a time as publishes come: each read in ${ms(median(readOne))} ms (the proxy's round trip, mostly), folded onto the previous version (extendLiveSnapshot) in ${ms(median(extendOne))} ms (medians)`,
);
nodeSnapshot = undefined;
await filler.stop();

// 4. Cold starts: a new workerd (a new isolate) over the filled database, first request timed.
section('Cold starts');
const indicatorId = ids.indicators[1234]!;
const coldRoutes = [`/api/v1/indicators/${indicatorId}`, '/'];
const cold: Record<string, number[]> = Object.fromEntries(coldRoutes.map((r) => [r, []]));
let idleHeap = 0;
let afterFirstRead = 0;
let warm: RunningWorker | undefined;
for (let sample = 0; sample < coldSamples; sample++) {
  for (const route of coldRoutes) {
    const last = sample === coldSamples - 1 && route === coldRoutes[0];
    const worker = await startWorker({ d1: true, d1Persist: dir, tokens, inspector: last });
    if (last) idleHeap = await isolateHeapBytes(worker);
    const result = await timed(`${worker.origin}${route}`);
    if (result.status !== 200) failures.push(`cold ${route}: ${result.status}`);
    cold[route]!.push(result.ms);
    if (last) {
      afterFirstRead = await isolateHeapBytes(worker);
      warm = worker;
    } else await worker.stop();
  }
}
for (const route of coldRoutes)
  log(`first response of ${route}: median ${ms(median(cold[route]!))} ms of ${cold[route]!.map(ms).join(', ')} ms`);
log(
  `isolate heap: ${mb(idleHeap)} MB idle, ${mb(afterFirstRead)} MB after the first read (the snapshot of ${count} revisions)`,
);
if (afterFirstRead / 1024 / 1024 >= HEAP_BUDGET_MB)
  failures.push(`isolate heap after the first read ${mb(afterFirstRead)} MB ≥ ${HEAP_BUDGET_MB} MB`);
const scaled = warm!;

// 5. Sizes and first renders, at 36 (the seed) and at 10,000.
const seed = await startWorker({ d1: true, tokens });
await (await fetch(`${seed.origin}/api/v1`)).arrayBuffer();
const datasetId = ids.datasets[42]!;
const ROUTES: { name: string; at36: string; at10k: string }[] = [
  { name: 'catalog JSON `/api/v1/datasets`', at36: '/api/v1/datasets', at10k: '/api/v1/datasets' },
  { name: 'one dataset JSON', at36: '/api/v1/datasets/targets-2023', at10k: `/api/v1/datasets/${datasetId}` },
  {
    name: 'one indicator JSON',
    at36: '/api/v1/indicators/platforms-total',
    at10k: `/api/v1/indicators/${indicatorId}`,
  },
  { name: 'indicators, first page (100)', at36: '/api/v1/indicators', at10k: '/api/v1/indicators' },
  { name: 'indicators, `?limit=500`', at36: '/api/v1/indicators?limit=500', at10k: '/api/v1/indicators?limit=500' },
  { name: 'dataset CSV', at36: '/api/v1/datasets/targets-2023.csv', at10k: `/api/v1/datasets/${datasetId}.csv` },
  {
    name: 'indicators CSV, `?limit=500`',
    at36: '/api/v1/indicators.csv?limit=500',
    at10k: '/api/v1/indicators.csv?limit=500',
  },
  {
    name: 'series of an indicator',
    at36: '/api/v1/indicators/platforms-total/series',
    at10k: `/api/v1/indicators/${indicatorId}/series`,
  },
  {
    name: 'history of an indicator',
    at36: '/api/v1/indicators/platforms-total/history',
    at10k: `/api/v1/indicators/${indicatorId}/history`,
  },
  { name: 'change log, first page (100)', at36: '/api/v1/revisions', at10k: '/api/v1/revisions' },
  { name: 'change log, `?limit=500`', at36: '/api/v1/revisions?limit=500', at10k: '/api/v1/revisions?limit=500' },
  { name: 'RSS `/feed.xml`', at36: '/feed.xml', at10k: '/feed.xml' },
  { name: 'Atom `/feed.atom`', at36: '/feed.atom', at10k: '/feed.atom' },
  { name: 'JSON Feed `/feed.json`', at36: '/feed.json', at10k: '/feed.json' },
  { name: 'dataset feed (RSS)', at36: '/datasets/targets-2023/feed.xml', at10k: `/datasets/${datasetId}/feed.xml` },
  {
    name: 'indicator feed (RSS)',
    at36: '/indicators/platforms-total/feed.xml',
    at10k: `/indicators/${indicatorId}/feed.xml`,
  },
  { name: 'landing page `/`', at36: '/', at10k: '/' },
  { name: 'catalog page `/indicators`', at36: '/indicators', at10k: '/indicators' },
  { name: 'dataset page', at36: '/datasets/targets-2023', at10k: `/datasets/${datasetId}` },
  { name: 'indicator page', at36: '/indicators/platforms-total', at10k: `/indicators/${indicatorId}` },
  { name: 'sitemap `/sitemap.xml`', at36: '/sitemap.xml', at10k: '/sitemap.xml' },
  { name: 'sitemap part `/sitemaps/1.xml`', at36: '', at10k: '/sitemaps/1.xml' },
  { name: 'publishing page `/publish`', at36: '/publish', at10k: '/publish' },
  { name: 'OpenAPI document', at36: '/api/v1/openapi.json', at10k: '/api/v1/openapi.json' },
];
section('Responses (bytes as sent without compression; gzip for reference)');
const identity = { headers: { 'Accept-Encoding': 'identity' } };
log('| response | at 36: bytes | at 10,000: bytes | gzip | first render at 10,000 |');
log('|---|---:|---:|---:|---:|');
const sizes: { name: string; small?: number; large: number; gzip: number; first: number }[] = [];
for (const route of ROUTES) {
  let small: number | undefined;
  if (route.at36) {
    const res = await fetch(`${seed.origin}${route.at36}`, identity);
    small = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) failures.push(`${route.at36} at 36: ${res.status}`);
  }
  const first = await timed(`${scaled.origin}${route.at10k}`, identity);
  const res = await fetch(`${scaled.origin}${route.at10k}`, identity);
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) failures.push(`${route.at10k} at 10,000: ${res.status}`);
  if (body.byteLength > MAX_RESPONSE_BYTES)
    failures.push(`${route.at10k}: ${mb(body.byteLength)} MB, over ${mb(MAX_RESPONSE_BYTES)} MB`);
  const entry = { name: route.name, small, large: body.byteLength, gzip: gzipSync(body).byteLength, first: first.ms };
  sizes.push(entry);
  log(
    `| ${route.name} | ${small === undefined ? '—' : `${kb(small)} KiB`} | ${kb(entry.large)} KiB | ${kb(entry.gzip)} KiB | ${ms(first.ms)} ms |`,
  );
}
const afterRoutes = await isolateHeapBytes(scaled);
log(`\nisolate heap after rendering each of these once: ${mb(afterRoutes)} MB of the isolate's ${ISOLATE_MB} MB`);

// 6. A publish: the write's own request folds the new revision; the next reads render the new version.
section('After a publish');
const publishes = 5;
const post: Record<'small' | 'large', number[]> = { small: [], large: [] };
const nextRead: Record<'small' | 'large', number[]> = { small: [], large: [] };
const nextLanding: number[] = [];
for (let n = 0; n < publishes; n++) {
  for (const [which, worker, id] of [
    ['small', seed, 'platforms-total'],
    ['large', scaled, indicatorId],
  ] as const) {
    const t = performance.now();
    const res = await publishObservation(
      worker,
      token,
      id,
      { period: '2023-09-30', value: 900 + n },
      {
        'Idempotency-Key': crypto.randomUUID(),
      },
    );
    await res.arrayBuffer();
    post[which].push(performance.now() - t);
    if (res.status !== 201) failures.push(`publish at ${which}: ${res.status}`);
    nextRead[which].push((await timed(`${worker.origin}/api/v1/indicators/${id}`)).ms);
    if (which === 'large') nextLanding.push((await timed(`${worker.origin}/`)).ms);
  }
}
log(
  `POST of one observation (D1 write, read of the new row, fold, answer): median ${ms(median(post.small))} ms at 36, ${ms(median(post.large))} ms at 10,000`,
);
log(
  `next read of the indicator (first render of the new version): ${ms(median(nextRead.small))} ms at 36, ${ms(median(nextRead.large))} ms at 10,000; of the landing page at 10,000: ${ms(median(nextLanding))} ms`,
);
log(
  `of the fold, measured on the same code in Node: D1 read of the new row ${ms(median(readOne))} ms, fold ${ms(median(extendOne))} ms (a rebuild of the whole log: ${ms(coldFold)} ms)`,
);

// 7. A cached single-indicator read at 36 and at 10,000.
section(`Cached single-indicator read: wrk -t1 -c${connections} -d${seconds}s, ${rounds} interleaved rounds`);
const run = promisify(execFile);
async function load(url: string): Promise<{ rps: number; p50: number; p99: number; timeouts: number }> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url];
  const { stdout } = await run(pinned ? 'taskset' : 'wrk', pinned ? ['-c', '1', 'wrk', ...args] : args, {
    encoding: 'utf8',
  });
  // A request wrk gave up on after 2 s is counted (this shared 2-core VM stalls now and then, a bare Worker too); a
  // refused or broken connection or an error status is a failure.
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  if (/Non-2xx or 3xx responses/.test(stdout) || socket?.slice(1, 4).some((n) => n !== '0'))
    throw new Error(`${url}: ${stdout}`);
  const latency = (p: string) => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(stdout);
    if (!match) throw new Error(`scale: no ${p}% latency in wrk's output:\n${stdout}`);
    return Number(match[1]) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[match[2]!]!;
  };
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)![1]),
    p50: latency('50'),
    p99: latency('99'),
    timeouts: Number(socket?.[4] ?? 0),
  };
}
/** First render of an indicator not read before in this version (five of them, the median). */
async function firstRender(worker: RunningWorker, pool: string[]): Promise<number> {
  const times: number[] = [];
  for (const id of pool) times.push((await timed(`${worker.origin}/api/v1/indicators/${id}`)).ms);
  return median(times);
}
const first36 = await firstRender(seed, [
  'platforms-national',
  'single-champions',
  'key-tasks-2023',
  'roadshow-achievements',
  'job-fair-positions',
]);
const first10k = await firstRender(
  scaled,
  [2001, 3002, 4003, 5004, 6005].map((n) => ids.indicators[n]!),
);
await Promise.all([seed.stop(), scaled.stop()]);
// Fresh isolates for the load, neither ever inspected: a heap snapshot leaves V8 tracking every object's moves, which
// slows each later collection of that isolate.
// Without Miniflare's local assets router, as `npm run bench` (its hops cut any Worker's throughput about 3x).
const benchSmall = await startWorker({ d1: true, assets: false });
const benchLarge = await startWorker({ d1: true, d1Persist: dir, assets: false });
const targets = [
  { name: 'at 36', worker: benchSmall, path: '/api/v1/indicators/little-giants' },
  { name: 'at 10,000', worker: benchLarge, path: `/api/v1/indicators/${ids.indicators[777]}` },
];
for (const t of targets) for (let n = 0; n < 3; n++) await (await fetch(`${t.worker.origin}${t.path}`)).arrayBuffer();
// Let the 10,000's isolate settle after building its snapshot (its garbage collected before the load, not during).
await new Promise((resolve) => setTimeout(resolve, 3000));
const samples = targets.map(() => [] as { rps: number; p50: number; p99: number; timeouts: number }[]);
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [1, 0] : [0, 1];
  for (const i of order) samples[i]!.push(await load(`${targets[i]!.worker.origin}${targets[i]!.path}`));
}
log('| catalog | req/s (median) | p50 ms | p99 ms | requests timed out (of all rounds) | first render ms |');
log('|---|---:|---:|---:|---:|---:|');
const rps = samples.map((s) => median(s.map((x) => x.rps)));
for (const [i, t] of targets.entries()) {
  const s = samples[i]!;
  log(
    `| ${t.name} | ${rps[i]!.toFixed(0)} | ${ms(median(s.map((x) => x.p50)))} | ${ms(median(s.map((x) => x.p99)))} | ${s.reduce((n, x) => n + x.timeouts, 0)} | ${ms(i ? first10k : first36)} |`,
  );
}
const ratio = rps[1]! / rps[0]!;
log(`\nat 10,000 / at 36: ${(ratio * 100).toFixed(0)}% of the requests/s (budget ${THROUGHPUT_BUDGET * 100}%)`);
if (ratio < THROUGHPUT_BUDGET) failures.push(`cached read at 10,000: ${(ratio * 100).toFixed(0)}% of that at 36`);

await Promise.all([benchSmall.stop(), benchLarge.stop()]);
if (keep || reuse) log(`\nthe filled database stays in ${dir} (\`npm run scale -- --reuse ${dir}\`)`);
else rmSync(dir, { recursive: true, force: true });

// 8. The summary.
section(
  `Summary (${new Date().toISOString().slice(0, 10)}, ${pinned ? 'servers on core 0, wrk on core 1' : 'not pinned'})`,
);
const size = (name: string) => sizes.find((s) => s.name === name)!;
log(`| measure | at 36 indicators | at 10,000 indicators (${count} revisions) |`);
log('|---|---:|---:|');
log(`| first response after a cold start: one indicator | — | ${ms(median(cold[coldRoutes[0]!]!))} ms |`);
log(`| first response after a cold start: landing page | — | ${ms(median(cold[coldRoutes[1]!]!))} ms |`);
log(`| isolate heap after the first read (128 MB limit) | — | ${mb(afterFirstRead)} MB |`);
log(`| isolate heap after every route below rendered once | — | ${mb(afterRoutes)} MB |`);
log(`| snapshot alone, built in Node (8-byte pointers) | — | ${mb(nodeHeap)} MB |`);
log(`| publish: POST of one observation | ${ms(median(post.small))} ms | ${ms(median(post.large))} ms |`);
log(
  `| publish: fold of the new revision (Node) / D1 read of it | — | ${ms(median(extendOne))} ms / ${ms(median(readOne))} ms |`,
);
log(`| publish: next read of the indicator | ${ms(median(nextRead.small))} ms | ${ms(median(nextRead.large))} ms |`);
log(
  `| cached single-indicator read, req/s | ${rps[0]!.toFixed(0)} | ${rps[1]!.toFixed(0)} (${(ratio * 100).toFixed(0)}%) |`,
);
log(`| single-indicator first render | ${ms(first36)} ms | ${ms(first10k)} ms |`);
for (const name of [
  'catalog JSON `/api/v1/datasets`',
  'one dataset JSON',
  'one indicator JSON',
  'indicators, first page (100)',
  'dataset CSV',
  'RSS `/feed.xml`',
  'landing page `/`',
  'catalog page `/indicators`',
  'history of an indicator',
  'change log, first page (100)',
]) {
  const s = size(name);
  log(`| ${name}, bytes | ${s.small ?? '—'} | ${s.large} |`);
}
const largest = [...sizes].sort((a, b) => b.large - a.large)[0]!;
log(`| largest response at 10,000 | — | ${largest.name}: ${kb(largest.large)} KiB |`);

if (failures.length) {
  console.error(`\nscale: over budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
log(
  `\nscale: within budget (heap < ${HEAP_BUDGET_MB} MB, cached read ≥ ${THROUGHPUT_BUDGET * 100}% of that at 36, responses ≤ ${mb(MAX_RESPONSE_BYTES)} MB, query plans as documented)`,
);
