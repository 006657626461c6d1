// Preact's classic h() rather than its jsx-runtime: one module less and shorter calls in the bundle.
/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above calls h and Fragment
import { type ComponentChildren, Fragment, h, render } from 'preact';
import { type CardFigures, type CardModel, datasetCard, indicatorCard } from '../../worker/card/model';
import type { Theme } from '../../worker/card/theme';
import { WIDGET_WORDS } from '../../worker/language/card-words';
import type { Dataset, Indicator, Lang } from '../../worker/schema';
import { Card, Missing, part } from './card';
import css from './card.css';
import { arm, type Client, failed, join, leave, missing, queue, refresh, values } from './live';
import { ORIGIN } from './origin';

/** The attributes a card reads; changing any of them redraws it. */
export const ATTRIBUTES = ['indicator', 'dataset', 'type', 'progress', 'lang', 'theme', 'refresh'] as const;

// One stylesheet for every card on the page, adopted (never injected), so a
// host CSP of `style-src 'self'` has nothing to block.
let sheet: CSSStyleSheet | undefined;

/**
 * The store, as the card model reads related figures (a target's so-far figure, a progress figure's target). Its
 * datasets never match: they have no `relations`, and their keys (`d/…`) are never an indicator id.
 */
const data = {
  get indicators() {
    return [...values.values()];
  },
  indicator: (id: string) => values.get(id),
} as CardFigures;

/**
 * `<zz-indicator indicator="platforms-total" lang="en" theme="auto" refresh="300">`:
 * a live card in an open shadow root. Its light-DOM content is the server's
 * fallback text: slotted, it shows as the host page laid it out (or inside a
 * reserved card box, if it was not laid out yet) until the figures arrive,
 * and stays the accessible text if they never do.
 *
 * Zero layout shift: the element keeps one box. Pasted embed code
 * loads the script `async`, so the host page has usually painted the fallback
 * in its own fonts and styles when the card takes over; the element keeps that
 * exact box (its height and, in normal flow, the margins its fallback
 * paragraphs gave it), and the card is drawn inside it: its type shrinks a
 * little if it would not fit, and past that it scrolls. An element not laid
 * out yet (the script ran first, or a card mounted from JavaScript) shows a
 * reserved card box and keeps whatever box it has when its figures arrive. A
 * card whose content changes (figures, state, theme) is drawn anew, so no part
 * of it moves either: only new content appears. When the host's layout gives
 * the element another width (a late stylesheet, a resized window), it keeps
 * the box its fallback takes at that width instead (see paint_()).
 */
export class ZzIndicator extends HTMLElement implements Client {
  static observedAttributes = ATTRIBUTES;
  private root_?: ShadowRoot;
  /** The card's own stylesheet: the kept box and the type scale (CSSOM, so a strict host CSP allows it). */
  private own_!: CSSStyleSheet;
  /** The kept box, as CSS (`height:…px;margin-block:…`); none until the element has one. */
  private box_?: string;
  /** The margins the fallback paragraphs gave the element in the host's flow (see keep_()). */
  private margins_ = '';
  /** The element's width when the box was kept (0: not yet): at another width it is measured again. */
  private width_ = 0;
  /** What is drawn (see paint_()): drawing the same again does nothing. */
  private key_?: string;
  /** The figures last drawn, and the live region's text: only a real change is announced. */
  private seen_?: string;
  private said_?: string;

