import { Hono } from 'hono';
import type { App } from '../app-env';

/** Routes of this feature; mounted by `worker/app.ts`. */
export const feeds = new Hono<App>();
