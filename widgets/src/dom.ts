/**
 * JSX straight to DOM nodes: the widget's whole view layer. A card is never
 * patched, only drawn anew (so nothing in it moves: element.tsx), which is
 * all a virtual DOM would have done for it; building the nodes directly saves
 * the ~4 KiB brotli a diffing library costs inside a 9 KiB budget.
 *
 * Props become attributes (`class`, `part`, `aria-*`, `tabIndex`; an HTML
 * document lower-cases the names), `on<Event>` become listeners, `key` is
 * ignored, `null`/`false`/`undefined` are skipped. Text is always text
 * (`append` of a string makes a text node): nothing is parsed as HTML, and
 * no style is ever set.
 */

/** What JSX produces and takes as children. */
export type Child = Node | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child[] };
type Component = (props: never) => Child;

const SVG = 'http://www.w3.org/2000/svg';

/** The JSX factory (classic runtime: `/** @jsx h *\/`). */
export function h(tag: string | Component, props: Record<string, unknown> | null, ...children: Child[]): Child {
  if (typeof tag != 'string') return (tag as (p: Props) => Child)({ ...props, children });
  const el = /^(svg|polyline)$/.test(tag) ? document.createElementNS(SVG, tag) : document.createElement(tag);
  for (const name in props) {
    const value = props[name];
    if (name[0] == 'o' && name[1] == 'n') el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else if (name != 'key' && value != null && value !== false) el.setAttribute(name, value as string);
  }
  el.append(...nodes(children));
  return el;
}

/** `<>…</>`: its children, as they are. */
export const Fragment = (props: { children?: Child[] }): Child => props.children;

/** A child as the flat list of nodes and strings `append` takes. */
export const nodes = (child: Child): (Node | string)[] =>
  Array.isArray(child) ? child.flatMap(nodes) : child == null || typeof child == 'boolean' ? [] : [child as Node];

// The JSX types, looked up on the factory: any intrinsic element with any props, components as functions.
export declare namespace h {
  namespace JSX {
    type Element = Child;
    interface IntrinsicElements {
      [name: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}
