// Types `cloudflare:workers` (`env`, `exports`) for this Worker, as `wrangler types` would.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('./index');
  }
  interface Env extends import('./env').Env {}
}
