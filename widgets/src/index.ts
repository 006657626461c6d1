/**
 * The embed script (`/widget.js`): live indicator cards for any page.
 *
 *   <zz-indicator indicator="platforms-total" lang="en" theme="auto" refresh="300">fallback</zz-indicator>
 *   <div data-zz-indicator="platforms-total" data-zz-theme="dark">fallback</div>   (CMSes that strip unknown tags)
 *   ZZIndicators.mount(element, { indicator: 'platforms-total', lang: 'en' })     (sites that mount cards themselves)
 *
 * Loading it twice (two pasted embed codes) is harmless: the second copy does nothing.
 * In a browser without constructable stylesheets the fallback text simply stays.
 */
import { ZzIndicator } from './element';
import { refresh } from './live';

/** Card options: the element's attributes (`indicator`, `dataset`, `type`, `lang`, `theme`, `refresh`, `progress`). */
export type MountOptions = Record<string, string | number>;

/** `window.ZZIndicators`: the script's JavaScript API. */
export interface ZZIndicatorsApi {
  /**
   * Makes `element` a card: a `<zz-indicator>` gets the options as attributes;
   * any other element gets a `<zz-indicator>` inside it, with its children
   * (the fallback text) moved in. Returns the card.
   */
  mount(element: Element, options?: MountOptions): Element;
  /** Upgrades `data-zz-*` placeholders under `root` (done for the document at load). */
  scan(root?: ParentNode): void;
  /** Asks for every card's figures again now (conditional; a 304 keeps them). */
  refresh(): void;
}

declare global {
  interface Window {
    ZZIndicators?: ZZIndicatorsApi;
  }
}

const TAG = 'zz-indicator';

function mount(element: Element, options: MountOptions = {}): Element {
  const card = element.localName == TAG ? element : document.createElement(TAG);
  for (const name in options) card.setAttribute(name, options[name] as string);
  if (card != element) {
    card.append(...element.childNodes);
    element.append(card);
  }
  return card;
}

function scan(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-zz-indicator],[data-zz-dataset]')) {
    if (el.querySelector(TAG)) continue;
    // data-zz-indicator → indicator, data-zz-theme → theme, …
    const options: MountOptions = {};
    for (const key in el.dataset) if (key.startsWith('zz')) options[key.slice(2).toLowerCase()] = el.dataset[key]!;
    mount(el, options);
  }
}

try {
  if (!customElements.get(TAG) && 'adoptedStyleSheets' in Document.prototype) {
    customElements.define(TAG, ZzIndicator);
    window.ZZIndicators = { mount, scan, refresh };
    scan();
    // Loaded before the placeholders were parsed (a blocking script in <head>).
    document.addEventListener('DOMContentLoaded', () => {
      try {
        scan();
      } catch {
        // as above
      }
    });
  }
} catch {
  // Never throw into the host page.
}
