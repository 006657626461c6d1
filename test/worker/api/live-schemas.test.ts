/**
 * The new responses match the valibot schemas the OpenAPI document is generated from (so the document describes them),
 * in both languages and with `lang`; and the request body schemas refuse what the routes refuse.
 */

import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneLanguageSchema } from '../../../worker/api/localize';
import {
  BatchResultSchema,
  ChangeLogSchema,
  DryRunSchema,
  HistorySchema,
  ObservationBodySchema,
  RevisionSchema,
  SeriesSchema,
  WriteResultSchema,
} from '../../../worker/api/schema';
import { freshStore, get, observationBody, post } from './write-support';

const INDICATOR = '/api/v1/indicators/platforms-total';

/** Fails with the first issues when `value` does not match `schema`. */
function matches(schema: v.GenericSchema, value: unknown, label: string) {
  const result = v.safeParse(schema, value);
  expect(
    result.success,
    `${label}: ${JSON.stringify(result.issues?.slice(0, 3).map((i) => [i.path?.map((p) => p.key).join('.'), i.message]))}`,
  ).toBe(true);
}

let written: Response;
beforeAll(async () => {
  await freshStore();
  written = await post(`${INDICATOR}/revisions`, observationBody());
  expect((await post(`${INDICATOR}/withdrawal`, { reason: 'test' }, { headers: {} })).status).toBe(201);
});

describe('live responses match their documented schemas', () => {
  it('201 of a write, of a batch, and 200 of a dry run', async () => {
    expect(written.status).toBe(201);
    matches(WriteResultSchema, await written.json(), 'write');
    const batch = await post('/api/v1/revisions', {
      revisions: [{ kind: 'observation', indicator: 'platforms-national', ...observationBody({ figure: undefined }) }],
    });
    matches(BatchResultSchema, await batch.json(), 'batch');
    const dry = await post(
      '/api/v1/indicators/platforms-national/revisions?dry-run=true',
      observationBody({ figure: undefined }),
    );
    matches(DryRunSchema, await dry.json(), 'dry run');
  });

  it.each([
    [`${INDICATOR}/series`, SeriesSchema],
    [`${INDICATOR}/history`, HistorySchema],
    ['/api/v1/revisions?limit=500', ChangeLogSchema],
    ['/api/v1/revisions/seed-news-job-fair-guizhou', RevisionSchema],
    ['/api/v1/revisions/seed-dataset-innovation-platforms', RevisionSchema],
  ] as const)('%s, with and without lang', async (path, schema) => {
    matches(schema, await (await get(path)).json(), path);
    for (const lang of ['zh', 'en']) {
      const url = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
      matches(oneLanguageSchema(schema), await (await get(url)).json(), url);
    }
  });

  it('the observation body schema is strict: the publisher is never in the body', () => {
    expect(v.safeParse(ObservationBodySchema, observationBody()).success).toBe(true);
    expect(v.safeParse(ObservationBodySchema, { ...observationBody(), publisher: 'x' }).success).toBe(false);
    expect(v.safeParse(ObservationBodySchema, { ...observationBody(), kind: 'observation' }).success).toBe(false);
  });
});
