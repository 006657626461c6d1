// Preact's classic h() rather than its jsx-runtime: one module less and shorter calls in the bundle.
/** @jsxRuntime classic */
/** @jsx h */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above calls h
import { type ComponentChildren as Child, h } from 'preact';
import type { CardFigure, CardModel } from '../../worker/card/model';
import type { Theme } from '../../worker/card/theme';
import { MISSING_WORDS } from '../../worker/language/card-words';
import { LANG_TAGS } from '../../worker/language/tags';
import { indicatorsPath } from '../../worker/links';
import type { Lang } from '../../worker/schema';
import { ORIGIN } from './origin';

/** An element whose class and `part` share one name (`.label`, `::part(label)`); a plain call, not a component. */
export const part = (name: string, children: Child, rest?: object, Tag: 'p' | 'dl' | 'ul' | 'svg' = 'p') => (
  <Tag class={name} part={name} {...rest}>
    {children}
  </Tag>
);

const figure = (f: CardFigure) => [f.text, f.unit && <span class="unit"> {f.unit}</span>];

/** The card's two boxes: the themed container and the labelled group (the same for the not-found card). */
const box = (theme: Theme, lang: Lang, type: string, children: Child) => (
  <div class={`zz ${theme}`} lang={LANG_TAGS[lang]}>
    {/* biome-ignore lint/a11y/useSemanticElements: a <fieldset> is a form control group; a card is a labelled group of figures */}
    <div class={`card ${type}`} part="card" role="group" aria-labelledby="l" tabIndex={-1}>
      {children}
    </div>
  </div>
);

/**
 * A card in the shadow root: the model of worker/card/model.ts (the same one
 * the iframe card and the embed code's fallback are written from) in the
 * markup card.css styles. Preact sets every text as text: nothing is parsed
 * as HTML, and nothing is an inline style. A `status` line (a stale card's)
 * comes first and dashes the border.
 */
export function Card(m: CardModel, theme: Theme, status?: Child) {
  const note = m.note && part('note', m.note);
  const value = m.value && part('value', figure(m.value));
  return box(theme, m.lang, m.type + (status ? ' stale' : ''), [
    // The status first: a stale card that must scroll in a tight box still shows it.
    status,
    part('label', m.label, { id: 'l' }),
    // A target heads its figure with its period; a rank explains its scope after it.
    m.type == 'target' ? [note, value] : [value, note],
    m.trend &&
      part(
        'trend',
        <polyline points={m.trend.points} vector-effect="non-scaling-stroke" />,
        { viewBox: '0 0 100 24', preserveAspectRatio: 'none', role: 'img', 'aria-label': m.trend.label },
        'svg',
      ),
    m.pair &&
      part(
        'pair',
        m.pair.map((x) => (
          <div>
            <dt>{x.term}</dt>
            <dd part="value">{figure(x.figure)}</dd>
          </div>
        )),
        undefined,
        'dl',
      ),
    m.progress && [
      <progress max={m.progress.max} value={m.progress.value} aria-labelledby="pl" part="progress" />,
      part('note', m.progress.note, { id: 'pl' }),
    ],
    m.rows &&
      part(
        'list',
        m.rows.map((r) => (
          <li>
            <span>{r.label}</span>
            <b>{figure(r.figure)}</b>
          </li>
        )),
        undefined,
        'ul',
      ),
    part('foot', [
      m.when && (
        <span>
          <time dateTime={m.when.datetime}>{m.when.text}</time>
        </span>
      ),
      <span>
        {m.source.prefix}
        {/^https?:/.test(m.source.href) ? (
          <a href={m.source.href} part="source">
            {m.source.publisher}
          </a>
        ) : (
          m.source.publisher
        )}
      </span>,
    ]),
  ]);
}

/**
 * The card of an id the API does not know: the card's box and look, saying what was not found, the id asked for, and
 * where the list of ids is (worker/markup/card-html.ts `renderMissingCard` writes the same for the iframe).
 */
export function Missing(kind: 'indicator' | 'dataset', id: string, lang: Lang, theme: Theme) {
  const w = MISSING_WORDS[lang];
  return box(theme, lang, 'missing', [
    part('label', w[kind], { id: 'l' }),
    part('note', [w.id, <code>{id}</code>]),
    part(
      'foot',
      <a href={ORIGIN + indicatorsPath(lang)} part="source">
        {w.list}
      </a>,
    ),
  ]);
}
