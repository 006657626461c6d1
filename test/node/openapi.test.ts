/**
 * The OpenAPI document served by the production bundle, checked by
 * independent tools: @readme/openapi-parser validates it against the
 * OpenAPI 3.1 specification, and Ajv (JSON Schema 2020-12) checks that live
 * responses of every operation match the schemas it declares.
 */
import { validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from './support/worker';

// The document is walked freely: its shape is what these tests check.
// biome-ignore lint/suspicious/noExplicitAny: the document is walked freely; its shape is what these tests check
type Json = Record<string, any>;

let worker: RunningWorker;
let doc: Json;
let ajv: InstanceType<typeof Ajv2020>;

beforeAll(async () => {
  // With the D1 log, as deployed: the change log and revision permalinks are live routes.
  worker = await startWorker({ d1: true });
  const res = await fetch(`${worker.origin}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Json;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  // The whole document as one schema resource, so `#/components/...` refs resolve inside it.
  ajv.addSchema({ $id: 'openapi', ...JSON.parse(JSON.stringify(doc)) }, 'openapi');
});
afterAll(() => worker?.stop());

/** Validates `body` against the schema at `pointer` in the document (JSON Pointer fragment). */
function check(body: unknown, schema: Json, label: string) {
  const validateFn = ajv.compile({ $ref: `openapi#${pointerTo(schema)}` });
  const ok = validateFn(body);
  expect(ok, `${label}: ${JSON.stringify(validateFn.errors?.slice(0, 3))}`).toBe(true);
}

/** Finds the JSON Pointer of `target` inside the document (schemas are compiled by reference, not copied). */
function pointerTo(target: Json): string {
  const walk = (node: unknown, path: string): string | undefined => {
    if (node === target) return path;
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        const found = walk(v, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return walk(doc, '')!;
}

const SAMPLE_IDS: Record<string, string> = {
  dataset: 'innovation-platforms',
  indicator: 'platforms-total',
  'news item': 'job-fair-guizhou',
  revision: 'seed-indicator-platforms-total',
};

describe('OpenAPI document of the production bundle', () => {
  it('is valid OpenAPI 3.1 for @readme/openapi-parser', async () => {
    const result = await validate(JSON.parse(JSON.stringify(doc)));
    const errors = result.valid ? [] : result.errors;
    expect(errors, JSON.stringify(errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('would notice a broken document or a body that breaks its schema (the checks can fail)', async () => {
    const broken = JSON.parse(JSON.stringify(doc));
    broken.paths['/indicators'].get.responses = { '200': { content: {} } };
    expect((await validate(broken)).valid).toBe(false);
    const schema = doc.paths['/datasets'].get.responses['200'].content['application/json'].schema;
    const fn = ajv.compile({ $ref: `openapi#${pointerTo(schema)}` });
    expect(fn({ datasets: [{ id: 'Not A Slug' }] })).toBe(false);
    expect(fn({ datasets: [] })).toBe(true);
  });

  it('compiles every component schema as JSON Schema 2020-12', () => {
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.compile({ $ref: `openapi#/components/schemas/${name}` }), name).not.toThrow();
    }
  });

  it('describes what every operation really returns, in both languages and with lang', async () => {
    let checked = 0;
    for (const [template, item] of Object.entries<Json>(doc.paths)) {
      // Write-only paths (POST) are checked by the write API's tests in workerd.
      if (!item.get) continue;
      const get = item.get as Json;
      const path = template.replace('{id}', () => {
        const idParam = get.parameters.find((p: Json) => p.in === 'path');
        const what = /The (.+)'s id/.exec(idParam.description)![1]!;
        return SAMPLE_IDS[what]!;
      });
      const content = get.responses['200'].content as Json;
      for (const query of ['', '?lang=en', '?lang=zh']) {
        const takesLang = get.parameters.some((p: Json) => p.$ref === '#/components/parameters/lang');
        if (query && !takesLang) continue;
        const res = await fetch(`${worker.origin}/api/v1${path === '/' ? '' : path}${query}`);
        expect(res.status, path + query).toBe(200);
        const type = res.headers.get('content-type')!.split(';')[0]!;
        expect(Object.keys(content), path).toContain(type);
        if (type === 'application/json') check(await res.json(), content[type].schema, path + query);
        else await res.arrayBuffer();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('describes batches, filters and CSV as served', async () => {
    const list = doc.paths['/indicators'].get.responses['200'].content;
    const batch = await fetch(`${worker.origin}/api/v1/indicators?ids=platforms-total,no-such-id&lang=en`);
    check(await batch.json(), list['application/json'].schema, 'batch');
    const filtered = await fetch(`${worker.origin}/api/v1/indicators?kind=target&unit=percent`);
    check(await filtered.json(), list['application/json'].schema, 'filtered');
    const csv = await fetch(`${worker.origin}/api/v1/indicators?format=csv`);
    expect(Object.keys(list)).toContain(csv.headers.get('content-type')!.split(';')[0]);
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('describes the problems the API sends', async () => {
    const cases: [string, string, RequestInit?][] = [
      ['/api/v1/indicators?kind=nope', '400'],
      ['/api/v1/indicators?nope=1', '400'],
      ['/api/v1/indicators/nope', '404'],
      ['/api/v1/datasets', '406', { headers: { Accept: 'text/html' } }],
      [`/api/v1/indicators?ids=${'a,'.repeat(1500)}`, '414'],
    ];
    for (const [path, status, init] of cases) {
      const res = await fetch(`${worker.origin}${path}`, init);
      expect(String(res.status), path).toBe(status);
      const template = path.includes('/indicators/') ? '/indicators/{id}' : path.split('?')[0]!.replace('/api/v1', '');
      const declared = doc.paths[template].get.responses[status];
      expect(declared, `${template} ${status}`).toBeDefined();
      const response = declared.$ref ? doc.components.responses[declared.$ref.split('/').pop()] : declared;
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      check(await res.json(), response.content['application/problem+json'].schema, path.slice(0, 60));
    }
  });

  it('is the same document on every request (rendered once per version)', async () => {
    const a = await fetch(`${worker.origin}/api/v1/openapi.json`);
    const b = await fetch(`${worker.origin}/api/v1/openapi.json`, {
      headers: { 'If-None-Match': a.headers.get('etag')! },
    });
    expect(b.status).toBe(304);
    expect(await a.json()).toEqual(doc);
  });
});
