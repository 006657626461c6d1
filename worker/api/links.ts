/**
 * Paths of everything the service publishes, in one place so every link in
 * the API points where the route really is. Feeds, pages and embeds are
 * served by their own features (`worker/feeds`, `worker/pages`, `worker/embed`).
 */
export const API_BASE = '/api/v1';

export const paths = {
  api: API_BASE,
  openapi: `${API_BASE}/openapi.json`,
  datasets: `${API_BASE}/datasets`,
  dataset: (id: string) => `${API_BASE}/datasets/${id}`,
  datasetCsv: (id: string) => `${API_BASE}/datasets/${id}.csv`,
  indicators: `${API_BASE}/indicators`,
  indicatorsCsv: `${API_BASE}/indicators.csv`,
  indicator: (id: string) => `${API_BASE}/indicators/${id}`,
  news: `${API_BASE}/news`,
  newsItem: (id: string) => `${API_BASE}/news/${id}`,
  home: '/',
  datasetPage: (id: string) => `/datasets/${id}`,
  indicatorPage: (id: string) => `/indicators/${id}`,
  rss: '/feed.xml',
  atom: '/feed.atom',
  jsonFeed: '/feed.json',
  datasetRss: (id: string) => `/datasets/${id}/feed.xml`,
  datasetAtom: (id: string) => `/datasets/${id}/feed.atom`,
  datasetJsonFeed: (id: string) => `/datasets/${id}/feed.json`,
  embed: (id: string) => `/embed/${id}`,
  badge: (id: string) => `/badge/${id}.svg`,
} as const;
