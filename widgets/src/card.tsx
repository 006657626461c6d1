// JSX straight to DOM nodes (./dom.ts): a card is only ever drawn anew, never patched.
/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import type { CardFigure, CardModel } from '../../worker/card/model';
import type { Theme } from '../../worker/card/theme';
import { MISSING_WORDS } from '../../worker/language/card-words';
import { LANG_TAGS } from '../../worker/language/tags';
import { indicatorsPath } from '../../worker/links';
import type { Lang } from '../../worker/schema';
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above calls h and Fragment
import { type Child, Fragment, h } from './dom';
import { ORIGIN } from './origin';

/** An element whose class and `part` share one name (`.label`, `::part(label)`). */
const Part = ({
  tag: Tag = 'p',
  name,
  children,
  ...rest
}: {
  tag?: 'p' | 'dl' | 'ul';
  name: string;
  children: Child;
  id?: string;
}) => (
  <Tag class={name} part={name} {...rest}>
    {children}
  </Tag>
);

const Figure = ({ f }: { f: CardFigure }) => (
  <>
    {f.text}
    {f.unit && <span class="unit"> {f.unit}</span>}
  </>
);

/**
 * A card in the shadow root: the model of worker/card/model.ts (the same one
 * the iframe card and the embed code's fallback are written from) in the
 * markup card.css styles. Every text is set as text: nothing is parsed as
 * HTML, and nothing is an inline style.
 */
export function Card({ m, theme, stale, children }: { m: CardModel; theme: Theme; stale?: boolean; children?: Child }) {
  const note = m.note && <Part name="note">{m.note}</Part>;
  const value = m.value && (
    <Part name="value">
      <Figure f={m.value} />
    </Part>
  );
  return (
    <div class={`zz ${theme}`} lang={LANG_TAGS[m.lang]}>
      {/* biome-ignore lint/a11y/useSemanticElements: a <fieldset> is a form control group; a card is a labelled group of figures */}
      <div class={`card ${m.type}${stale ? ' stale' : ''}`} part="card" role="group" aria-labelledby="l" tabIndex={-1}>
        {/* The status first: a stale card that must scroll in a tight box still shows it. */}
        {children}
        <Part name="label" id="l">
          {m.label}
        </Part>
        {/* A target heads its figure with its period; a rank explains its scope after it. */}
        {m.type == 'target' ? [note, value] : [value, note]}
        {m.trend && (
          <svg
            class="trend"
            part="trend"
            viewBox="0 0 100 24"
            preserveAspectRatio="none"
            role="img"
            aria-label={m.trend.label}
          >
            <polyline points={m.trend.points} vector-effect="non-scaling-stroke" />
          </svg>
        )}
        {m.pair && (
          <Part tag="dl" name="pair">
            {m.pair.map((x) => (
              <div>
                <dt>{x.term}</dt>
                <dd part="value">
                  <Figure f={x.figure} />
                </dd>
              </div>
            ))}
          </Part>
        )}
        {m.progress && <progress max={m.progress.max} value={m.progress.value} aria-labelledby="pl" part="progress" />}
        {m.progress && (
          <Part name="note" id="pl">
            {m.progress.note}
          </Part>
        )}
        {m.rows && (
          <Part tag="ul" name="list">
            {m.rows.map((r) => (
              <li key={r.id}>
                <span>{r.label}</span>
                <b>
                  <Figure f={r.figure} />
                </b>
              </li>
            ))}
          </Part>
        )}
        <Part name="foot">
          {m.when && (
            <span>
              <time dateTime={m.when.datetime}>{m.when.text}</time>
            </span>
          )}
          <span>
            {m.source.prefix}
            {/^https?:/.test(m.source.href) ? (
              <a href={m.source.href} part="source">
                {m.source.publisher}
              </a>
            ) : (
              m.source.publisher
            )}
          </span>
        </Part>
      </div>
    </div>
  );
}

/**
 * The card of an id the API does not know: the card's box and look, saying what was not found, the id asked for, and
 * where the list of ids is (worker/markup/card-html.ts `renderMissingCard` writes the same for the iframe).
 */
export function Missing({
  kind,
  id,
  lang,
  theme,
}: {
  kind: 'indicator' | 'dataset';
  id: string;
  lang: Lang;
  theme: Theme;
}) {
  const w = MISSING_WORDS[lang];
  return (
    <div class={`zz ${theme}`} lang={LANG_TAGS[lang]}>
      {/* biome-ignore lint/a11y/useSemanticElements: as the card above */}
      <div class="card missing" part="card" role="group" aria-labelledby="l" tabIndex={-1}>
        <Part name="label" id="l">
          {w[kind]}
        </Part>
        <Part name="note">
          {w.id}
          <code>{id}</code>
        </Part>
        <Part name="foot">
          <a href={ORIGIN + indicatorsPath(lang)} part="source">
            {w.list}
          </a>
        </Part>
      </div>
    </div>
  );
}
