/**
 * The HTML pages: `/` (landing), `/datasets/:id`, `/indicators/:id`,
 * `/problems` and `/problems/:type`, in Chinese at the root and in English
 * under `/en` (`/en/`, `/en/datasets/:id`, …), plus their stylesheet and
 * script under `/assets/`. Pages ignore query strings (a `?utm_…` on a link
 * must not break it); the canonical link names the one URL of each page.
 */
import { Hono } from 'hono';
import { embedCode } from '../embed/snippet';
import type { AppEnv } from '../env';
import { fnv1a } from '../http';
import { serveAsset } from './assets';
import { datasetPage } from './dataset-page';
import { LANG_PREFIX } from './i18n';
import { indicatorPage } from './indicator-page';
import { landingPage } from './landing';
import { notFound } from './not-found';
import { sendPage } from './page-response';
import { isProblemType, problemPage, problemsIndexPage } from './problem-page';

export { pathLang } from './i18n';
export { notFound } from './not-found';
export { PAGE_CSP } from './page-response';

/** Routes of this feature; mounted by `worker/app.ts`. */
export const pages = new Hono<AppEnv>();

for (const lang of ['zh', 'en'] as const) {
  const prefix = LANG_PREFIX[lang];

  pages.get(`${prefix}/`, (c) => sendPage(c, 'landing', lang, (o) => landingPage(c.var.snapshot, o)));

  pages.get(`${prefix}/datasets/:id`, (c) => {
    const id = c.req.param('id');
    const dataset = c.var.snapshot.dataset(id);
    if (!dataset) return notFound(c, lang, `No dataset "${id}". See /api/v1/datasets for the datasets that exist.`);
    return sendPage(c, `dataset:${id}`, lang, (o) => datasetPage(c.var.snapshot, dataset, o));
  });

  pages.get(`${prefix}/indicators/:id`, async (c) => {
    const id = c.req.param('id');
    const indicator = c.var.snapshot.indicator(id);
    if (!indicator)
      return notFound(c, lang, `No indicator "${id}". See /api/v1/datasets for the indicators that exist.`);
    const embed = await embedCode(c, indicator, lang);
    // The embed code can change without the data (a new widget build), so its hash is part of the key.
    return sendPage(c, `indicator:${id}:${fnv1a(embed.html)}`, lang, (o) =>
      indicatorPage(c.var.snapshot, indicator, embed, o),
    );
  });

  pages.get(`${prefix}/problems`, (c) => sendPage(c, 'problems', lang, (o) => problemsIndexPage(c.var.snapshot, o)));

  pages.get(`${prefix}/problems/:type`, (c) => {
    const type = c.req.param('type');
    if (!isProblemType(type))
      return notFound(c, lang, `No problem type "${type}". See /problems for the documented types.`);
    return sendPage(c, `problem:${type}`, lang, (o) => problemPage(c.var.snapshot, type, o));
  });
}

// `/en` without the slash: the English landing page's canonical URL is `/en/`.
pages.get('/en', (c) => c.redirect('/en/', 301));

pages.get('/assets/:file', serveAsset);
