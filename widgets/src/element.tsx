import { render } from 'preact';
import { type CardData, type CardModel, datasetCard, indicatorCard } from '../../worker/embed/card';
import type { Dataset, Indicator, Lang } from '../../worker/schema';
import { Card, type Theme } from './card';
import css from './card.css';
import { arm, type Client, failed, join, leave, missing, queue, refresh, values } from './live';
import { ORIGIN } from './origin';
import { WORDS } from './words';

/** The attributes a card reads; changing any of them redraws it. */
export const ATTRIBUTES = ['indicator', 'dataset', 'type', 'progress', 'lang', 'theme', 'refresh'] as const;

// One stylesheet for every card on the page, adopted (never injected), so a
// host CSP of `style-src 'self'` has nothing to block.
let sheet: CSSStyleSheet | undefined;

/** The store, as the card model reads related figures (a target's so-far figure, a progress figure's target). */
const data: CardData = {
  meta: { title: { zh: '', en: '' } },
  get indicators() {
    return [...values.values()].filter((v): v is Indicator => !('indicators' in v));
  },
  indicator: (id) => values.get(id) as Indicator | undefined,
};

/**
 * `<zz-indicator indicator="platforms-total" lang="en" theme="auto" refresh="300">`:
 * a live card in an open shadow root. Its light-DOM content is the server's
 * fallback text: slotted, it shows as the host page laid it out (or inside a
 * reserved card box, if it was not laid out yet) until the figures arrive,
 * and stays the accessible text if they never do.
 */
export class ZzIndicator extends HTMLElement implements Client {
  static observedAttributes = ATTRIBUTES;
  private root_?: ShadowRoot;
  /** The figures last drawn, and the live region's text: only a real change is announced. */
  private seen_?: string;
  private said_?: string;
  private refocus_?: boolean;
  /** The element kept its pre-upgrade box (see reserve()): the fallback stays exactly as the host page laid it out. */
  private kept_?: boolean;

  connectedCallback(): void {
    try {
      if (!this.root_) {
        const own = new CSSStyleSheet();
        this.kept_ = reserve(this, own);
        this.root_ = this.attachShadow({ mode: 'open' });
        if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
        this.root_.adoptedStyleSheets = [sheet, own];
      }
      this.paint();
      join(this);
    } catch {
      // A card that cannot draw keeps its fallback text; the host page never sees an error.
    }
  }

  disconnectedCallback(): void {
    leave(this);
  }

  attributeChangedCallback(): void {
    if (!this.root_) return;
    this.paint();
    queue();
    arm();
  }

  private attr_(name: (typeof ATTRIBUTES)[number]): string {
    return this.getAttribute(name)?.trim() ?? '';
  }

  private dataset_(): string {
    return this.attr_('type') == 'dataset' || !this.attr_('indicator') ? this.attr_('dataset') : '';
  }

  keys(): string[] {
    const dataset = this.dataset_();
    if (dataset) return ['d/' + dataset];
    const id = this.attr_('indicator');
    const i = values.get(id) as Indicator | undefined;
    // `progress` (written by the embed code) brings a target's so-far figure in the same batch;
    // a progress figure's own target follows in a second batch.
    const other = this.attr_('progress') || (i?.kind == 'progress' && i.relations?.towards);
    return other ? [id, other] : [id];
  }

  every(): number {
    return Number(this.attr_('refresh')) || 0;
  }

  /** The card model, once every figure the card needs is in (or known to be unavailable). */
  private model_(lang: Lang): CardModel | undefined {
    const [key, other] = this.keys();
    const main = values.get(key!);
    if (!main || (other && !values.has(other) && !missing.has(other) && !failed.has(other))) return;
    return 'indicators' in main ? datasetCard(main as Dataset, lang, ORIGIN) : indicatorCard(main, lang, data, ORIGIN);
  }

  paint(): void {
    const root = this.root_;
    if (!root) return;
    try {
      const lang: Lang = /^en/i.test(this.closest('[lang]')?.getAttribute('lang') ?? '') ? 'en' : 'zh';
      const w = WORDS[lang];
      const theme = /^(light|dark|auto)$/.test(this.attr_('theme')) ? (this.attr_('theme') as Theme) : 'light';
      const keys = this.keys();
      const m = this.model_(lang);
      const status = m ? keys.some((k) => failed.has(k)) && w.stale : missing.has(keys[0]!) ? w.missing : keys.some((k) => failed.has(k)) && w.failed;
      if (m) {
        const now = [m.value, ...(m.pair ?? []).map((x) => x.figure), ...(m.rows ?? []).map((r) => r.figure)].map((f) => f?.text).join(' ');
        if (this.seen_ && now != this.seen_) this.said_ = `${m.label}: ${now}`;
        this.seen_ = now;
      }
      const line = status && (
        <p class="status" part="status">
          {status}
          {status != w.missing && (
            <button
              type="button"
              part="retry"
              onClick={() => {
                this.refocus_ = true;
                refresh();
              }}
            >
              {w.retry}
            </button>
          )}
        </p>
      );
      render(
        m ? (
          <Card m={m} theme={theme} stale={!!status}>
            {line}
            <p class="sr" aria-live="polite">
              {this.said_}
            </p>
          </Card>
        ) : (
          <>
            {/* Kept box: the fallback exactly as the host page laid it out, not even wrapped (a wrapper could change its margins). */}
            {this.kept_ && <slot />}
            {(!this.kept_ || line) && (
              <div class={`zz ${theme}`}>
                {this.kept_ ? (
                  line
                ) : (
                  <div class={`card ${this.dataset_() ? 'dataset' : 'number'}`} part="card">
                    <slot />
                    {line}
                  </div>
                )}
              </div>
            )}
          </>
        ),
        root,
      );
      // Retry succeeded: its button is gone, so keep focus in the card rather than lose it to <body>.
      if (this.refocus_ && !status) {
        this.refocus_ = false;
        root.querySelector<HTMLElement>('.card')?.focus();
      }
    } catch {
      // Never throw into the host page.
    }
  }
}

/**
 * The card's own stylesheet: it keeps the box the element had before it
 * upgraded. Pasted embed code loads the script `async`, so the page has
 * usually been painted with the fallback text in the host's own styles by
 * the time the card takes over. Keeping that height (and, for an inline
 * element, the margins its fallback paragraphs gave it) means nothing below
 * moves: the fallback stays as it was until the figures arrive, then the card
 * fills the same box, growing only if its figures need more room. An element
 * not laid out yet (the script ran first, or a card mounted from JavaScript)
 * reserves the stylesheet's card height instead. Returns whether a box was kept.
 */
function reserve(card: HTMLElement, own: CSSStyleSheet): boolean {
  const height = card.getBoundingClientRect().height;
  const margin = (el: Element | null, side: 'marginTop' | 'marginBottom') => (el ? getComputedStyle(el)[side] : 0);
  if (height) {
    own.replaceSync(
      `:host{min-height:${height}px${
        getComputedStyle(card).display == 'inline' ? `;margin-block:${margin(card.firstElementChild, 'marginTop')} ${margin(card.lastElementChild, 'marginBottom')}` : ''
      }}.zz,.card{min-height:inherit}`,
    );
  }
  return height > 0;
}
