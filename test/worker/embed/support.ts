/** Helpers for embed-kit tests: calls go through the real Worker (or the real app over other data) in workerd. */

import { env as workerEnv } from 'cloudflare:workers';
import { expect } from 'vitest';
import { files } from '../../../data';
import { createApp } from '../../../worker/app';
import { loadData } from '../../../worker/data-source';
import { createSnapshot, type Snapshot } from '../../../worker/data-source/snapshot';
import type { Env } from '../../../worker/env';
import type { WidgetManifest } from '../../../worker/markup';

import { ORIGIN } from '../support/worker';

export { get, ORIGIN } from '../support/worker';

/** The Worker's bindings (wrangler.toml), typed as the Worker sees them. */
export const env = workerEnv as unknown as Env;

/** The bundled data, as the Worker serves it. */
export const data = loadData(files);
export const snapshot: Promise<Snapshot> = createSnapshot(data);

/** Every indicator of the bundled data, dataset by dataset. */
export const indicators = data.datasets.flatMap((d) => d.indicators);

/** The value of attribute `name` in markup written by the embed kit (double-quoted; `&amp;` decoded, as in its URLs). */
export const attr = (html: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');

/** A label that would run script if any renderer forgot to escape it. */
export const HOSTILE = `<img src=x onerror="alert(1)">'&</script><script>alert(2)</script>`;

/** The bundled data with every text of `platforms-total` and its dataset replaced by {@link HOSTILE}. */
export function hostileData() {
  const copy = structuredClone(data);
  const dataset = copy.datasets.find((d) => d.indicators.some((i) => i.id === 'platforms-total'))!;
  dataset.title = { zh: HOSTILE, en: HOSTILE };
  for (const i of dataset.indicators) {
    if (i.id !== 'platforms-total') continue;
    i.label = { zh: HOSTILE, en: HOSTILE };
    i.unitLabel = { zh: HOSTILE, en: HOSTILE };
    i.source = { ...i.source, publisher: { zh: HOSTILE, en: HOSTILE }, title: { zh: HOSTILE, en: HOSTILE } };
  }
  return copy;
}

/** The real app over the hostile data, with the Worker's bindings. */
export async function hostileFetch(path: string): Promise<Response> {
  const hostile = await createSnapshot(hostileData());
  const app = createApp({ current: async () => hostile });
  return app.request(`${ORIGIN}${path}`, {}, env);
}

/** True when `html` holds markup of the hostile label (an `<img>` or `<script>` element that is not ours). */
export const hasHostileMarkup = (html: string): boolean => /<img src=x|<script>alert|onerror="alert/.test(html);

/** The widget manifest the build wrote, read through the same binding the Worker uses; undefined before a build. */
/** A built static asset's text, read through the Worker's ASSETS binding. */
export async function assetText(path: string): Promise<string> {
  const res = await env.ASSETS.fetch(`https://assets.invalid${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.text();
}

export async function builtManifest(): Promise<WidgetManifest | undefined> {
  const res = await env.ASSETS.fetch('https://assets.invalid/widgets/manifest.json');
  return res.ok ? res.json<WidgetManifest>() : undefined;
}

/** A problem+json response's status and the names its `invalid-params` member lists. */
export async function problem(
  res: Response,
): Promise<{ status: number; type: string; names: string[]; detail: string }> {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
  const body = await res.json<{
    status: number;
    type: string;
    detail: string;
    'invalid-params'?: { name: string }[];
  }>();
  expect(body.status).toBe(res.status);
  return {
    status: body.status,
    type: body.type,
    detail: body.detail,
    names: (body['invalid-params'] ?? []).map((p) => p.name),
  };
}
