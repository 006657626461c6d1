/**
 * The HTML pages of the production bundle, validated over real HTTP with
 * html-validate's recommended rules (HTML5 content models, WCAG techniques,
 * ids, headings, landmarks, escaping). No rule is turned off.
 */
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from './support/worker';

/** The recommended preset as it is: no rule relaxed. */
const CONFIG: ConfigData = { extends: ['html-validate:recommended'] };

const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let worker: RunningWorker;
const validator = new HtmlValidate(CONFIG);

beforeAll(async () => {
  worker = await startWorker();
});
afterAll(() => worker?.stop());

/** One line per finding, for a readable failure. */
const describeMessages = (messages: Message[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);

async function validate(path: string, expectedStatus = 200): Promise<string[]> {
  const res = await fetch(`${worker.origin}${path}`, { headers: BROWSER });
  expect(res.status, path).toBe(expectedStatus);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const report = await validator.validateString(await res.text(), path);
  return report.results.flatMap((r) => describeMessages(r.messages));
}

/** Every dataset and its indicators, found through the API as a client would. */
async function catalog(): Promise<{ id: string; indicators: string[] }[]> {
  const { datasets } = (await (await fetch(`${worker.origin}/api/v1/datasets`)).json()) as { datasets: { id: string }[] };
  return Promise.all(
    datasets.map(async ({ id }) => {
      const detail = (await (await fetch(`${worker.origin}/api/v1/datasets/${id}`)).json()) as { indicators: { id: string }[] };
      return { id, indicators: detail.indicators.map((i) => i.id) };
    }),
  );
}

describe('HTML pages of the production bundle pass html-validate (recommended)', () => {
  it.each(['/', '/en/'])('landing page %s', async (path) => {
    expect(await validate(path)).toEqual([]);
  });

  it('every dataset page and indicator page, in both languages', async () => {
    const datasets = await catalog();
    expect(datasets.length).toBeGreaterThan(0);
    const findings: string[] = [];
    for (const prefix of ['', '/en']) {
      for (const dataset of datasets) {
        for (const path of [`${prefix}/datasets/${dataset.id}`, ...dataset.indicators.map((id) => `${prefix}/indicators/${id}`)]) {
          findings.push(...(await validate(path)).map((f) => `${path} ${f}`));
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it('problem type pages and the HTML 404', async () => {
    expect(await validate('/problems')).toEqual([]);
    expect(await validate('/en/problems/not-found')).toEqual([]);
    expect(await validate('/datasets/no-such-dataset', 404)).toEqual([]);
  });

  it('the validator does flag broken markup (the check can fail)', async () => {
    const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><main><h1>a</h1><h3>b</h3><p><div></div></p></main></body></html>');
    expect(report.valid).toBe(false);
  });
});

describe('served with the page CSP over real HTTP', () => {
  it('every page response, 404 included, carries the CSP and its assets load', async () => {
    const [dataset] = await catalog();
    for (const path of ['/', `/en/datasets/${dataset!.id}`, `/indicators/${dataset!.indicators[0]}`, '/datasets/no-such-dataset']) {
      const res = await fetch(`${worker.origin}${path}`, { headers: BROWSER });
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
      );
      const html = await res.text();
      for (const [, url] of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) {
        const asset = await fetch(`${worker.origin}${url}`);
        expect(asset.status, url).toBe(200);
        expect(asset.headers.get('cache-control')).toContain('immutable');
      }
    }
  });
});
