/** Shared helpers of the feed tests in workerd. */
import { XMLParser } from 'fast-xml-parser';
import { bundledSource, type Snapshot } from '../../../worker/data-source';

export { get, ORIGIN } from '../support/worker';

/** The data the Worker serves, to derive expectations from. */
export const snapshot = (): Promise<Snapshot> => bundledSource.current();

/** Elements that may repeat, by path: always parsed as lists. */
const LISTS = new Set([
  'feed.link',
  'feed.entry',
  'feed.entry.link',
  'feed.entry.category',
  'rss.channel.atom:link',
  'rss.channel.item',
  'rss.channel.item.category',
]);

/**
 * An independent XML parser set up to keep text exactly (no trimming, no
 * number guessing), decode character references, keep attributes (`@name`)
 * and always give lists for repeatable elements.
 */
export const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (_name, path) => LISTS.has(String(path)),
});

/** Text of a parsed element (a bare string, or `#text` beside attributes). */
export const text = (node: unknown): string =>
  typeof node === 'string' ? node : node && typeof node === 'object' ? String((node as Record<string, unknown>)['#text'] ?? '') : '';

/** The feed paths: catalog and every dataset, in one format. */
export function feedPaths(s: Snapshot, file: 'feed.xml' | 'feed.atom' | 'feed.json'): string[] {
  return [`/${file}`, ...s.datasets.map((d) => `/datasets/${d.id}/${file}`)];
}
