import { env } from 'cloudflare:workers';
import { createWorker } from './app';
import { d1Source } from './store';

/**
 * The Worker: API, feeds, pages and widget bundle over the D1 revision log. One source per isolate, so its snapshot
 * lives as long as the isolate; without the `DB` binding (or its tables) it serves the bundled data.
 */
export default createWorker(d1Source(env.DB));
