/**
 * The HTML pages: `/` (landing), `/datasets/:id`, `/indicators/:id`,
 * `/problems` and `/problems/:type`, in Chinese at the root and in English
 * under `/en` (`/en/`, `/en/datasets/:id`, …), plus their stylesheet and
 * script under `/assets/`. Pages ignore query strings (a `?utm_…` on a link
 * must not break it); the canonical link names the one URL of each page.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { fnv1a } from '../http';
import { LANG_PREFIX } from '../language';
import { apiDatasets, homePath, localized, problemsPath, ROUTES } from '../links';
import { embedCode } from '../markup';
import { serveAsset } from './assets';
import { datasetPage } from './dataset-page';
import { indicatorPage } from './indicator-page';
import { landingPage } from './landing';
import { notFound } from './not-found';
import { sendPage } from './page-response';
import { isProblemType, problemPage, problemsIndexPage } from './problem-page';

export { pathLang } from '../language';
export { notFound } from './not-found';
export { PAGE_CSP } from './page-response';

/** Routes of this feature; mounted by `worker/app.ts`. */
export const pages = new Hono<AppEnv>();

for (const lang of ['zh', 'en'] as const) {
  pages.get(localized(lang, ROUTES.home), (c) => sendPage(c, 'landing', lang, (o) => landingPage(c.var.snapshot, o)));

  pages.get(localized(lang, ROUTES.dataset), (c) => {
    const id = c.req.param('id') ?? '';
    const dataset = c.var.snapshot.dataset(id);
    if (!dataset) return notFound(c, lang, `No dataset "${id}". See ${apiDatasets()} for the datasets that exist.`);
    return sendPage(c, `dataset:${id}`, lang, (o) => datasetPage(c.var.snapshot, dataset, o));
  });

  pages.get(localized(lang, ROUTES.indicator), async (c) => {
    const id = c.req.param('id') ?? '';
    const indicator = c.var.snapshot.indicator(id);
    if (!indicator)
      return notFound(c, lang, `No indicator "${id}". See ${apiDatasets()} for the indicators that exist.`);
    const embed = await embedCode(c, indicator, lang);
    // The embed code can change without the data (a new widget build), so its hash is part of the key.
    return sendPage(c, `indicator:${id}:${fnv1a(embed.html)}`, lang, (o) =>
      indicatorPage(c.var.snapshot, indicator, embed, o),
    );
  });

  pages.get(localized(lang, ROUTES.problems), (c) =>
    sendPage(c, 'problems', lang, (o) => problemsIndexPage(c.var.snapshot, o)),
  );

  pages.get(localized(lang, ROUTES.problem), (c) => {
    const type = c.req.param('type') ?? '';
    if (!isProblemType(type))
      return notFound(c, lang, `No problem type "${type}". See ${problemsPath('zh')} for the documented types.`);
    return sendPage(c, `problem:${type}`, lang, (o) => problemPage(c.var.snapshot, type, o));
  });
}

// `/en` without the slash: the English landing page's canonical URL is `/en/`.
pages.get(LANG_PREFIX.en, (c) => c.redirect(homePath('en'), 301));

pages.get(ROUTES.siteAsset, serveAsset);
