/**
 * The live data of every card on the page: one store, one batched request.
 *
 * Nothing is fetched until a card nears the viewport; then every card's
 * figures come in one `GET /api/v1/indicators?ids=…` (split at 50 ids, the
 * API's batch limit) plus one `GET /api/v1/datasets/:id` per dataset card.
 * Refreshes ask again with `If-None-Match`, so an unchanged batch costs a 304.
 * Errors never reach the host page: they only mark figures as failed, and
 * the cards keep their last good values.
 */
import { apiDataset, apiIndicatorBatch, indicatorsPath } from '../../worker/links';
import type { Dataset, Indicator } from '../../worker/schema';
import { ORIGIN } from './origin';

/** A card, as the store sees it. */
export interface Client extends Element {
  /** What the card shows now: indicator ids, or `d/<dataset id>` for a dataset. */
  keys_(): string[];
  /** Seconds between refreshes it asks for; 0 for none. */
  every_(): number;
  /** Draws the card again from the store. */
  paint_(): void;
}

/** The batch limit of `/api/v1/indicators?ids=`. */
const BATCH = 50;
/** Shortest refresh interval honoured, so a typo cannot hammer the API. */
const MIN_REFRESH = 10;
// worker/schema/id.ts ID_PATTERN, copied: importing it brings valibot into the bundle (+0.8 KiB brotli).
// test/node/widgets/build.test.ts keeps the two equal.
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Last good value of each key. */
export const values = new Map<string, Indicator | Dataset>();
/** Keys whose last request failed (the card shows its last value as stale). */
export const failed = new Set<string>();
/** Keys the API does not know (or that are not ids at all). */
export const missing = new Set<string>();

const busy = new Set<string>();
const etags = new Map<string, string>();
const clients = new Set<Client>();
let started = false;
let queued = false;
let interval = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let due = false;

// Data loading starts when the first card comes within 300px of the viewport.
const near = new IntersectionObserver(
  (entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      near.disconnect();
      started = true;
      queue();
    }
  },
  { rootMargin: '300px' },
);

/** Adds a card; it is drawn at once and gets data with the next batch. */
export function join(card: Client): void {
  clients.add(card);
  if (started) queue();
  else near.observe(card);
  arm();
}

/** Removes a card (it left the document). */
export function leave(card: Client): void {
  clients.delete(card);
  near.unobserve(card);
  arm();
}

/**
 * Fetches whatever new keys the cards need once the current task is done, or
 * once the page is parsed if it still is (the script may be in `<head>`), so
 * all the cards of a page make one request.
 */
export function queue(): void {
  if (!started || queued) return;
  queued = true;
  const go = () =>
    queueMicrotask(() => {
      queued = false;
      load(false);
    });
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', go);
  else go();
}

/** Asks again for every figure on the page, conditionally. */
export function refresh(): void {
  if (started) load(true);
}

function load(again: boolean) {
  const keys = new Set<string>();
  let bad = false;
  for (const card of clients) {
    for (const key of card.keys_()) {
      if (busy.has(key) || missing.has(key)) continue;
      // Not an id at all: never sent, so one typo cannot spoil the batch for every card.
      if (!ID.test(key.replace(/^d\//, '')) || key.length > 82 /* d/ + 80 */) bad = !!missing.add(key);
      else if (again || !(values.has(key) || failed.has(key))) keys.add(key);
    }
  }
  // Sorted, so the same cards always make the same URL and the ETag matches.
  const ids: string[] = [];
  for (const key of [...keys].sort()) {
    if (key[1] == '/') get(apiDataset(key.slice(2)), [key], (body: Dataset) => values.set(key, body));
    else ids.push(key);
  }
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    get(apiIndicatorBatch(chunk), chunk, (body: { indicators: Indicator[] }) => {
      for (const indicator of body.indicators) values.set(indicator.id, indicator);
      for (const key of chunk) if (!values.has(key)) missing.add(key);
    });
  }
  if (bad) paint();
}

async function get<T>(path: string, keys: string[], take: (body: T) => void) {
  const url = ORIGIN + path;
  for (const key of keys) busy.add(key);
  try {
    const etag = etags.get(url);
    // No cookies; a conditional request only when we hold the body it names.
    const res = await fetch(url, { credentials: 'omit', headers: etag ? { 'If-None-Match': etag } : {} });
    if (res.status == 404 && keys.length == 1) missing.add(keys[0]!);
    else if (res.status != 304) {
      if (!res.ok) throw res.status;
      take((await res.json()) as T);
      etags.set(url, res.headers.get('ETag') ?? '');
    }
    for (const key of keys) failed.delete(key);
  } catch {
    for (const key of keys) failed.add(key);
  }
  for (const key of keys) busy.delete(key);
  paint();
}

/** Missing keys the console has been told about. */
const told = new Set<string>();

function paint() {
  // One warning for the webmaster per newly missing id: which, and where the ids are. Nothing is thrown.
  const news = [...missing].filter((key) => !told.has(key) && told.add(key));
  if (news.length)
    console.warn(
      `zz-indicator: no such id ${news.map((key) => `"${key.replace('d/', '')}"`).join(', ')} (未找到). The ids are listed at ${ORIGIN}${indicatorsPath('zh')}`,
    );
  for (const card of clients) card.paint_();
  // A card may need more now (a progress figure's target): fetch it in a follow-up batch.
  queue();
}

/** (Re)arms the page's one refresh timer at the shortest interval any card asks for. */
export function arm(): void {
  let seconds = Infinity;
  for (const card of clients) if (card.every_() > 0) seconds = Math.min(seconds, Math.max(card.every_(), MIN_REFRESH));
  if (seconds == interval) return;
  interval = seconds;
  clearTimeout(timer);
  if (seconds < Infinity) timer = setTimeout(tick, seconds * 1000);
}

function tick() {
  // A hidden tab does not poll; it catches up when it is shown again.
  if (document.hidden) due = true;
  else refresh();
  timer = setTimeout(tick, interval * 1000);
}

// The host's layout may change a card's width after it was drawn: once its stylesheets are all in, and on every
// resize. Each card then fits itself again (ZzIndicator.paint_()).
addEventListener('load', paint);
addEventListener('resize', paint);

document.addEventListener('visibilitychange', () => {
  if (due && !document.hidden) {
    due = false;
    refresh();
  }
});
