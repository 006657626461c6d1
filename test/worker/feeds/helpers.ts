/** Shared helpers of the feed tests in workerd. */
import { XMLParser } from 'fast-xml-parser';
import type { Snapshot } from '../../../worker/data-source';
import { servedSnapshot } from '../support/worker';

export { get, ORIGIN } from '../support/worker';

/** The data the Worker serves, to derive expectations from. */
export const snapshot = (): Promise<Snapshot> => servedSnapshot();

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
 * How the tests read XML with an independent parser: text kept exactly (no
 * trimming, no number guessing), character references decoded (numeric ones
 * too, which the default leaves alone), attributes kept as `@name`.
 */
const XML_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
} as const;

/** A parser for any XML document, read as {@link XML_OPTIONS} says. */
export const plainXml = new XMLParser(XML_OPTIONS);

/** The parser for feeds: as {@link plainXml}, and repeatable feed elements are always lists. */
export const xml = new XMLParser({ ...XML_OPTIONS, isArray: (_name, path) => LISTS.has(String(path)) });

/** Text of a parsed element (a bare string, or `#text` beside attributes). */
export const text = (node: unknown): string =>
  typeof node === 'string'
    ? node
    : node && typeof node === 'object'
      ? String((node as Record<string, unknown>)['#text'] ?? '')
      : '';

/** The feed paths: catalog and every dataset, in one format. */
export function feedPaths(s: Snapshot, file: 'feed.xml' | 'feed.atom' | 'feed.json'): string[] {
  return [`/${file}`, ...s.datasets.map((d) => `/datasets/${d.id}/${file}`)];
}
