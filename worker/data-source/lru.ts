/**
 * A least-recently-used map bounded by entries and by bytes (each entry's weight, given when it is set), on a Map's
 * insertion order. The one bound for what an isolate keeps per data version: rendered bodies (`Snapshot.cache`) and
 * finished responses (the edge cache and the hot path in `worker/http`).
 *
 * @example
 * const kept = new Lru<string>(512, 16 * 2 ** 20);
 * kept.set('a', body, body.length * 2);
 * kept.get('a'); // body, now the most recently used
 */
export class Lru<V> {
  #map = new Map<string, { value: V; weight: number }>();
  #bytes = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#map.get(key);
    if (entry === undefined) return undefined;
    this.#map.delete(key);
    this.#map.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` as the most recently used, then drops the least recently used past a bound (never `value`). */
  set(key: string, value: V, weight = 0): void {
    const old = this.#map.get(key);
    if (old !== undefined) this.#bytes -= old.weight;
    this.#map.delete(key);
    this.#map.set(key, { value, weight });
    this.#bytes += weight;
    for (const [oldest, entry] of this.#map) {
      if (oldest === key || (this.#map.size <= this.maxEntries && this.#bytes <= this.maxBytes)) break;
      this.#map.delete(oldest);
      this.#bytes -= entry.weight;
    }
  }
}
