/**
 * A least-recently-used map bounded by entries and by bytes (each entry's weight, given when it is set), on a Map's
 * insertion order. Recency is kept by a second chance (the CLOCK approximation of LRU) rather than a move on every
 * read: `get` only marks an entry, and eviction sends a marked entry to the back, unmarked, instead of dropping it. A
 * hit then costs one lookup and one write (this map sits on the hot path of every repeat read); what goes is the
 * oldest entry not read since it was set or last came round. The one bound for what an isolate keeps per data version:
 * rendered bodies (`Snapshot.cache`) and finished responses (the edge cache and the hot path in `worker/http`).
 *
 * @example
 * const kept = new Lru<string>(512, 16 * 2 ** 20);
 * kept.set('a', body, body.length * 2);
 * kept.get('a'); // body, marked: the next eviction passes it over once
 */
export class Lru<V> {
  #map = new Map<string, { value: V; weight: number; used: boolean }>();
  #bytes = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#map.get(key);
    if (entry === undefined) return undefined;
    entry.used = true;
    return entry.value;
  }

  /** Keeps `value` as the newest, then drops the least recently used past a bound (never `value` itself). */
  set(key: string, value: V, weight = 0): void {
    const old = this.#map.get(key);
    if (old !== undefined) this.#bytes -= old.weight;
    this.#map.delete(key);
    this.#map.set(key, { value, weight, used: false });
    this.#bytes += weight;
    // A Map's iterator also visits what is set again during the loop: a marked entry comes round once more, unmarked.
    for (const [oldest, entry] of this.#map) {
      if (this.#map.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      if (oldest === key) continue;
      this.#map.delete(oldest);
      if (entry.used) {
        entry.used = false;
        this.#map.set(oldest, entry);
      } else this.#bytes -= entry.weight;
    }
  }
}
