/**
 * Runs the production bundle (`dist/worker/index.js`, built by `npm test`
 * through `wrangler deploy --dry-run`) in workerd through Miniflare's API, with
 * the built assets, on a loopback port. Node-side tests talk to it over real HTTP.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';

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
    script?: string /** Leave out the assets router (the benchmark measures our code alone). */;
    assets?: boolean;
  } = {},
): Promise<RunningWorker> {
  const mf = new Miniflare({
    name: 'zhuzhou-innovation-open-data',
    // `script` runs another Worker in the same setup (the benchmark's bare baseline).
    ...(options.script ? { script: options.script } : { scriptPath: `${root}/dist/worker/index.js` }),
    modules: true,
    compatibilityDate,
    bindings: { PUBLIC_ORIGIN: options.publicOrigin ?? '' },
    ...(options.assets === false
      ? {}
      : {
          assets: {
            directory: `${root}/dist/assets`,
            binding: 'ASSETS',
            routerConfig: { invoke_user_worker_ahead_of_assets: true, has_user_worker: true },
          },
        }),
    host: '127.0.0.1',
    port: options.port ?? 0,
  });
  const url = await mf.ready;
  return { origin: url.origin, mf, stop: () => mf.dispose() };
}
