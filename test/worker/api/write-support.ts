/** Helpers of the write API's tests: the real Worker over the test D1, emptied and migrated before each test. */
import { applyD1Migrations, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { ensureSeeded } from '../../../worker/store';
import { get, ORIGIN } from '../support/worker';

export { get, ORIGIN };

/** The test-only token of vitest.config.ts, and the name revisions record for it. */
export const TOKEN = 'test-token-4f9c2a71e5';
export const PUBLISHER = 'test-officer';

/**
 * A log with the seed alone. The Worker's source trusts the version it checked for a second (it cannot know that a
 * test emptied the database under it), so this waits that second out: every test then reads what it wrote.
 */
export async function freshStore(): Promise<void> {
  await reset();
  await applyD1Migrations(env.DB!, env.TEST_MIGRATIONS);
  await ensureSeeded(env.DB!);
  await new Promise((resolve) => setTimeout(resolve, 1100));
}

/** A client address of its own, so the failed-authentication limit of one test does not reach another. */
let clients = 0;
export const newClient = (): string => `192.0.2.${++clients}`;

/** POSTs JSON with the test token (override any header with `headers`; `token: null` sends none). */
export function post(
  path: string,
  body: unknown,
  { token = TOKEN, headers = {} }: { token?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  return get(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const article = {
  publisher: { zh: '株洲日报', en: 'Zhuzhou Daily' },
  title: { zh: '这场“攻坚战” 株洲这样打', en: 'How Zhuzhou is fighting this "tough battle"' },
};

/** A valid body of `POST /indicators/{id}/revisions`; `extra` overrides fields. */
export const observationBody = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  period: '2023',
  value: 800,
  qualifier: 'more_than',
  figure: '800多家',
  source: { ...article, url: 'https://example.com/report' },
  reason: 'Year-end figure from the city report',
  ...extra,
});

/** Every revision id in the change log, oldest first. */
export async function changeLog(): Promise<string[]> {
  const ids: string[] = [];
  let path: string | undefined = '/api/v1/revisions?limit=500';
  while (path) {
    const res: Response = await get(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    ids.push(...(await res.json<{ revisions: { id: string }[] }>()).revisions.map((r) => r.id));
    const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('Link') ?? '')?.[1];
    path = next ? next.slice(ORIGIN.length) : undefined;
  }
  return ids;
}

/** A problem document's type, and the field names it says are at fault. */
export async function problemOf(res: Response): Promise<{ type: string; names: string[]; detail: string }> {
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = await res.json<{ type: string; detail: string; 'invalid-params'?: { name: string }[] }>();
  return { type: body.type, detail: body.detail, names: (body['invalid-params'] ?? []).map((p) => p.name) };
}
