// Types `cloudflare:workers` (`env`, `exports`) for this Worker, as `wrangler types` would.
type WorkerEnv = import('./env').Env;

declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('./index');
  }
  interface Env extends WorkerEnv {}
}
