/**
 * The HTML pages: `/` (landing), `/datasets/:id`, `/indicators/:id`,
 * `/problems` and `/problems/:type`, in Chinese at the root and in English
 * under `/en` (`/en/`, `/en/datasets/:id`, …), plus their stylesheet and
 * script under `/assets/`. Pages ignore query strings (a `?utm_…` on a link
 * must not break it); the canonical link names the one URL of each page.
 */
import { Hono } from 'hono';
import type { Snapshot } from '../data-source';
import type { AppEnv } from '../env';
import { didYouMean, fnv1a, send, suggestIds } from '../http';
import { apiDatasets, apiNews, datasetPath, indicatorPath, localized, problemsPath, ROUTES } from '../links';
import { SITEMAP_PART } from '../links/server';
import { embedCode, widgetManifest } from '../markup';
import type { Lang } from '../schema';
import { apiReferencePage, type OpenApiDocument } from './api-reference';
import { serveAsset } from './assets';
import { catalogPage } from './catalog-page';
import { datasetPage } from './dataset-page';
import { BUILDER_CSP, builderVariants } from './embed-builder';
import { indicatorPage } from './indicator-page';
import { landingPage } from './landing';
import { serveFavicon } from './mark';
import { newsPage } from './news-page';
import { notFound } from './not-found';
import { pageHeaders, renderPage, sendPage } from './page-response';
import { isProblemType, problemPage, problemsIndexPage } from './problem-page';
import { PUBLISH_CSP, publishPage } from './publish-page';
import { serveRobots, serveSitemap, serveSitemapPart } from './sitemap';

export { pathLang } from '../language';
export { notFound } from './not-found';
export { PAGE_CSP } from './page-response';

/** Headers of a page with the embed builder: its preview frames the iframe card, so the CSP adds `frame-src 'self'`. */
const builderHeaders = (lang: Lang) => ({ ...pageHeaders(lang), 'Content-Security-Policy': BUILDER_CSP });

/** Routes of this feature; mounted by `worker/app.ts`. */
export const pages = new Hono<AppEnv>();

for (const lang of ['zh', 'en'] as const) {
  pages.get(localized(lang, ROUTES.home), (c) => sendPage(c, 'landing', lang, (o) => landingPage(c.var.snapshot, o)));

  pages.get(localized(lang, ROUTES.news), (c) => {
    const id = c.req.param('id') ?? '';
    const news = c.var.snapshot.news.find((n) => n.id === id);
    if (!news) return notFound(c, lang, `No news item "${id}". See ${apiNews()} for the events that exist.`);
    return sendPage(c, `news:${id}`, lang, (o) => newsPage(c.var.snapshot, news, o));
  });

  pages.get(localized(lang, ROUTES.indicators), (c) =>
    sendPage(c, 'indicators', lang, (o) => catalogPage(c.var.snapshot, o)),
  );

  pages.get(localized(lang, ROUTES.dataset), async (c) => {
    const id = c.req.param('id') ?? '';
    const dataset = c.var.snapshot.dataset(id);
    if (!dataset) {
      const [near] = suggestIds(
        id,
        c.var.snapshot.datasets.map((d) => d.id),
      );
      return notFound(
        c,
        lang,
        `No dataset "${id}".${didYouMean(near ? [near] : [])} See ${apiDatasets()} for the datasets that exist.`,
        near ? { id: near, path: datasetPath(near, lang) } : undefined,
      );
    }
    const embed = { ...(await embedCode(c, dataset, lang)), variants: await builderVariants(c, dataset) };
    // The embed code can change without the data (a new widget build), so its hash is part of the key.
    const page = renderPage(c, `dataset:${id}:${fnv1a(embed.html)}`, lang, (o) =>
      datasetPage(c.var.snapshot, dataset, o, embed),
    );
    return send(c, c.var.snapshot, page, { headers: builderHeaders(lang) });
  });

  pages.get(localized(lang, ROUTES.indicator), async (c) => {
    const id = c.req.param('id') ?? '';
    const indicator = c.var.snapshot.indicator(id);
    if (!indicator) {
      const [near] = suggestIds(
        id,
        c.var.snapshot.indicators.map((i) => i.id),
      );
      return notFound(
        c,
        lang,
        `No indicator "${id}".${didYouMean(near ? [near] : [])} See ${apiDatasets()} for the indicators that exist.`,
        near ? { id: near, path: indicatorPath(near, lang) } : undefined,
      );
    }
    const embed = { ...(await embedCode(c, indicator, lang)), variants: await builderVariants(c, indicator) };
    // The embed code can change without the data (a new widget build), so its hash is part of the key.
    const page = renderPage(c, `indicator:${id}:${fnv1a(embed.html)}`, lang, (o) =>
      indicatorPage(c.var.snapshot, indicator, embed, o),
    );
    return send(c, c.var.snapshot, page, { headers: builderHeaders(lang) });
  });

  // The data officers' publishing page: its script talks to this origin's API, so its CSP adds `connect-src 'self'`.
  pages.get(localized(lang, ROUTES.publish), async (c) => {
    const css = (await widgetManifest(c))?.css;
    const page = renderPage(c, `publish:${css ?? '-'}`, lang, (o) => publishPage(c.var.snapshot, o, css));
    return send(c, c.var.snapshot, page, {
      headers: { ...pageHeaders(lang), 'Content-Security-Policy': PUBLISH_CSP },
    });
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

// `/en` without the slash is redirected (308) to `/en/` by the app's trailing-slash rule (`worker/http`).

pages.get(ROUTES.siteAsset, serveAsset);
pages.get(ROUTES.favicon, serveFavicon);
pages.get(ROUTES.robots, serveRobots);
pages.get(ROUTES.sitemap, serveSitemap);
pages.get(SITEMAP_PART, serveSitemapPart);

export type { OpenApiDocument } from './api-reference';

/**
 * The API reference pages (`apiReferencePath(lang)`), rendered from the OpenAPI document of this data version. The
 * app passes the API's document builder in, because features do not import each other.
 */
export function apiReferencePages(document: (snapshot: Snapshot) => OpenApiDocument): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  for (const lang of ['zh', 'en'] as const)
    routes.get(localized(lang, ROUTES.apiReference), (c) =>
      sendPage(c, 'api-reference', lang, (o) => apiReferencePage(c.var.snapshot, document(c.var.snapshot), o)),
    );
  return routes;
}