  connectedCallback(): void {
    try {
      if (!this.root_) {
        this.own_ = new CSSStyleSheet();
        // Measured before the shadow root changes anything; paint_() below writes it into the stylesheet.
        this.keep_();
        this.root_ = this.attachShadow({ mode: 'open' });
        if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
        this.root_.adoptedStyleSheets = [sheet, this.own_];
      }
      this.paint_();
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
    this.paint_();
    queue();
    arm();
  }

  private attr_(name: (typeof ATTRIBUTES)[number]): string {
    return this.getAttribute(name)?.trim() ?? '';
  }

  private dataset_(): string {
    return this.attr_('type') == 'dataset' || !this.attr_('indicator') ? this.attr_('dataset') : '';
  }

  keys_(): string[] {
    const dataset = this.dataset_();
    if (dataset) return [`d/${dataset}`];
    const id = this.attr_('indicator');
    const i = values.get(id) as Indicator | undefined;
    // `progress` (written by the embed code) brings a target's so-far figure in the same batch;
    // a progress figure's own target follows in a second batch.
    const other = this.attr_('progress') || (i?.kind == 'progress' && i.relations?.towards);
    return other ? [id, other] : [id];
  }

  every_(): number {
    return Number(this.attr_('refresh')) || 0;
  }

  /** The card model, once every figure the card needs is in (or known to be unavailable). */
  private model_(lang: Lang): CardModel | undefined {
    const [key, other] = this.keys_();
    const main = values.get(key!);
    if (!main || (other && !values.has(other) && !missing.has(other) && !failed.has(other))) return;
    return 'indicators' in main ? datasetCard(main as Dataset, lang, ORIGIN) : indicatorCard(main, lang, data, ORIGIN);
  }

  /**
   * Keeps the box the element has now, if it has one and keeps none yet.
   * Before the upgrade the element is inline (an unknown tag) around block
   * paragraphs, whose outer margins collapse with the page's; as a block it
   * keeps them as its own.
   */
  private keep_(): void {
    const height = this.getBoundingClientRect().height;
    const style = (el: Element | null) => getComputedStyle(el ?? this);
    if (style(this).display == 'inline')
      this.margins_ = `;margin-block:${style(this.firstElementChild).marginTop} ${style(this.lastElementChild).marginBottom}`;
    if (height && !this.box_) this.box_ = `height:${height}px${this.margins_}`;
  }

  paint_(): void {
    const root = this.root_!;
    // Everything drawn goes into the same two places: the card, keyed by what it shows, and the live region.
    const draw = (key: string, content: ComponentChildren) =>
      render(
        [
          // Keyed by what it shows: a changed card is new nodes (drawn anew, never patched), so nothing in it moves.
          <Fragment key={key}>{content}</Fragment>,
          // Outside the redrawn card, so it stays the same live region and its change is announced.
          <p class="sr" aria-live="polite">
            {this.said_}
          </p>,
        ],
        root,
      );
    try {
      // The host's layout gave the element another width since its box was kept (a stylesheet that came after the
      // script, a resized or turned screen): the box the fallback takes at this width is kept instead, measured
      // with the fallback shown for an instant (no frame is painted in between).
      const width = this.getBoundingClientRect().width;
      if (width && this.width_ && width != this.width_) {
        this.own_.replaceSync('');
        draw('', <slot />);
        this.box_ = this.key_ = undefined;
        this.keep_();
      }
      if (this.box_) this.width_ = width;
      const lang: Lang = /^en/i.test(this.closest('[lang]')?.getAttribute('lang') ?? '') ? 'en' : 'zh';
      const w = WIDGET_WORDS[lang];
      let theme = this.attr_('theme') as Theme;
      if (!/^(light|dark|auto)$/.test(theme)) theme = 'light';
      const keys = this.keys_();
      const m = this.model_(lang);
      const bad = keys.some((k) => failed.has(k));
      // An id the API does not know: the not-found card (live.ts has told the webmaster in the console).
      const gone = !m && missing.has(keys[0]!);
      const status = m ? bad && w.stale : !gone && bad && w.failed;
      // Everything the card shows: when it changes the card is drawn anew (new nodes: nothing in it "moves").
      const key = theme + status + gone + JSON.stringify(m);
      if (key == this.key_) return;
      this.key_ = key;
      if (m) {
        const now = (m.rows ?? m.pair ?? [{ figure: m.value! }]).map((x) => x.figure.text).join(' ');
        if (this.seen_ && now != this.seen_) this.said_ = `${m.label}: ${now}`;
        this.seen_ = now;
      }
      const line =
        status &&
        part('status', [
          status,
          <button type="button" part="retry" onClick={refresh}>
            {w.retry}
          </button>,
        ]);
      const dataset = this.dataset_();
      // A kept box with nothing to add: the fallback exactly as the host page laid it out, not even wrapped.
      const bare = !m && !line && !gone && this.box_;
      if (!bare) this.keep_();
      const focused = root.activeElement;
      draw(
        key,
        bare ? (
          <slot />
        ) : m ? (
          Card(m, theme, line)
        ) : gone ? (
          Missing(dataset ? 'dataset' : 'indicator', dataset || keys[0]!, lang, theme)
        ) : (
          <div class={`zz ${theme}`}>
            <div class={`card ${dataset ? 'dataset' : 'number'}`} part="card">
              {line}
              <slot />
            </div>
          </div>
        ),
      );
      // Fits the card into the kept box: its type shrinks in 5% steps down to 75% until it fits; past that it
      // scrolls. The not-found card is not pressed at all: it takes at least the kept box, and grows if it needs
      // more. A failed or stale card's status comes first in it, so it shows even when the rest must scroll.
      const card = root.querySelector('.card');
      let k = 100;
      if (this.box_)
        do this.own_.replaceSync(`:host{${gone ? 'min-' : ''}${this.box_};--_k:${k / 100}}.card{min-height:0}`);
        while (!gone && card && card.scrollHeight > card.clientHeight && (k -= 5) > 70);
      // Focus was in what was redrawn (the retry button that went away, a link): keep it in the card, not on <body>.
      if (focused && !root.activeElement) root.querySelector<HTMLElement>('.card')?.focus();
    } catch {
      // Never throw into the host page.
    }
  }
}
