/**
 * Revisions survive a restart of `npm start`: the same steps as the quick start (migrations applied by
 * scripts/migrate-local.mjs, then `wrangler dev` over the local D1), on a database kept in a temporary folder so the
 * contributor's own `.wrangler/state` is left alone. Publish, stop, start again: the figure is still there.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const state = mkdtempSync(join(tmpdir(), 'zz-restart-'));
const TOKEN = 'restart-test-token-0123456789abcdef';

/** A free loopback port (wrangler dev needs a number). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `wrangler dev` as `npm start` runs it, on the test's database, until it answers. */
async function startDev(): Promise<{ origin: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    join(root, 'node_modules/.bin/wrangler'),
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      state,
      '--var',
      `PUBLISH_TOKENS:tester:${TOKEN}`,
    ],
    {
      cwd: root,
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 60_000; waited += 250) {
    try {
      if ((await fetch(`${origin}/api/v1`)).ok) return { origin, process: child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error('wrangler dev did not answer within 60 s');
}

/** Stops wrangler dev and waits until it has exited, so its database is closed (SIGKILL if it lingers). */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

afterAll(() => rmSync(state, { recursive: true, force: true }));

describe('npm start keeps what was published', () => {
  it('applies the migrations, serves the seed, and still has a published figure after a restart', async () => {
    const migrate = spawnSync(process.execPath, ['scripts/migrate-local.mjs', '--persist-to', state], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(migrate.status, migrate.stderr).toBe(0);

    let dev = await startDev();
    try {
      const logLength = async (origin: string) =>
        ((await (await fetch(`${origin}/api/v1/revisions?limit=500`)).json()) as { revisions: { id: string }[] })
          .revisions;
      const before = await fetch(`${dev.origin}/api/v1/indicators/platforms-national`);
      const seeded = (await logLength(dev.origin)).length;
      expect(seeded).toBeGreaterThan(36);
      expect(before.headers.get('X-Data-State')).toBe('live');
      const posted = await fetch(`${dev.origin}/api/v1/indicators/platforms-national/revisions`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': 'application/json',
          'If-Match': before.headers.get('ETag')!,
        },
        body: JSON.stringify({
          period: '2023-06-30',
          value: 61,
          qualifier: 'exact',
          figure: '61家',
          source: {
            publisher: { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' },
            title: { zh: '2023年上半年科技统计快报', en: 'Science and technology statistics, first half of 2023' },
          },
          reason: '上半年统计快报',
        }),
      });
      expect(posted.status, await posted.clone().text()).toBe(201);
      const revision = ((await posted.json()) as { revision: { id: string } }).revision.id;
      await stop(dev.process);

      dev = await startDev();
      const after = await fetch(`${dev.origin}/api/v1/indicators/platforms-national`);
      expect(await after.json()).toMatchObject({ value: 61, figure: '61家', period: '2023-06-30' });
      const permalink = await fetch(`${dev.origin}/api/v1/revisions/${revision}`);
      expect(permalink.status).toBe(200);
      // The second start found the seed and the revision, and wrote nothing again.
      const log = await logLength(dev.origin);
      expect(log).toHaveLength(seeded + 1);
      expect(log.at(-1)!.id).toBe(revision);
    } finally {
      await stop(dev.process);
    }
  }, 180_000);
});
