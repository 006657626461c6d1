/**
 * `npm run publish` (scripts/publish.ts) as an officer runs it: `npx tsx scripts/publish.ts … --remote <origin>` with
 * `PUBLISH_TOKEN` in the environment, against the production bundle with a D1 database and a token. One figure, a
 * CSV with a bad row (all or nothing, the row named), dry runs that write nothing, and the CSV export re-imported.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRevisions, dotenvValue, firstToken, parseCsv } from '../../scripts/publish';
import { type RunningWorker, startWorker } from './support/worker';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'test-token-publish-cli-8d1e5b2c93';

let worker: RunningWorker;
let dir: string;

beforeAll(async () => {
  worker = await startWorker({ d1: true, tokens: `test-officer:${TOKEN}` });
  dir = mkdtempSync(join(tmpdir(), 'zz-publish-cli-'));
});
afterAll(async () => {
  await worker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the CLI against the test Worker as `npx tsx scripts/publish.ts … --remote <origin>`; resolves with its exit
 * status and output. `cwd` elsewhere than the repository (where `npx` would not find tsx) runs its tsx directly, for
 * the `.dev.vars` cases.
 */
function publish(
  args: string[],
  env: Record<string, string> = { PUBLISH_TOKEN: TOKEN },
  cwd = root,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const [command, pre] = cwd === root ? ['npx', ['tsx']] : [join(root, 'node_modules/.bin/tsx'), [] as string[]];
    const child = spawn(command, [...pre, join(root, 'scripts/publish.ts'), ...args, '--remote', worker.origin], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const getJson = async <T>(path: string): Promise<T> => (await (await fetch(`${worker.origin}${path}`)).json()) as T;
const indicator = (id: string) =>
  getJson<{ value: number; period: string; figure: string }>(`/api/v1/indicators/${id}`);
/** How many revisions the change log holds (its pages followed to the end). */
async function revisionCount(): Promise<number> {
  let count = 0;
  let url: string | undefined = `${worker.origin}/api/v1/revisions?limit=500`;
  while (url) {
    const res: Response = await fetch(url);
    const body = (await res.json()) as { revisions: unknown[] };
    count += body.revisions.length;
    const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('Link') ?? '')?.[1];
    url = next ? new URL(next, worker.origin).href : undefined;
  }
  return count;
}

describe('the CLI on its own', () => {
  it('reads tokens and CSV the way the export writes them', () => {
    expect(firstToken('officer-a:abc, officer-b:def')).toBe('abc');
    expect(dotenvValue('# x\nPUBLISH_TOKENS="a:b:c,d:e"\n', 'PUBLISH_TOKENS')).toBe('a:b:c,d:e');
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","line\nbreak"\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
    ]);
    const [row] = csvRevisions(
      "id,label,value,qualifier,figure,period,as_of,source_publisher,source_title,source_quote,source_url\r\nx,Label,12,at_least,12%以上,2023,,'=Pub,Title,quote 12%以上,https://example.org\r\n",
      'why',
    );
    expect(row).toEqual({
      line: 2,
      input: {
        kind: 'observation',
        indicator: 'x',
        period: '2023',
        value: 12,
        qualifier: 'at_least',
        figure: '12%以上',
        source: {
          publisher: { zh: '=Pub', en: '=Pub' },
          title: { zh: 'Title', en: 'Title' },
          url: 'https://example.org',
          quote: 'quote 12%以上',
        },
        reason: 'why',
      },
    });
  });

  it('prints its usage with --help, and refuses to run without a reason or a token', async () => {
    const help = await publish(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--csv <file>');
    const noReason = await publish(['platforms-total', '709', '--period', '2023-06-30']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    // No PUBLISH_TOKEN and no .dev.vars where it runs.
    const noToken = await publish(['platforms-total', '709', '--period', '2023-06-30', '--reason', 'x'], {}, dir);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('PUBLISH_TOKEN');
  });

  it('takes the first token of PUBLISH_TOKENS in .dev.vars when PUBLISH_TOKEN is not set', async () => {
    const vars = mkdtempSync(join(tmpdir(), 'zz-publish-vars-'));
    writeFileSync(join(vars, '.dev.vars'), `# local secrets\nPUBLISH_TOKENS="test-officer:${TOKEN},other:nope"\n`);
    const run = await publish(
      ['platforms-total', '708', '--period', '2023-03-31', '--reason', 'check', '--dry-run'],
      {},
      vars,
    );
    rmSync(vars, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });
});

describe('npm run publish against the Worker', () => {
  it('publishes one figure and prints the revision', async () => {
    const before = await revisionCount();
    const run = await publish([
      'platforms-provincial',
      '380',
      '--period',
      '2023-06-30',
      '--as-of',
      '2023-06-30',
      '--figure',
      '380家',
      '--reason',
      '上半年统计快报',
      '--source-title',
      '2023年上半年科技统计快报',
      '--source-title-en',
      'Science and technology statistics, first half of 2023',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Published revision \S+/);
    expect(run.stdout).toMatch(/permalink\s+http:\/\/127\.0\.0\.1:\d+\/api\/v1\/revisions\/\S+/);
    expect(run.stdout).toContain('380');
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(await indicator('platforms-provincial')).toMatchObject({ value: 380, period: '2023-06-30' });
    expect(await revisionCount()).toBe(before + 1);
    // The permalink answers with that revision.
    const permalink = /permalink\s+(\S+)/.exec(run.stdout)![1]!;
    expect(await (await fetch(permalink)).json()).toMatchObject({ value: 380, publisher: 'test-officer' });
  });

  it('--if-match: the current ETag publishes, a stale one is explained and writes nothing', async () => {
    const etag = (await fetch(`${worker.origin}/api/v1/indicators/platforms-total`)).headers.get('ETag')!;
    const args = ['platforms-total', '708', '--period', '2023-03-31', '--figure', '708家', '--reason', '复核'];
    const ok = await publish([...args, '--if-match', etag]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const before = await revisionCount();
    const stale = await publish([...args, '--if-match', etag]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Someone else published first (412)');
    expect(await revisionCount()).toBe(before);
  });

  it('a wrong token is refused in plain words, without echoing it', async () => {
    const run = await publish(['platforms-total', '709', '--period', '2023-06-30', '--reason', 'x'], {
      PUBLISH_TOKEN: 'wrong-token-5555',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('token was not accepted');
    expect(run.stdout + run.stderr).not.toContain('wrong-token-5555');
  });

  it('--dry-run validates and writes nothing', async () => {
    const before = await revisionCount();
    const ok = await publish(['platforms-total', '720', '--period', '2023-06-30', '--reason', '检查', '--dry-run']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('dry run');
    // A negative value is a value, not an option.
    const fall = await publish([
      'enterprise-rd-spending-growth-2022',
      '-2.5',
      '--period',
      '2023',
      '--reason',
      '检查',
      '--dry-run',
    ]);
    expect(fall.stderr).toBe('');
    expect(fall.stdout).toContain('= -2.5');
    const bad = await publish(['platforms-total', '720', '--period', 'June', '--reason', '检查', '--dry-run']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/period/);
    expect(await revisionCount()).toBe(before);
    expect((await indicator('platforms-total')).value).toBe(708);
  });

  it('a CSV with one bad row: nothing is written, and the row and field are named', async () => {
    const before = await revisionCount();
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'id,value,qualifier,figure,period,source_publisher_zh,source_publisher_en,source_title_zh,source_title_en',
        'platforms-total,720,exact,720家,2023-06-30,株洲市科学技术局,Zhuzhou Science and Technology Bureau,快报,Bulletin',
        'platforms-national,61,exact,61家,June 2023,株洲市科学技术局,Zhuzhou Science and Technology Bureau,快报,Bulletin',
        'platforms-provincial,381,exact,381家,2023-06-30,株洲市科学技术局,Zhuzhou Science and Technology Bureau,快报,Bulletin',
      ].join('\r\n'),
    );
    const run = await publish(['--csv', file, '--reason', '上半年统计快报']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/row 3\b.*period/);
    expect(run.stderr).not.toMatch(/row [24]\b/);
    expect(await revisionCount()).toBe(before);
    expect((await indicator('platforms-total')).value).toBe(708);
    // The same file, dry: the same answer, and nothing written either.
    const dry = await publish(['--csv', file, '--reason', '上半年统计快报', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toMatch(/row 3\b.*period/);
    expect(await revisionCount()).toBe(before);
  });

  it('the CSV export re-imports: every indicator once more, values unchanged', async () => {
    const res = await fetch(`${worker.origin}/api/v1/indicators.csv`);
    const csv = await res.text();
    const file = join(dir, 'export.csv');
    writeFileSync(file, csv);
    const before = await getJson<{ indicators: { id: string; value: number; period: string }[] }>('/api/v1/indicators');
    const count = await revisionCount();
    const dry = await publish(['--csv', file, '--reason', 'round trip (dry)', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(await revisionCount()).toBe(count);
    const run = await publish(['--csv', file, '--reason', 'round trip']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Published ${before.indicators.length} revisions`);
    expect(await revisionCount()).toBe(count + before.indicators.length);
    const after = await getJson<{ indicators: { id: string; value: number; period: string }[] }>('/api/v1/indicators');
    expect(after.indicators.map((i) => [i.id, i.value, i.period])).toEqual(
      before.indicators.map((i) => [i.id, i.value, i.period]),
    );
  });
});
