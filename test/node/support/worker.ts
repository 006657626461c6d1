/**
 * Runs the production bundle (`dist/worker/index.js`, built by `npm test`
 * through `wrangler deploy --dry-run`) in workerd through Miniflare's API, with
 * the built assets, on a loopback port. Node-side tests talk to it over real HTTP.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { apiIndicatorRevisions } from '../../../worker/links';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const compatibilityDate = /compatibility_date\s*=\s*"([^"]+)"/.exec(readFileSync(`${root}/wrangler.toml`, 'utf8'))![1]!;

/** A running Worker: its origin, and a way to stop it. */
export interface RunningWorker {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  mf: Miniflare;
  stop(): Promise<void>;
}

/** Starts the built Worker (or `script`) with the built assets on a free loopback port. */
export async function startWorker(
  options: {
    port?: number;
    publicOrigin?: string;
    script?: string;
    /**
     * `false` leaves out Miniflare's assets router (the benchmark measures our code alone); the Worker's `ASSETS`
     * binding then reads the same files straight from the directory.
     */
    assets?: boolean;
    /**
     * A D1 database `DB` (in memory, this run only) with the real migrations (`data/migrations/*.sql`) applied before
     * the first request, so the Worker serves and writes live data. Without it, `DB` is unbound (the bundled data).
     */
    d1?: boolean;
    /**
     * With `d1`: keep the database in this directory instead of in memory, so another Worker started over the same
     * directory (a cold start) finds it filled. The migrations are applied only to a database that has none yet.
     */
    d1Persist?: string;
    /** Open the V8 inspector on a free port (the scale script reads the isolate's heap through it). */
    inspector?: boolean;
    /** The `PUBLISH_TOKENS` secret (`name:token,name:token`) for the write routes; unset without it. */
    tokens?: string;
    /** Static assets from another build (default `dist/assets`): the widget release test serves a rebuilt copy. */
    assetsDirectory?: string;
    /**
     * Serve the Worker on a socket of its own, without Miniflare's entry Worker in front (as on Cloudflare, where no
     * such hop exists); `origin` is then that socket's.
     */
    direct?: boolean;
  } = {},
): Promise<RunningWorker> {
  const mf = new Miniflare({
    name: 'zhuzhou-innovation-open-data',
    // `script` runs another Worker in the same setup (the benchmark's bare baseline).
    ...(options.script ? { script: options.script } : { scriptPath: `${root}/dist/worker/index.js` }),
    modules: true,
    compatibilityDate,
    bindings: {
      PUBLIC_ORIGIN: options.publicOrigin ?? '',
      ...(options.tokens === undefined ? {} : { PUBLISH_TOKENS: options.tokens }),
    },
    ...(options.d1 ? { d1Databases: { DB: 'zhuzhou-open-data-test' } } : {}),
    ...(options.d1Persist ? { d1Persist: options.d1Persist } : {}),
    ...(options.inspector ? { inspectorPort: 0 } : {}),
    ...(options.assets === false
      ? { serviceBindings: { ASSETS: serveFiles(options.assetsDirectory ?? `${root}/dist/assets`) } }
      : {
          assets: {
            directory: options.assetsDirectory ?? `${root}/dist/assets`,
            binding: 'ASSETS',
            routerConfig: { invoke_user_worker_ahead_of_assets: true, has_user_worker: true },
          },
        }),
    host: '127.0.0.1',
    port: options.port ?? 0,
    ...(options.direct ? { unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] } : {}),
  });
  const entry = await mf.ready;
  const url = options.direct ? await mf.unsafeGetDirectURL() : entry;
  if (options.d1) {
    const db = (await mf.getD1Database('DB')) as unknown as D1Database;
    const migrated =
      options.d1Persist &&
      (await db.prepare("SELECT 1 AS yes FROM sqlite_master WHERE type = 'table' AND name = 'revisions'").first());
    if (!migrated) await applyMigrations(db);
  }
  return { origin: url.origin, mf, stop: () => mf.dispose() };
}

/** Content types of the built files. */
const CONTENT_TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json' };

/**
 * A static file server for the `ASSETS` binding without Miniflare's router: a path under `directory` with a strong
 * ETag of its bytes (as Workers Static Assets gives), 304 on a match, 404 otherwise.
 */
function serveFiles(directory: string) {
  return (request: Request): Response => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    let bytes: Buffer;
    try {
      if (path.includes('..')) throw new Error('outside');
      bytes = readFileSync(`${directory}${path}`);
    } catch {
      return new Response('Not Found', { status: 404 });
    }
    const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
    const headers = { ETag: etag, 'Content-Type': CONTENT_TYPES[path.split('.').pop()!] ?? 'application/octet-stream' };
    if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(bytes), { headers });
  };
}

/** Splits a migration file into statements: `;` at the end of a line ends one, except inside `BEGIN … END;`. */
export function sqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inBody = false;
  for (const line of sql.split('\n')) {
    const code = line.replace(/--.*$/, '').trim();
    if (!code && !current.length) continue;
    current.push(line);
    if (/\bBEGIN$/i.test(code)) inBody = true;
    if (inBody ? /^END;$/i.test(code) : code.endsWith(';')) {
      statements.push(current.join('\n').trim());
      current = [];
      inBody = false;
    }
  }
  if (current.join('').trim()) statements.push(current.join('\n').trim());
  return statements;
}

/** Applies every `data/migrations/*.sql`, in order, each file in one batch. */
export async function applyMigrations(db: D1Database): Promise<void> {
  const dir = `${root}/data/migrations`;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const statements = sqlStatements(readFileSync(`${dir}/${file}`, 'utf8'));
    await db.batch(statements.map((sql) => db.prepare(sql)));
  }
}

/**
 * Publishes one observation of an indicator through the write API, as a data officer would (`POST
 * /api/v1/indicators/:id/revisions`). `body` is merged over an exact figure from the bureau with a reason; the caller
 * checks the answer (201, or the problem it expects).
 *
 * @example expect((await publishObservation(worker, token, 'platforms-total', { period: '2023-06-30', value: 716 })).status).toBe(201);
 */
export function publishObservation(
  worker: RunningWorker,
  token: string,
  id: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${worker.origin}${apiIndicatorRevisions(id)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({
      qualifier: 'exact',
      source: {
        publisher: { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' },
        title: { zh: '统计快报', en: 'Statistical bulletin' },
      },
      reason: 'test publication',
      ...body,
    }),
  });
}

/**
 * The isolate's V8 heap in use, in bytes, after a full collection: read over the inspector protocol (workerd answers
 * `Runtime.getHeapUsage`; a heap snapshot is how to make it collect first, the snapshot itself is thrown away).
 */
export async function isolateHeapBytes(worker: RunningWorker): Promise<number> {
  const inspector = await worker.mf.getInspectorURL();
  const targets = (await (await fetch(new URL('/json', inspector.href.replace(/^ws/, 'http')))).json()) as {
    id: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => t.id === 'core:user:zhuzhou-innovation-open-data');
  if (!target) throw new Error('no inspector target for the Worker: start it with `inspector: true`');
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', reject);
  });
  const used = new Promise<number>((resolve) =>
    ws.addEventListener('message', (event) => {
      const text = String(event.data);
      // The snapshot's chunks (events, no id) are many megabytes: not parsed.
      if (!text.startsWith('{"id":')) return;
      const message = JSON.parse(text) as { id?: number; result?: { usedSize: number } };
      if (message.id === 2 && message.result) resolve(message.result.usedSize);
    }),
  );
  ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.takeHeapSnapshot', params: { reportProgress: false } }));
  ws.send(JSON.stringify({ id: 2, method: 'Runtime.getHeapUsage', params: {} }));
  const bytes = await used;
  ws.close();
  return bytes;
}
